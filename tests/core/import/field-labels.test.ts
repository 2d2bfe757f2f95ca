import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../../src/core/domain/schema';
import {
  ACCEPTED_FORMATS,
  FORMAT_EXTENSIONS,
  fatalMessage,
  formatFromName,
  IMPORT_FORMATS,
  IMPORT_KINDS,
  ISSUE_CODES,
  issueMessage,
  validateBoundaries,
} from '../../../src/core/import';
import { acceptedFormats } from '../../../src/features/import/accepted-formats';
import {
  columnNamer,
  fieldHint,
  fieldKeys,
  fieldLabel,
  fieldNamer,
  IMPORT_FIELDS,
} from '../../../src/features/import/field-labels';
import { catalogue } from '../../../src/i18n';

const LANGS = ['id', 'en'] as const;
const SNAKE = /[a-z0-9]_[a-z0-9]/i;
const t: Record<(typeof LANGS)[number], TFunction> = {} as never;
const exists: Record<(typeof LANGS)[number], (key: string) => boolean> = {} as never;

beforeAll(async () => {
  for (const lang of LANGS) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { [lang]: { translation: catalogue(lang) } },
      lng: lang,
      interpolation: { escapeValue: false },
    });
    t[lang] = instance.t;
    exists[lang] = (key) => instance.exists(key);
  }
});

describe('plain labels of the importable fields', () => {
  it('lists every column of every table, and the fields the boundary check reports on', () => {
    for (const table of Object.keys(TABLES) as TableName[]) {
      expect(IMPORT_FIELDS[table]).toEqual(TABLES[table].map((c) => c.name));
    }
    expect(Object.keys(IMPORT_FIELDS).sort()).toEqual([...IMPORT_KINDS].sort());
    // A feature without a code, one with broken geometry, one outside the regency: every column they name.
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: null },
        { type: 'Feature', properties: { village_code: '17.01.01.2001' }, geometry: { type: 'Point' } },
        {
          type: 'Feature',
          properties: { village_code: '17.01.01.2002' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [10, 10],
                [11, 10],
                [11, 11],
                [10, 10],
              ],
            ],
          },
        },
      ],
    };
    const { report } = validateBoundaries(
      'b.geojson',
      new TextEncoder().encode(JSON.stringify(geojson)),
      null,
    );
    const columns = new Set(report.issues.map((i) => i.column));
    expect(columns.size).toBeGreaterThan(0);
    for (const column of columns) expect(IMPORT_FIELDS.boundaries).toContain(column);
  });

  it('gives every field a label from the catalogue in both languages, in plain words', () => {
    for (const lang of LANGS) {
      for (const kind of IMPORT_KINDS) {
        for (const field of IMPORT_FIELDS[kind]) {
          const keys = fieldKeys(field);
          expect(exists[lang](keys.label), `${lang}: ${keys.label} (${kind}.${field})`).toBe(true);
          if (keys.need)
            expect(exists[lang](`measure.${keys.need}`), `${lang}: measure.${keys.need}`).toBe(true);
          const label = fieldLabel(t[lang], field);
          expect(label.trim().length, `${lang}: ${field}`).toBeGreaterThan(0);
          expect(label, `${lang}: ${field}`).not.toMatch(SNAKE);
          expect(label, `${lang}: ${field}`).not.toMatch(/\{\{|import\.|measure\./);
          const hint = fieldHint(t[lang], field);
          if (hint !== null) expect(hint, `${lang}: hint of ${field}`).not.toMatch(SNAKE);
          // A hint in one language has its counterpart in the other.
          for (const other of LANGS) expect(exists[other](keys.hint)).toBe(exists[lang](keys.hint));
        }
      }
    }
  });

  it('keeps no label for a field that does not exist', () => {
    const all = new Set(Object.values(IMPORT_FIELDS).flat());
    for (const lang of LANGS) {
      const fields = (catalogue(lang).import as { field: Record<string, unknown> }).field;
      for (const field of Object.keys(fields)) expect(all, `${lang}: import.field.${field}`).toContain(field);
    }
  });

  it('shows the examples of the issue in plain words', () => {
    expect(fieldLabel(t.id, 'household_id')).toBe('ID keluarga');
    expect(fieldLabel(t.en, 'household_id')).toBe('Household ID');
    expect(fieldLabel(t.id, 'village_code')).toBe('Kode desa');
    expect(fieldLabel(t.id, 'lat')).toBe('Lintang');
    expect(fieldLabel(t.en, 'lat')).toBe('Latitude');
    expect(fieldHint(t.id, 'village_code')).toContain('10 digit kode Kemendagri');
    expect(fieldHint(t.en, 'village_code')).toContain('10-digit Kemendagri code');
    expect(fieldLabel(t.id, 'need_rtlh')).toBe('Kebutuhan: Rumah tidak layak huni');
    expect(fieldLabel(t.en, 'need_rtlh')).toBe('Need: Uninhabitable house');
  });
});

describe('messages name fields in plain words', () => {
  it('names a mapped column by its label and the file header, in every message that names it', () => {
    for (const lang of LANGS) {
      for (const field of IMPORT_FIELDS.households) {
        const name = columnNamer(t[lang], 'households', { [field]: 'KOLOM_BERKAS' });
        const label = fieldLabel(t[lang], field);
        for (const code of ISSUE_CODES) {
          const text = issueMessage({ row: 2, column: 'KOLOM_BERKAS', code, value: 'v' }, lang, name);
          if (text.includes('KOLOM_BERKAS')) expect(text, `${lang} ${code} ${field}`).toContain(label);
        }
      }
    }
    const name = columnNamer(t.id, 'agents', { agent_type: 'jenis_pegawai' });
    expect(
      issueMessage({ row: 4, column: 'jenis_pegawai', code: 'invalid_value', value: 'x' }, 'id', name),
    ).toBe(
      'Baris 4: nilai Jenis pegawai (kolom jenis_pegawai) tidak sah: "x" (pilihan: asn, pppk, honorer).',
    );
    const lat = columnNamer(t.en, 'households', { lat: 'y' });
    expect(issueMessage({ row: 5, column: 'y', code: 'not_a_number', value: 'abc' }, 'en', lat)).toBe(
      'Row 5: Latitude (column y) is not a number: "abc".',
    );
    // The pair of coordinate columns is left as the file names it.
    expect(lat('lon / y')).toBeNull();
  });

  it('names the fields the boundary check reports on by their labels alone', () => {
    const name = columnNamer(t.id, 'boundaries', {});
    expect(
      issueMessage({ row: 3, column: 'village_code', code: 'required_missing', value: null }, 'id', name),
    ).toBe('Baris 3: Kode desa wajib diisi tetapi kosong.');
    expect(name('geometry')).toBe('Poligon batas');
  });

  it('lists missing required columns by their labels', () => {
    const fatal = { code: 'missing_columns' as const, detail: 'household_id, lat, need_rtlh' };
    expect(fatalMessage(fatal, 'id', fieldNamer(t.id))).toBe(
      'Kolom wajib tidak ditemukan; atur pemetaan kolom atau perbaiki tajuk: ID keluarga, Lintang, Kebutuhan: Rumah tidak layak huni.',
    );
    expect(fatalMessage(fatal, 'en', fieldNamer(t.en))).toContain(
      ': Household ID, Latitude, Need: Uninhabitable house.',
    );
    // Without a namer (the headless validator) the detail is as it was.
    expect(fatalMessage(fatal, 'en')).toContain(': household_id, lat, need_rtlh.');
  });
});

describe('formats each drop zone accepts', () => {
  it('offers village boundaries as GeoJSON only', () => {
    expect(acceptedFormats('boundaries')).toEqual({
      names: 'GeoJSON',
      accept: '.geojson,.json',
    });
  });

  it('offers exactly the file endings the import reads as an accepted format, for every kind', () => {
    for (const kind of IMPORT_KINDS) {
      const offered = acceptedFormats(kind).accept.split(',');
      const expected = IMPORT_FORMATS.filter((f) => ACCEPTED_FORMATS[kind].includes(f)).flatMap((f) =>
        FORMAT_EXTENSIONS[f].map((ext) => `.${ext}`),
      );
      expect(offered.sort()).toEqual(expected.sort());
      for (const ending of offered) expect(ACCEPTED_FORMATS[kind]).toContain(formatFromName(`x${ending}`));
    }
  });
});
