import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `data/` is the public directory: the committed gazetteer, the generated demo
// (data/demo/) and an official boundary file dropped in data/boundaries/ are
// served as static files from the app's own origin — nothing is fetched elsewhere.
export default defineConfig({
  plugins: [react()],
  publicDir: 'data',
  // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks their URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
