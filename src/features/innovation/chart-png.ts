/**
 * A rendered recharts chart (SVG) as a PNG with a title and a source line, drawn in the browser:
 * the SVG is serialised with its computed text styles and rasterised on a canvas.
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

/** PNG of `svg` at `scale`×, with `title` above and `footer` below. */
export async function chartPng(svg: SVGSVGElement, title: string, footer: string, scale = 2): Promise<Blob> {
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
    const bottom = 30;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round((width + 32) * scale);
    canvas.height = Math.round((height + top + bottom) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width + 32, height + top + bottom);
    ctx.fillStyle = '#111111';
    ctx.font = `bold 16px ${FONT}`;
    ctx.textBaseline = 'top';
    ctx.fillText(title, 16, 14, width);
    ctx.drawImage(image, 16, top, width, height);
    ctx.fillStyle = '#555555';
    ctx.font = `11px ${FONT}`;
    ctx.fillText(footer, 16, top + height + 10, width);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
