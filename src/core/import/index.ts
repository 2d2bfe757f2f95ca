/**
 * Import + validation core: one file (CSV, XLSX, Parquet, GeoJSON) → a validation report, and its valid rows into
 * the canonical table. Used by the browser UI and by the headless validator (scripts/validate.ts).
 */
export { type BoundaryValidation, validateBoundaries } from './boundaries';
export { checkFileSize, checkSize, detectFormat, formatFromName } from './detect';
export { importTable, resolveMapping } from './import-table';
export {
  type ColumnNamer,
  type FieldNamer,
  fatalMessage,
  issueLabel,
  issueMessage,
  type Lang,
  reportToCsv,
} from './messages';
export { HIDDEN_VALUE, maskReport } from './report-masking';
export * from './types';
