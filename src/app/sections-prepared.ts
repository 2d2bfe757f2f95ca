/**
 * The mark prepare-sections.ts leaves on the page's timeline once the other sections are prepared (`detail`:
 * `{ compiled }`, whether Pengawasan's map programs were compiled). In a module of its own, free of the map's
 * code, because scripts in Node wait for it too: the build's answers, the benchmark.
 */
export const SECTIONS_PREPARED = 'gancang:sections-prepared';
