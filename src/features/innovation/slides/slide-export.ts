/**
 * Slides as images and as a deck: a slide frame of 1920×1080 is drawn to PNG (html-to-image, in the browser,
 * nothing sent anywhere) and the deck is a PDF of one JPEG page per slide (jsPDF), both loaded on first use.
 */
import { SLIDE_PX } from './deck';

const OPTIONS = {
  ...SLIDE_PX,
  canvasWidth: SLIDE_PX.width,
  canvasHeight: SLIDE_PX.height,
  pixelRatio: 1,
  backgroundColor: '#ffffff',
  // The system fonts are used as they are: nothing to fetch and embed.
  skipFonts: true,
  // The frame waits off screen; its copy is drawn where the image starts.
  style: { position: 'static', left: '0', top: '0' },
};

/** The frame as PNG bytes at 1920×1080. */
export async function slidePng(frame: HTMLElement): Promise<Blob> {
  const { toBlob } = await import('html-to-image');
  const blob = await toBlob(frame, OPTIONS);
  if (!blob) throw new Error('slide image failed');
  return blob;
}

/** The frame as a JPEG data URL (for the deck: a fraction of a PNG's size). */
async function slideJpeg(frame: HTMLElement): Promise<string> {
  const { toJpeg } = await import('html-to-image');
  return toJpeg(frame, { ...OPTIONS, quality: 0.85 });
}

/** A PDF with one 16:9 page per slide; `show(i)` puts slide i in the frame and resolves once it is drawn. */
export async function deckPdf(
  count: number,
  show: (i: number) => Promise<HTMLElement>,
  meta: { title: string; subject: string },
): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  // 1920×1080 px at 144 dpi: 338,7 × 190,5 mm.
  const page: [number, number] = [(SLIDE_PX.width / 144) * 25.4, (SLIDE_PX.height / 144) * 25.4];
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: page });
  doc.setProperties(meta);
  for (let i = 0; i < count; i++) {
    if (i > 0) doc.addPage(page, 'landscape');
    doc.addImage(await slideJpeg(await show(i)), 'JPEG', 0, 0, page[0], page[1]);
  }
  return doc.output('blob');
}

/** Resolves after the browser has laid out and painted twice (charts measure their box, then draw). */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150))),
  );
