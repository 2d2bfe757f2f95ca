import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { type CspConfig, contentSecurityPolicy } from './scripts/csp.ts';

/** Writes the Content Security Policy into the built index.html (not in dev: Vite's HMR needs inline code). */
function cspPlugin(): Plugin {
  return {
    name: 'gancang-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const config = JSON.parse(readFileSync('data/config.json', 'utf8')) as CspConfig;
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(config)}" />`;
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`);
    },
  };
}

// `data/` is the public directory: the committed gazetteer, the generated demo
// (data/demo/) and an official boundary file dropped in data/boundaries/ are
// served as static files from the app's own origin — nothing is fetched elsewhere.
export default defineConfig({
  plugins: [react(), cspPlugin()],
  publicDir: 'data',
  // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks their URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
