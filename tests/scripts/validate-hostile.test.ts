/**
 * Issue 11.12: the validator keeps its exit-code contract under any input. Hostile files are generated here (small
 * on disk) and each must end in exit 2 with a message naming the problem — or 0/1 with a report — never a crash,
 * an abort (134) or an out-of-memory kill. The validator runs with a 1.5 GB heap, less than the default, so a
 * file that would need more memory fails the test instead of passing on a big machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../../src/core/import/xlsx-limits';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));

function validate(file: string, kind: string) {
  const r = spawnSync('npx', ['tsx', 'scripts/validate.ts', file, '--kind', kind, '--lang', 'en'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=1536' },
  });
  return { code: r.status, signal: r.signal, out: `${r.stdout}\n${r.stderr}` };
}

const write = (name: string, bytes: Uint8Array | string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

/** A workbook whose first sheet is `sheetXml` (and shared strings, when given), highly compressed. */
function workbook(sheetXml: string, sharedStrings?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (sharedStrings) files['xl/sharedStrings.xml'] = strToU8(sharedStrings);
  return zipSync(files, { level: 9 });
}

describe('validator on hostile files', () => {
  it('an 8,001-vertex star polygon: checked and flagged, not an out-of-memory abort', () => {
    const n = 8001;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i * 4000) / n;
      return [102.9 + 0.05 * Math.cos(a), -4.45 + 0.05 * Math.sin(a)];
    });
    ring.push(ring[0] as number[]);
    const file = write(
      'star.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { village_code: '17.01.04.2019' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      }),
    );
    const r = validate(file, 'boundaries');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0); // a self-intersection is a warning: the polygon is kept
    expect(r.out).toContain('self_intersecting');
  }, 120_000);

  it('an XLSX whose sheet expands past the row limit (≈ 0.1 MB on disk)', () => {
    const rows = XLSX_LIMITS.rows + 1000;
    const xml = `<worksheet><sheetData>${'<row><c t="n"><v>1</v></c></row>'.repeat(rows)}</sheetData></worksheet>`;
    const file = write('rows-bomb.xlsx', workbook(xml));
    const r = validate(file, 'households');
    expect(r.code).toBe(2);
    expect(r.out).toContain('rows-bomb.xlsx');
    expect(r.out).toContain(`more than ${XLSX_LIMITS.rows} rows`);
  }, 120_000);

  it('an XLSX with millions of shared strings', () => {
    const n = XLSX_LIMITS.sharedStrings + 10;
    const sst = `<sst>${'<si><t>a</t></si>'.repeat(n)}</sst>`;
    const file = write('strings-bomb.xlsx', workbook('<worksheet><sheetData/></worksheet>', sst));
    const r = validate(file, 'households');
    expect(r.code).toBe(2);
    expect(r.out).toContain(`more than ${XLSX_LIMITS.sharedStrings} shared strings`);
  }, 120_000);

  it('a CSV that is one 20 MB line, binary garbage, and JSON nested a million deep', () => {
    const line = validate(write('one-line.csv', `id_keluarga_p3ke,${'x'.repeat(20 << 20)}`), 'households');
    expect(line.code).toBe(2);
    expect(line.out).toContain('line 1 is longer than');
    const garbage = new Uint8Array(1 << 20);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    expect(validate(write('garbage.csv', garbage), 'households').code).toBe(2);
    const deep = validate(
      write('deep.geojson', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`),
      'boundaries',
    );
    expect(deep.signal).toBeNull();
    expect(deep.code).toBe(2);
  }, 180_000);
});
