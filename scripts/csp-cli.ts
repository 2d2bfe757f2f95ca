/**
 * `npm run csp -- --config dist/config.json`: writes the security policy for that config.json (e.g. after
 * adding an online basemap to a build) into the build's index.html (meta tag), .htaccess and web.config, and into the
 * nginx snippet deploy/nginx/gancang-headers.conf; the service worker's precache entry of index.html is
 * updated so browsers that have the app offline take the new page as an update.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  basemapOrigins,
  type CspConfig,
  nginxHeadersSnippet,
  withApacheHeaders,
  withCspMeta,
} from './csp.ts';
import { iisWebConfig } from './iis.ts';
import { withPrecacheRevision } from './precache-revision.ts';
import { precompressFile } from './precompress.ts';

const USAGE = `usage: npm run csp -- [--config dist/config.json] [--nginx deploy/nginx/gancang-headers.conf]
  Writes the Content Security Policy and security headers for the given config.json into
  index.html, .htaccess, web.config and sw.js beside it (when present) and into the nginx snippet.`;

export interface CspWriteResult {
  written: string[];
  origins: string[];
}

export function readCspConfig(file: string): CspConfig {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<CspConfig>;
  const basemap = raw.basemap ?? null;
  if (
    basemap !== null &&
    (!Array.isArray(basemap.tiles) || basemap.tiles.some((t) => typeof t !== 'string'))
  ) {
    throw new Error(`${file}: "basemap.tiles" must be a list of URL templates`);
  }
  return { basemap };
}

/** Writes the policy for `configFile` into the files beside it and the nginx snippet; returns what it wrote. */
export async function writeCsp(configFile: string, nginxFile: string): Promise<CspWriteResult> {
  const config = readCspConfig(configFile);
  const origins = basemapOrigins(config);
  const dir = path.dirname(configFile);
  const written: string[] = [];
  const html = path.join(dir, 'index.html');
  if (existsSync(html)) {
    const page = withCspMeta(readFileSync(html, 'utf8'), config);
    writeFileSync(html, page);
    written.push(html);
    const sw = path.join(dir, 'sw.js');
    if (existsSync(sw)) {
      writeFileSync(sw, withPrecacheRevision(readFileSync(sw, 'utf8'), 'index.html', page));
      written.push(sw);
    }
  }
  const htaccess = path.join(dir, '.htaccess');
  if (existsSync(htaccess)) {
    writeFileSync(htaccess, withApacheHeaders(readFileSync(htaccess, 'utf8'), config));
    written.push(htaccess);
  }
  const webConfig = path.join(dir, 'web.config');
  if (existsSync(webConfig)) {
    writeFileSync(webConfig, iisWebConfig(config));
    written.push(webConfig);
  }
  // Precompressed copies of a rewritten file would otherwise still be served with the old content.
  for (const file of written)
    if (existsSync(`${file}.gz`) || existsSync(`${file}.br`)) await precompressFile(file);
  writeFileSync(nginxFile, nginxHeadersSnippet(config));
  written.push(nginxFile);
  return { written, origins };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'dist/config.json' },
      nginx: { type: 'string', default: 'deploy/nginx/gancang-headers.conf' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { written, origins } = await writeCsp(values.config, values.nginx);
  const hosts = origins.length > 0 ? origins.join(', ') : 'none (the app talks only to its own server)';
  console.log(`basemap hosts allowed: ${hosts}`);
  for (const file of written) console.log(`wrote ${file}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  });
}
