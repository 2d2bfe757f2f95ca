/**
 * The first sheet of an XLSX workbook as records of text (for the self-assessment import).
 * exceljs is loaded on first use, in its own chunk, as for the export (table-export.ts).
 */
export async function readXlsxRecords(bytes: ArrayBuffer): Promise<string[][]> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(
        v === null || v === undefined
          ? ''
          : v instanceof Date
            ? v.toISOString().slice(0, 10)
            : typeof v === 'object' && 'text' in v
              ? String((v as { text: unknown }).text)
              : typeof v === 'object' && 'result' in v
                ? String((v as { result: unknown }).result ?? '')
                : String(v),
      );
    }
    records.push(values.map((s) => s.trim()));
  });
  return records;
}
