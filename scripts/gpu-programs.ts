/**
 * The GPU programs a page links, recorded in the page from before its own scripts run: when each was linked,
 * what it draws, and the page's load state then. With software WebGL each program is compiled while the page
 * waits for the map's frame, so what a first map links before "ready" is part of its wait.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A program linked, named by what it draws (deck.gl's shader name, or the map's own program). */
export interface LinkedProgram {
  atMs: number;
  name: string;
  /** <html data-state> when it was linked. */
  state: string | undefined;
}

/**
 * Run in the page. Text, not a function (see page-states.ts). deck.gl names its shaders; MapLibre's are known by
 * a line of their own source (its sky, a fill's outline pass, a background layer), else by their attributes.
 */
const RECORD_PROGRAMS = `(() => {
  const linked = (window.__linkedPrograms = []);
  const maplibre = [
    ['sky', 'u_sky_color'],
    ['fill-outline', 'length(v_pos - gl_FragCoord.xy)'],
    ['background', 'fragColor=u_color*u_opacity;'],
  ];
  for (const C of [WebGL2RenderingContext, WebGLRenderingContext]) {
    const link = C.prototype.linkProgram;
    C.prototype.linkProgram = function (program) {
      const source = (this.getAttachedShaders(program) || []).map((s) => this.getShaderSource(s) || '').join('\\n');
      const deck = /#define SHADER_NAME (\\S+)/.exec(source);
      const own = maplibre.find(([, line]) => source.includes(line));
      const inputs = [...new Set(source.match(/\\bin \\w+ a_\\w+/g) || [])].map((s) => s.split(' ').pop()).join(',');
      const name = deck ? deck[1] : 'maplibre ' + (own ? own[0] : inputs);
      linked.push({ atMs: performance.now(), name, state: document.documentElement.dataset.state });
      return link.call(this, program);
    };
  }
})()`;

/** Records the programs linked by every page of `context` opened from now on. */
export async function recordGpuPrograms(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: RECORD_PROGRAMS });
}

/** The programs the page has linked since it was opened. */
export function gpuPrograms(page: Page): Promise<LinkedProgram[]> {
  return page.evaluate(
    () => (window as unknown as { __linkedPrograms?: LinkedProgram[] }).__linkedPrograms ?? [],
  );
}
