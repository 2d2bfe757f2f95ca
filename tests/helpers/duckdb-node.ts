/** The Node DuckDB client now lives in src/data/duckdb-node.ts (the headless validator uses it too). */
export { startNodeDuckDb } from '../../src/data/duckdb-node';
