/**
 * The regency map in official print style, drawn on a 2D canvas (no WebGL, no network): title,
 * village choropleth with kecamatan and regency boundaries, kecamatan names, legend, north arrow,
 * scale bar, an inset locating the regency in Bengkulu province, and the data source line with
 * the date. Aggregates only: villages are filled by class, no household is drawn.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { MAP_COLORS } from './palette';
import { type Box, boundsOf, fitFrame, KM_PER_DEG_LAT, niceKm, tracePath } from './sheet-geometry';
import type { LabelPoint } from './village-layers';

type Areas = FeatureCollection<Polygon | MultiPolygon>;

export interface OfficialMapInput {
  villages: Areas;
  districts: Areas;
  regency: Areas;
  land: Areas;
  province: FeatureCollection | null;
  districtLabels: LabelPoint[];
  fillByCode: ReadonlyMap<string, string>;
  noDataColor: string;
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: { color: string; label: string }[];
  /** Lines under the map: data source, boundary source, date, "synthetic" label. */
  footer: string[];
  insetCaption: string;
  /** Legend labels of the regency, kecamatan and village boundary lines. */
  boundaryLabels: [string, string, string];
  regencyCode: string;
  north: string;
}

export interface MapSize {
  width: number;
  height: number;
}

/** Paper sizes in mm (landscape) for the size chooser. */
export const PAPER_MM = { a4: [297, 210], a3: [420, 297] } as const;

/** Pixels of a paper size at a resolution (dots per inch). */
export const paperPixels = (mm: readonly [number, number], dpi: number): MapSize => ({
  width: Math.round((mm[0] / 25.4) * dpi),
  height: Math.round((mm[1] / 25.4) * dpi),
});

const FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

/** Draws the whole sheet onto `ctx` (sized `size` in device pixels). */
/** What every panel of the sheet needs: the canvas, the layout unit, the input and where the map frame is. */
interface Sheet {
  ctx: CanvasRenderingContext2D;
  /** Layout unit: 1/1000 of an A-series landscape width. */
  u: number;
  input: OfficialMapInput;
  W: number;
  margin: number;
  sideW: number;
  frame: { x: number; y: number; w: number; h: number };
}

type View = ReturnType<typeof fitFrame>;

export function drawOfficialMap(ctx: CanvasRenderingContext2D, size: MapSize, input: OfficialMapInput): void {
  const { width: W, height: H } = size;
  const u = Math.min(W, H * Math.SQRT2) / 1000;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);

  const margin = 24 * u;
  const titleH = 70 * u;
  const footerH = (18 * input.footer.length + 14) * u;
  const sideW = Math.max(230 * u, W * 0.25);
  const frame = {
    x: margin,
    y: margin + titleH,
    w: W - 3 * margin - sideW,
    h: H - 2 * margin - titleH - footerH,
  };
  const sheet: Sheet = { ctx, u, input, W, margin, sideW, frame };

  drawTitle(sheet);
  const { view, box } = drawMapFrame(sheet);
  drawGraticule(sheet, view, box);
  // Side column: north arrow, legend, boundary symbols, scale bar, inset
  const sx = frame.x + frame.w + margin;
  drawNorthArrow(ctx, sx + sideW / 2, frame.y, 60 * u, input.north, u);
  let sy = frame.y + 80 * u;
  sy = drawLegend(sheet, sx, sy);
  sy = drawBoundarySymbols(sheet, sx, sy);
  sy = drawScaleBar(sheet, view, sx, sy);
  drawInset(sheet, sx, sy);
  drawFooter(sheet);
  ctx.restore();
}

function drawTitle({ ctx, u, input, W, margin }: Sheet): void {
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'top';
  ctx.font = `bold ${28 * u}px ${FONT}`;
  ctx.fillText(input.title, margin, margin, W - 2 * margin);
  ctx.font = `${16 * u}px ${FONT}`;
  ctx.fillStyle = '#333333';
  ctx.fillText(input.subtitle, margin, margin + 36 * u, W - 2 * margin);
}

/** The map frame: sea, land, choropleth, boundaries and kecamatan names. */
function drawMapFrame({ ctx, u, input, frame }: Sheet): { view: View; box: Box } {
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.x, frame.y, frame.w, frame.h);
  ctx.clip();
  ctx.fillStyle = MAP_COLORS.sea;
  ctx.fillRect(frame.x, frame.y, frame.w, frame.h);
  const box = boundsOf(input.regency);
  const pad = 0.03;
  const view = fitFrame(
    { west: box.west - pad, south: box.south - pad, east: box.east + pad, north: box.north + pad },
    frame,
  );
  const fillAll = (fc: FeatureCollection, color: (f: Feature) => string) => {
    for (const f of fc.features) {
      ctx.beginPath();
      tracePath(ctx, f, view.project);
      ctx.fillStyle = color(f);
      ctx.fill('evenodd');
    }
  };
  const strokeAll = (fc: FeatureCollection, color: string, width: number) => {
    ctx.beginPath();
    for (const f of fc.features) tracePath(ctx, f, view.project);
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.lineJoin = 'round';
    ctx.stroke();
  };
  fillAll(input.land, () => MAP_COLORS.outsideRegency);
  fillAll(
    input.villages,
    (f) => input.fillByCode.get(String(f.properties?.village_code)) ?? input.noDataColor,
  );
  strokeAll(input.villages, 'rgba(80,80,80,0.7)', 0.6 * u);
  strokeAll(input.districts, MAP_COLORS.districtLine, 1.6 * u);
  strokeAll(input.regency, MAP_COLORS.regencyLine, 3 * u);
  drawDistrictNames(ctx, u, input, view);
  ctx.restore();
  ctx.strokeStyle = '#222222';
  ctx.lineWidth = 1.5 * u;
  ctx.strokeRect(frame.x, frame.y, frame.w, frame.h);
  return { view, box };
}

/** Kecamatan names with a white halo: larger kecamatan first; a name that would overlap one written is left out. */
function drawDistrictNames(
  ctx: CanvasRenderingContext2D,
  u: number,
  input: OfficialMapInput,
  view: View,
): void {
  ctx.font = `bold ${13 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const placed: [number, number, number, number][] = [];
  const labels = [...input.districtLabels].sort((a, b) => b.priority - a.priority);
  for (const label of labels) {
    const [x, y] = view.project(label.position);
    const halfW = ctx.measureText(label.text).width / 2 + 3 * u;
    const halfH = 9 * u;
    const box: [number, number, number, number] = [x - halfW, y - halfH, x + halfW, y + halfH];
    if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    placed.push(box);
    ctx.lineWidth = 3.5 * u;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(label.text, x, y);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(label.text, x, y);
  }
}

/** Graticule ticks: degrees of longitude under the frame's lower edge. */
function drawGraticule({ ctx, u, frame }: Sheet, view: View, box: Box): void {
  ctx.font = `${10 * u}px ${FONT}`;
  ctx.fillStyle = '#444444';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let lon = Math.ceil(box.west * 10) / 10; lon <= box.east; lon += 0.1) {
    const [x] = view.project([lon, box.north]);
    if (x < frame.x + 20 * u || x > frame.x + frame.w - 20 * u) continue;
    ctx.fillText(`${lon.toFixed(1)}° BT`, x, frame.y + frame.h + 3 * u);
  }
}

/** The classes' colours and labels under the legend's title; returns where the next panel starts. */
function drawLegend({ ctx, u, input, sideW }: Sheet, sx: number, top: number): number {
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#111111';
  ctx.font = `bold ${14 * u}px ${FONT}`;
  let sy = wrapText(ctx, input.legendTitle, sx, top, sideW, 17 * u) + 6 * u;
  ctx.font = `${13 * u}px ${FONT}`;
  for (const item of input.legend) {
    ctx.fillStyle = item.color;
    ctx.fillRect(sx, sy, 22 * u, 14 * u);
    ctx.strokeStyle = '#555555';
    ctx.lineWidth = 0.8 * u;
    ctx.strokeRect(sx, sy, 22 * u, 14 * u);
    ctx.fillStyle = '#111111';
    ctx.fillText(item.label, sx + 30 * u, sy, sideW - 30 * u);
    sy += 20 * u;
  }
  return sy + 8 * u;
}

/** The three boundary line symbols (regency, kecamatan, village) with their labels. */
function drawBoundarySymbols({ ctx, u, input, sideW }: Sheet, sx: number, top: number): number {
  const lines = [
    [MAP_COLORS.regencyLine, 3],
    [MAP_COLORS.districtLine, 1.6],
    ['rgba(80,80,80,0.7)', 0.8],
  ] as const;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.font = `${13 * u}px ${FONT}`;
  let sy = top;
  for (const [i, [color, width]] of lines.entries()) {
    const label = input.boundaryLabels[i] ?? '';
    ctx.beginPath();
    ctx.moveTo(sx, sy + 7 * u);
    ctx.lineTo(sx + 22 * u, sy + 7 * u);
    ctx.strokeStyle = color;
    ctx.lineWidth = width * u;
    ctx.stroke();
    ctx.fillStyle = '#111111';
    ctx.fillText(label, sx + 30 * u, sy, sideW - 30 * u);
    sy += 20 * u;
  }
  return sy + 14 * u;
}

/** Scale bar: km per pixel from the projection (1° of latitude ≈ 110.6 km here). */
function drawScaleBar({ ctx, u, sideW }: Sheet, view: View, sx: number, sy: number): number {
  const kmPerPx = KM_PER_DEG_LAT / view.k;
  const km = niceKm(kmPerPx * sideW * 0.7);
  const barPx = km / kmPerPx;
  ctx.textBaseline = 'top';
  ctx.font = `${12 * u}px ${FONT}`;
  for (let i = 0; i < 4; i++) {
    ctx.fillStyle = i % 2 === 0 ? '#111111' : '#ffffff';
    ctx.fillRect(sx + (barPx / 4) * i, sy + 16 * u, barPx / 4, 7 * u);
  }
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 1 * u;
  ctx.strokeRect(sx, sy + 16 * u, barPx, 7 * u);
  ctx.fillStyle = '#111111';
  ctx.textAlign = 'center';
  ctx.fillText('0', sx, sy);
  ctx.fillText(`${km / 2}`, sx + barPx / 2, sy);
  ctx.fillText(`${km} km`, sx + barPx, sy);
  ctx.textAlign = 'left';
  return sy + 40 * u;
}

/** Inset: the province by regency, this regency highlighted (left out when the column has no room). */
function drawInset({ ctx, u, input, sideW, frame }: Sheet, sx: number, sy: number): void {
  const insetH = Math.min(frame.y + frame.h - sy - 20 * u, sideW * 1.1);
  if (!input.province || insetH <= 60 * u) return;
  const inset = { x: sx, y: sy, w: sideW, h: insetH };
  ctx.fillStyle = MAP_COLORS.sea;
  ctx.fillRect(inset.x, inset.y, inset.w, inset.h);
  const pbox = boundsOf(input.province);
  const pv = fitFrame(
    { west: pbox.west - 0.15, south: pbox.south - 0.15, east: pbox.east + 0.15, north: pbox.north + 0.15 },
    { x: inset.x + 4 * u, y: inset.y + 4 * u, w: inset.w - 8 * u, h: inset.h - 22 * u },
  );
  for (const f of input.province.features) {
    ctx.beginPath();
    tracePath(ctx, f, pv.project);
    ctx.fillStyle = f.properties?.regency_code === input.regencyCode ? '#d7191c' : MAP_COLORS.land;
    ctx.fill();
    ctx.strokeStyle = '#666666';
    ctx.lineWidth = 0.6 * u;
    ctx.stroke();
  }
  ctx.strokeStyle = '#222222';
  ctx.lineWidth = 1 * u;
  ctx.strokeRect(inset.x, inset.y, inset.w, inset.h);
  ctx.fillStyle = '#111111';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.font = `${11 * u}px ${FONT}`;
  ctx.fillText(input.insetCaption, inset.x + 4 * u, inset.y + inset.h - 16 * u, inset.w - 8 * u);
}

function drawFooter({ ctx, u, input, W, margin, frame }: Sheet): void {
  ctx.fillStyle = '#333333';
  ctx.font = `${12 * u}px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  input.footer.forEach((line, k) => {
    ctx.fillText(line, margin, frame.y + frame.h + (16 + 18 * k) * u, W - 2 * margin);
  });
}

function drawNorthArrow(
  ctx: CanvasRenderingContext2D,
  cx: number,
  top: number,
  h: number,
  label: string,
  u: number,
) {
  const w = h * 0.35;
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(cx, top + 16 * u);
  ctx.lineTo(cx - w / 2, top + h);
  ctx.lineTo(cx, top + h - h * 0.22);
  ctx.closePath();
  ctx.fillStyle = '#111111';
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(cx, top + 16 * u);
  ctx.lineTo(cx + w / 2, top + h);
  ctx.lineTo(cx, top + h - h * 0.22);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 1.2 * u;
  ctx.stroke();
  ctx.fillStyle = '#111111';
  ctx.font = `bold ${14 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(label, cx, top);
  ctx.restore();
}

function wrapText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  maxW: number,
  lineH: number,
) {
  let line = '';
  let yy = y;
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > maxW && line) {
      ctx.fillText(line, x, yy);
      line = word;
      yy += lineH;
    } else line = next;
  }
  if (line) ctx.fillText(line, x, yy);
  return yy + lineH;
}

/** The sheet as PNG bytes. */
export async function officialMapPng(size: MapSize, input: OfficialMapInput): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  drawOfficialMap(ctx, size, input);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
