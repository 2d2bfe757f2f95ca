/**
 * The staging table every format is loaded into: `_row` (the row number reported to people) and one text column
 * per source column, `c0` … `c{n-1}` (source headers stay in JS: they may repeat, be empty or hold any character).
 * Rows arrive in batches as Arrow tables (apache-arrow → client.insertArrow), so memory stays flat at 1 M rows and
 * the same path serves CSV, XLSX, Parquet and GeoJSON; an Arrow file DuckDB has read itself joins as a view.
 */
import { makeVector, Table, type Vector } from 'apache-arrow';
import { utf8Vector } from '../sql/arrow-vectors';
import { ident, queryRows, type SqlClient } from '../sql/sql-client';
import { isBlankCell, WHITE_SPACE } from './blank-cell';

/** Rows per Arrow batch. */
export const STAGE_BATCH_ROWS = 50_000;

export const stageColumn = (index: number): string => `c${index}`;

/** RE2's pattern of text made only of the characters JavaScript's `trim` removes, each by its code point. */
const WHITE_SPACE_ONLY = `[${[...WHITE_SPACE].map((c) => `\\x{${c.codePointAt(0)?.toString(16)}}`).join('')}]*`;

/**
 * isBlankCell of every cell in `columns` in DuckDB's SQL: true when the cells joined (a missing one adds
 * nothing) hold only white space. One regular expression a record, not `trim(cell, characters)` a cell: that
 * took about 25 µs a cell in DuckDB-WASM (1.1 s to stage an Arrow file of 45 k households, twice per load).
 */
export const blankCellsSql = (columns: readonly string[]): string =>
  columns.length === 0
    ? 'true'
    : `coalesce(regexp_full_match(concat(${columns.join(', ')}), '${WHITE_SPACE_ONLY}'), true)`;

/** SQL true for a staged row of `width` columns that holds no text in any cell. */
const blankRowSql = (width: number): string =>
  blankCellsSql(Array.from({ length: width }, (_, i) => stageColumn(i)));

export class StageWriter {
  private rows: number[] = [];
  private columns: (string | null)[][];
  private batches = 0;
  /** Rows written so far. */
  count = 0;

  /**
   * Batches are stored as tables `<table>_b0`, `<table>_b1`, … and `finish` makes `<table>` a view over all of
   * them: appending through INSERT would copy every row once more (≈ 11 s at 1 M rows in DuckDB-WASM).
   */
  constructor(
    private readonly client: SqlClient,
    readonly table: string,
    readonly width: number,
  ) {
    this.columns = Array.from({ length: width }, () => []);
  }

  /**
   * Queues one row; `flush` when `pending` reaches STAGE_BATCH_ROWS. A row with no text in any cell is a blank
   * line in every format, as in CSV: not a data row, so neither staged nor counted.
   */
  add(row: number, cells: readonly (string | null | undefined)[]): void {
    if (cells.slice(0, this.width).every(isBlankCell)) return;
    this.rows.push(row);
    for (let i = 0; i < this.width; i++) {
      const cell = cells[i];
      this.columns[i]?.push(cell === undefined ? null : cell);
    }
    this.count++;
  }

  get pending(): number {
    return this.rows.length;
  }

  /** Writes the queued rows as one batch table. */
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const vectors: Record<string, Vector> = { _row: makeVector(Int32Array.from(this.rows)) };
    this.columns.forEach((values, i) => {
      vectors[stageColumn(i)] = utf8Vector(values);
    });
    this.rows = [];
    this.columns = Array.from({ length: this.width }, () => []);
    await this.client.insertArrow(`${this.table}_b${this.batches++}`, new Table(vectors));
  }

  /**
   * Adds rows DuckDB already holds as one batch (a view over `select`: `_row` and the text columns), but for
   * its blank ones (as `add`).
   */
  async adopt(select: string): Promise<void> {
    await this.flush();
    const batch = ident(`${this.table}_b${this.batches++}`);
    await this.client.queryTable(
      `CREATE OR REPLACE VIEW ${batch} AS SELECT * FROM (${select}) WHERE NOT (${blankRowSql(this.width)})`,
    );
    const [counted] = await queryRows<{ rows: number }>(
      this.client,
      `SELECT count(*)::INTEGER AS rows FROM ${batch}`,
    );
    this.count += counted?.rows ?? 0;
  }

  /** Writes what is queued and makes `table` (a view) hold every row. */
  async finish(): Promise<void> {
    await this.flush();
    const q = (sql: string) => this.client.queryTable(sql);
    if (this.batches === 0) {
      const cols = [
        '_row INTEGER',
        ...Array.from({ length: this.width }, (_, i) => `${stageColumn(i)} VARCHAR`),
      ];
      await q(`CREATE OR REPLACE TABLE ${ident(this.table)} (${cols.join(', ')})`);
      return;
    }
    const parts = Array.from(
      { length: this.batches },
      (_, i) => `SELECT * FROM ${ident(`${this.table}_b${i}`)}`,
    );
    await q(`CREATE OR REPLACE VIEW ${ident(this.table)} AS ${parts.join(' UNION ALL ')}`);
  }
}
