/**
 * A first visit to the demo's opening map drawn from the answers shipped with the build
 * (core/dataset/shipped-answers.ts), as a return visit is drawn from the answers it kept: asked at the page's
 * boot (main.tsx, which then leaves DuckDB to the loader), taken by the first load when nothing is kept. Only
 * for the demo the server has now (its manifest's fingerprint names the file), opened at the app's plain
 * address; anything else, or a file that is absent, unreadable or fails to download, gives none, and the
 * database answers.
 */
import { pageConfig } from '../core/dataset/app-config';
import { type DatasetSource, demoManifest } from '../core/dataset/dataset-source';
import { fetchBytesIfPresent } from '../core/dataset/fetch-bytes';
import { decodeAnswers, shippedAnswersFile } from '../core/dataset/shipped-answers';
import { pageOpensDemoMap } from '../core/first-look/first-look';
import i18n from '../i18n';

let asked: Promise<Map<string, Uint8Array> | null> | null = null;
let taken = false;

async function readShipped(): Promise<Map<string, Uint8Array> | null> {
  const config = await pageConfig();
  if (config.dataset || config.datasetError) return null;
  const fingerprint = (await demoManifest())?.fingerprint;
  if (typeof fingerprint !== 'string' || !/^[\w-]+$/.test(fingerprint)) return null;
  const bytes = await fetchBytesIfPresent(shippedAnswersFile(fingerprint));
  return bytes ? decodeAnswers(bytes) : null;
}

/** The shipped answers for this page's opening (asked once per page); null when there are none to draw from. */
export function shippedAnswers(): Promise<Map<string, Uint8Array> | null> {
  if (!pageOpensDemoMap(i18n.language)) return Promise.resolve(null);
  asked ??= readShipped().catch(() => null);
  return asked;
}

/**
 * The answers a load of `source` is drawn from: the last visit's when any are kept, else the shipped ones for
 * the demo's first load (taken once: a later load of the page, e.g. after an erase, asks the database).
 */
export async function answersToDrawFrom(
  source: DatasetSource,
  kept: Promise<Map<string, Uint8Array>>,
): Promise<Map<string, Uint8Array>> {
  const last = await kept;
  if (last.size > 0 || source.kind !== 'demo' || taken) return last;
  taken = true;
  return (await shippedAnswers()) ?? last;
}
