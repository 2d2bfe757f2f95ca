import { readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { type CspConfig, withApacheHeaders, withCspMeta } from './scripts/csp.ts';
import { duckDbWorkerPlugin } from './scripts/duckdb-worker.ts';
import { ICON_SIZES, iconPng, THEME_COLOR } from './scripts/icons.ts';
import { iisWebConfig } from './scripts/iis.ts';
import { precompressDir } from './scripts/precompress.ts';

const readConfig = () => JSON.parse(readFileSync('data/config.json', 'utf8')) as CspConfig;

/**
 * Writes the Content Security Policy into the built index.html (not in dev: Vite's HMR needs inline code)
 * and ships the Apache .htaccess and the IIS web.config with the matching headers; emits the app's icons.
 */
function deployFilesPlugin(): Plugin {
  return {
    name: 'gancang-deploy-files',
    apply: 'build',
    transformIndexHtml: (html) => withCspMeta(html, readConfig()),
    generateBundle() {
      const htaccess = readFileSync('deploy/apache/.htaccess', 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: '.htaccess',
        source: withApacheHeaders(htaccess, readConfig()),
      });
      this.emitFile({ type: 'asset', fileName: 'web.config', source: iisWebConfig(readConfig()) });
      for (const size of ICON_SIZES) {
        this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: iconPng(size) });
      }
    },
  };
}

/** `.br` and `.gz` beside each file, after everything (service worker included) is written. */
function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gancang-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const cache = path.resolve('node_modules/.cache/gancang-precompress');
        const r = await precompressDir(outDir, cache);
        const mb = (n: number) => (n / 1e6).toFixed(1);
        this.info(
          `precompressed ${r.files} files: ${mb(r.bytes)} MB → gzip ${mb(r.gzipBytes)} MB, brotli ${mb(r.brotliBytes)} MB`,
        );
      },
    },
  };
}

/**
 * Emitted file names. Every script ends in `.js`: a stock web server (Debian's nginx `mime.types`) knows no
 * `.mjs` and would serve MapLibre's module worker as application/octet-stream, which the browser refuses.
 */
export function assetFileName(info: { names: string[] }): string {
  const name = info.names[0] ?? '';
  return name.endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]';
}

// `data/` is the public directory: the committed gazetteer, the generated demo
// (data/demo/) and an official boundary file dropped in data/boundaries/ are
// served as static files from the app's own origin — nothing is fetched elsewhere.
export default defineConfig({
  // Relative URLs everywhere: the same dist/ works at a server's root or in any sub-folder.
  base: './',
  plugins: [
    react(),
    duckDbWorkerPlugin(),
    deployFilesPlugin(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // .json: every server knows the type (a stock nginx or IIS does not know .webmanifest).
      manifestFilename: 'manifest.json',
      manifest: {
        name: 'Gancang Pikat',
        short_name: 'Gancang Pikat',
        description: 'Dasbor peta dan analitik Gancang Pikat — Kabupaten Bengkulu Selatan',
        lang: 'id',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: THEME_COLOR,
        icons: [
          ...ICON_SIZES.map((size) => ({
            src: `icons/icon-${size}.png`,
            sizes: `${size}x${size}`,
            type: 'image/png',
          })),
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,wasm,json,csv,arrow,geojson,png}'],
        // config.json is read fresh from the server (kept for offline use by a runtime cache). The demo's CSVs
        // are not read by the app: it loads their columnar copies (scripts/demo/columnar.ts).
        globIgnores: ['config.json', 'sw.js', '**/*.{br,gz}', '**/README.md', 'demo/*.csv'],
        // The DuckDB wasm is 34 MB.
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
    precompressPlugin(),
  ],
  publicDir: 'data',
  // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks their URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { output: { assetFileNames: assetFileName } },
  },
  // The import worker starts DuckDB too: its build gets the same patched DuckDB worker.
  worker: { format: 'es', plugins: () => [duckDbWorkerPlugin()] },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
