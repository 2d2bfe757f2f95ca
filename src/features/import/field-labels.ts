/**
 * Plain words for the fields an import fills (schema.ts column names such as `household_id`): every label and hint
 * comes from the catalogue (`import.field.<name>` in src/i18n/{id,en}/import.json; need flags share
 * `import.fieldNeed` with the need's own label, `measure.<code>`). tests/core/import/field-labels.test.ts fails when
 * a field of IMPORT_FIELDS has no label in either language.
 */
import type { TFunction } from 'i18next';
import { NEED_CODES, type NeedCode, needColumn, TABLES } from '../../core/domain/schema';
import type { ColumnNamer, FieldNamer, ImportKind } from '../../core/import';

/**
 * The fields each kind of file names to users: the table's columns, and for boundaries the two the boundary check
 * reports on (ISSUE_OF in src/core/import/boundaries.ts).
 */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
  villages: TABLES.villages.map((c) => c.name),
  households: TABLES.households.map((c) => c.name),
  agents: TABLES.agents.map((c) => c.name),
  cases: TABLES.cases.map((c) => c.name),
  boundaries: ['village_code', 'geometry'],
};

const NEED_OF = new Map<string, NeedCode>(NEED_CODES.map((code) => [needColumn(code), code]));

/** The catalogue keys of a field's label and hint, and the need it flags (for `need_<code>` columns). */
export function fieldKeys(field: string): { label: string; hint: string; need?: NeedCode } {
  const need = NEED_OF.get(field);
  return need
    ? { label: 'import.fieldNeed.label', hint: 'import.fieldNeed.hint', need }
    : { label: `import.field.${field}.label`, hint: `import.field.${field}.hint` };
}

/** A field's label in the chosen language, e.g. "ID keluarga" for `household_id`. */
export function fieldLabel(t: TFunction, field: string): string {
  const keys = fieldKeys(field);
  return keys.need ? t(keys.label, { need: t(`measure.${keys.need}`) }) : t(keys.label);
}

/** What a field expects, e.g. "10 digit kode Kemendagri atau 17.01.DD.NNNN"; null when it needs no hint. */
export function fieldHint(t: TFunction, field: string): string | null {
  return t(fieldKeys(field).hint, { defaultValue: '' }) || null;
}

/** Names canonical fields (the missing_columns fatal) in plain words. */
export const fieldNamer =
  (t: TFunction): FieldNamer =>
  (field) =>
    Object.values(IMPORT_FIELDS).some((fields) => fields.includes(field)) ? fieldLabel(t, field) : null;

/**
 * Names an issue's column in a report of `kind`: a file header mapped to a field reads "Lintang (kolom lat)"
 * (the plain label, and the column as the user's file calls it); a field named by the check itself (boundaries)
 * reads as its label; anything else (e.g. the "lon / lat" pair) as it is.
 */
export function columnNamer(t: TFunction, kind: ImportKind, mapping: Record<string, string>): ColumnNamer {
  const fieldOf = new Map(Object.entries(mapping).map(([field, header]) => [header, field]));
  return (column) => {
    const field = fieldOf.get(column);
    if (field !== undefined) return t('import.fieldInFile', { label: fieldLabel(t, field), column });
    return IMPORT_FIELDS[kind].includes(column) ? fieldLabel(t, column) : null;
  };
}
