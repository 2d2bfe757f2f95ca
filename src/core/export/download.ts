import { type ExportAbout, type ExportSheet, toCsvSheets, toXlsxSheets } from './table-export';
/**
 * Saves `data` as a file on the user's device: an object URL on a temporary `<a download>`.
 * Everything stays in the browser; no request leaves it. For CSV text pass
 * `text/csv;charset=utf-8`, for XLSX bytes
 * `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`.
 */
export function downloadBlob(fileName: string, data: Uint8Array | string, mime: string): void {
  // Blob wants ArrayBuffer-backed views: copy only a view on a SharedArrayBuffer.
  const part = typeof data === 'string' || data.buffer instanceof ArrayBuffer ? data : new Uint8Array(data);
  saveBlob(fileName, new Blob([part as BlobPart], { type: mime }));
}

/** Saves a Blob as a file (object URL on a temporary link; nothing leaves the device). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking right after click() can cancel the download in some browsers: wait a little.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves tables as `${baseName}.csv` (all tables in one file) or `.xlsx` (a sheet each), `about` first. */
export async function downloadTables(
  baseName: string,
  format: 'csv' | 'xlsx',
  sheets: readonly ExportSheet[],
  about: ExportAbout,
): Promise<void> {
  if (format === 'csv')
    downloadBlob(`${baseName}.csv`, toCsvSheets(sheets, { about }), 'text/csv;charset=utf-8');
  else downloadBlob(`${baseName}.xlsx`, await toXlsxSheets(sheets, about), XLSX_MIME);
}
