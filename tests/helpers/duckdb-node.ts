/** The Node DuckDB client now lives in src/core/sql/duckdb-node.ts (the headless validator uses it too). */
export { startNodeDuckDb } from '../../src/core/sql/duckdb-node';
