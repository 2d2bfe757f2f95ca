/**
 * Bidirectional isolation for text that comes from files (dataset, village, kecamatan and agent names,
 * anything imported) wherever it is placed inside other text: page strings, canvas (PNG) and PDF. A
 * right-to-left override or right-to-left letters in a name must not reorder the words after it (the
 * source line, the privacy notice). In JSX, put such text in its own `<bdi>` element instead.
 */

/** Embeddings and overrides (U+202A–202E), isolates (U+2066–2069) and the marks U+200E, U+200F, U+061C. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Paragraph separators end every embedding and isolate and start a new paragraph. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these separators are exactly what is matched
const PARAGRAPH_BREAKS = /[\n\r\u001C-\u001E\u0085\u2029]/g;

/** The text without any bidi control character, and on one line. */
export const stripBidiControls = (text: string): string =>
  text.replace(BIDI_CONTROLS, '').replace(PARAGRAPH_BREAKS, ' ');

/**
 * Untrusted text to place inside other text: its own controls removed (so none can close the isolate
 * early), then wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so its direction, whatever its
 * letters, stays inside.
 */
export const isolate = (text: string): string => `\u2068${stripBidiControls(text)}\u2069`;
