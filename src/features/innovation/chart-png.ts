/**
 * A rendered recharts chart (SVG) as a PNG with a title, its legend and the source lines, drawn in the browser:
 * the SVG is serialised with its computed text styles and rasterised on a canvas. recharts draws the legend as
 * HTML beside the SVG, so its items are read from the page and drawn again under the chart.
 */

const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

/** Copies the computed font and colours onto every text node so the standalone SVG looks the same. */
function inlineStyles(source: SVGSVGElement, clone: SVGSVGElement): void {
  const from = source.querySelectorAll('text, tspan');
  const to = clone.querySelectorAll('text, tspan');
  from.forEach((node, i) => {
    const style = getComputedStyle(node);
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    target.setAttribute('font-family', FONT);
    target.setAttribute('font-size', style.fontSize);
    if (!target.getAttribute('fill')) target.setAttribute('fill', style.fill || '#333');
  });
}

export interface ChartLegendItem {
  label: string;
  color: string;
}

/** The legend recharts drew for the chart in `container`: each item's text and its icon's colour. */
export function legendItems(container: Element): ChartLegendItem[] {
  return [...container.querySelectorAll('.recharts-legend-item')].map((item) => {
    const icon = item.querySelector('.recharts-legend-icon');
    const fill = icon?.getAttribute('fill');
    const color = fill && fill !== 'none' ? fill : (icon?.getAttribute('stroke') ?? '#333333');
    return { label: item.querySelector('.recharts-legend-item-text')?.textContent?.trim() ?? '', color };
  });
}

/** `text` broken into lines no wider than `width` at the context's font (never squeezed). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

const LEGEND_ROW = 20;
const FOOTER_LINE = 14;

/** Rows of legend items (swatch and label) that fit `width`. */
function legendRows(ctx: CanvasRenderingContext2D, items: ChartLegendItem[], width: number) {
  const rows: { item: ChartLegendItem; x: number }[][] = [];
  let row: { item: ChartLegendItem; x: number }[] = [];
  let x = 0;
  for (const item of items) {
    const w = 18 + ctx.measureText(item.label).width + 18;
    if (row.length > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ item, x });
    x += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** PNG of `svg` at `scale`×, with `title` above, then the chart, its `legend` and the `footer` lines below. */
export async function chartPng(
  svg: SVGSVGElement,
  title: string,
  footer: string,
  legend: ChartLegendItem[] = [],
  scale = 2,
): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  inlineStyles(svg, clone);
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('chart SVG could not be drawn'));
      image.src = url;
    });
    const top = 44;
    const canvas = document.createElement('canvas');
    const measure = canvas.getContext('2d');
    if (!measure) throw new Error('no 2d canvas');
    measure.font = `12px ${FONT}`;
    const rows = legendRows(measure, legend, width);
    measure.font = `11px ${FONT}`;
    const footerLines = wrap(measure, footer, width);
    const legendTop = top + height + 8;
    const footerTop = legendTop + rows.length * LEGEND_ROW + 8;
    const bottom = footerTop + footerLines.length * FOOTER_LINE + 10;
    canvas.width = Math.round((width + 32) * scale);
    canvas.height = Math.round(bottom * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width + 32, bottom);
    ctx.fillStyle = '#111111';
    ctx.font = `bold 16px ${FONT}`;
    ctx.textBaseline = 'top';
    ctx.fillText(title, 16, 14, width);
    ctx.drawImage(image, 16, top, width, height);
    ctx.font = `12px ${FONT}`;
    rows.forEach((row, r) => {
      for (const { item, x } of row) {
        const y = legendTop + r * LEGEND_ROW;
        ctx.fillStyle = item.color;
        ctx.fillRect(16 + x, y + 1, 12, 12);
        ctx.fillStyle = '#333333';
        ctx.fillText(item.label, 16 + x + 18, y);
      }
    });
    ctx.fillStyle = '#555555';
    ctx.font = `11px ${FONT}`;
    footerLines.forEach((line, i) => {
      ctx.fillText(line, 16, footerTop + i * FOOTER_LINE);
    });
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
