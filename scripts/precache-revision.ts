/**
 * Keeps the service worker's precache list true after a file of a build was rewritten (e.g. index.html by
 * `npm run csp`): the entry's revision becomes the new content's hash, so browsers that have the app take
 * the change as an update instead of keeping the old copy.
 */
import { createHash } from 'node:crypto';

/** The revision Workbox gives a file: the MD5 of its content, in hex. */
export function revisionOf(content: string | Uint8Array): string {
  return createHash('md5').update(content).digest('hex');
}

/** sw.js with the precache entry of `url` set to the revision of `content`; throws when there is no entry. */
export function withPrecacheRevision(sw: string, url: string, content: string | Uint8Array): string {
  const u = `"?url"?\\s*:\\s*"${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`;
  const r = '"?revision"?\\s*:\\s*"[0-9a-f]+"';
  // Workbox writes the keys in either order.
  const entry = new RegExp(`\\{\\s*(?:${u}\\s*,\\s*${r}|${r}\\s*,\\s*${u})\\s*\\}`);
  const found = entry.exec(sw);
  if (!found) throw new Error(`the service worker has no precache entry for ${url}`);
  const replaced = found[0].replace(/("?revision"?\s*:\s*")[0-9a-f]+"/, `$1${revisionOf(content)}"`);
  return sw.slice(0, found.index) + replaced + sw.slice(found.index + found[0].length);
}
