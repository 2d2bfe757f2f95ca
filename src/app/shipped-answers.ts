/**
 * A first visit's opening map drawn from answers made ahead, as a return visit is drawn from the answers it kept:
 * - the demo's, shipped with the build (core/dataset/shipped-answers.ts), named by its manifest's fingerprint;
 * - the office's published dataset's, made beside its files by `npm run data:answers` and named in config.json
 *   (`dataset.answers`, in the households file's folder: served behind the same login).
 * Asked at the page's boot (main.tsx, which then leaves DuckDB to the loader), taken by the first load when
 * nothing is kept; only at the app's plain address. Anything else, or a file that is absent, unreadable or fails
 * to download, gives none, and the database answers. An answer made from other files, by another build or for
 * another statement is never found (each is named by all three): that statement is asked of the database.
 */
import { pageConfig } from '../core/dataset/app-config';
import { type DatasetSource, demoManifest } from '../core/dataset/dataset-source';
import { fetchBytesIfPresent } from '../core/dataset/fetch-bytes';
import { decodeAnswers, shippedAnswersFile } from '../core/dataset/shipped-answers';
import { pageOpensServerMap } from '../core/first-look/first-look';
import i18n from '../i18n';

let asked: Promise<Map<string, Uint8Array> | null> | null = null;
let taken = false;

/** The file of the answers shipped with the build for the demo the server has now; null without one. */
async function demoAnswersFile(): Promise<string | null> {
  const fingerprint = (await demoManifest())?.fingerprint;
  return typeof fingerprint === 'string' && /^[\w-]+$/.test(fingerprint)
    ? shippedAnswersFile(fingerprint)
    : null;
}

async function readShipped(): Promise<Map<string, Uint8Array> | null> {
  const config = await pageConfig();
  if (config.datasetError) return null;
  const file = config.dataset ? config.dataset.answers : await demoAnswersFile();
  const bytes = file ? await fetchBytesIfPresent(file) : null;
  return bytes ? decodeAnswers(bytes) : null;
}

/** The answers made ahead for this page's opening (asked once per page); null when there are none to draw from. */
export function shippedAnswers(): Promise<Map<string, Uint8Array> | null> {
  if (!pageOpensServerMap(i18n.language)) return Promise.resolve(null);
  asked ??= readShipped().catch(() => null);
  return asked;
}

/**
 * The answers a load of `source` is drawn from: the last visit's when any are kept, else for the server's
 * dataset's first load the ones made ahead (taken once: a later load of the page, e.g. after an erase, asks the
 * database).
 */
export async function answersToDrawFrom(
  source: DatasetSource,
  kept: Promise<Map<string, Uint8Array>>,
): Promise<Map<string, Uint8Array>> {
  const last = await kept;
  if (last.size > 0 || source.kind === 'imported' || taken) return last;
  taken = true;
  return (await shippedAnswers()) ?? last;
}
