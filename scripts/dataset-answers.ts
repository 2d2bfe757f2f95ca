/**
 * Answers made ahead for the office's published dataset (DEPLOY.md §7): opens the built app once in headless
 * Chromium on the dataset config.json names, as its first visitor, and writes the database's answers to that
 * visit into the dataset's own folder. A user's first visit is then drawn from them before DuckDB starts, as a
 * first visit to the demo is from the answers the build ships (src/core/dataset/shipped-answers.ts).
 *
 *   npm run data:answers -- --data bersama [--dist dist] [--config dist/config.json] [--lang id|en]
 *
 * `--data` is the folder holding the files config.json's `dataset` names (as `npm run data:convert --out` wrote
 * them); the answers go there, as `answers.bin` (or the name `dataset.answers` already gives), and the entry to
 * add to config.json is printed. They hold figures and rows of the households, so they are only ever written
 * beside the households file and served behind its login (the app refuses an answers file anywhere else).
 * An answer is named by the DuckDB build, the bytes of every file and every statement's text: after the data or
 * the app is updated, run this again — until then the stale answers are never used, and the database answers.
 * Exit code: 0 written; 1 the dataset is too large for answers (none written, an older file removed); 2 the
 * arguments, config.json or a file are unusable, or the app could not show the dataset.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, parsePublishedDataset } from '../src/core/dataset/app-config.ts';
import { CHROMIUM_PATH, DIST, openDashboard, waitReady } from '../tests/e2e/harness.ts';
import { answersOfFirstVisit, TooLargeForAnswers } from './answers-ahead.ts';
import { argsOrUsage, langOption, readOptions, runWhenStarted } from './cli-options.ts';

export const USAGE = 'usage: npm run data:answers -- --data DIR [--dist dist] [--config FILE] [--lang id|en]';

const SAID = {
  id: {
    noDataset:
      'config.json tidak menyebut dataset tingkat keluarga (entri "dataset" dengan berkas "households").',
    relative: 'alamat berkas harus relatif terhadap dasbor, seperti yang dicetak npm run data:convert:',
    missing: 'berkas tidak ada di folder data:',
    noChromium: 'Chromium tidak ditemukan (sudo apt-get install -y chromium, atau CHROMIUM_PATH):',
    notShown:
      'dasbor tidak dapat menampilkan dataset ini; buka dengan npm run preview untuk melihat pesannya.',
    tooLarge: 'dataset terlalu besar untuk jawaban yang disiapkan; tidak ada yang ditulis',
    removed: 'berkas jawaban lama dihapus:',
    written: 'jawaban',
    add: 'Tambahkan ke entri "dataset" di config.json:',
  },
  en: {
    noDataset: 'config.json names no household-level dataset (a "dataset" entry with a "households" file).',
    relative: 'file addresses must be relative to the dashboard, as npm run data:convert prints them:',
    missing: 'file not in the data folder:',
    noChromium: 'Chromium not found (sudo apt-get install -y chromium, or CHROMIUM_PATH):',
    notShown: 'the dashboard cannot show this dataset; open it with npm run preview to read its message.',
    tooLarge: 'the dataset is too large for answers made ahead; nothing written',
    removed: 'older answers file removed:',
    written: 'answers',
    add: 'Add to the "dataset" entry of config.json:',
  },
} as const;

interface AnswersArgs {
  data: string;
  dist: string;
  config: string;
  lang: 'id' | 'en';
}

function parseArgs(argv: readonly string[]): AnswersArgs {
  const { values } = readOptions(argv, {
    data: { type: 'string' },
    dist: { type: 'string' },
    config: { type: 'string' },
    lang: { type: 'string' },
  });
  if (!values.data) throw new Error('--data is required');
  const dist = path.resolve(values.dist ?? DIST);
  return {
    data: path.resolve(values.data),
    dist,
    config: path.resolve(values.config ?? path.join(dist, 'config.json')),
    lang: langOption(values.lang),
  };
}

/** A URL config.json gives, relative to the app (as data:convert prints it): its path, else null. */
const relativePath = (url: string): string | null =>
  /^[a-z][a-z\d+.-]*:|^\/|^\\/i.test(url) ? null : (url.split(/[?#]/)[0] ?? '').replace(/^\.\//, '');

export async function main(argv: readonly string[]): Promise<number> {
  const args = argsOrUsage(parseArgs, argv, USAGE);
  if (!args) return 2;
  const said = SAID[args.lang];
  const config = JSON.parse(readFileSync(args.config, 'utf8')) as Record<string, unknown>;
  let dataset: ReturnType<typeof parsePublishedDataset>;
  try {
    dataset = parsePublishedDataset(config.dataset, 'http://127.0.0.1/');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${args.config}: ${error.message}`);
    return 2;
  }
  const households = dataset?.files.households;
  if (!dataset || !households) {
    console.error(said.noDataset);
    return 2;
  }
  // Each file config.json names, served at its address from the data folder.
  const served: Record<string, string> = {};
  for (const url of Object.values(dataset.files)) {
    const at = relativePath(url);
    if (!at) {
      console.error(`${said.relative} ${url}`);
      return 2;
    }
    const file = path.join(args.data, path.posix.basename(at));
    if (!existsSync(file)) {
      console.error(`${said.missing} ${file}`);
      return 2;
    }
    served[`/${at}`] = file;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`${said.noChromium} ${CHROMIUM_PATH}`);
    return 2;
  }
  const name = dataset.answers ? path.posix.basename(relativePath(dataset.answers) ?? '') : 'answers.bin';
  const out = path.join(args.data, name || 'answers.bin');
  const entry = `${path.posix.dirname(relativePath(households) ?? '')}/${path.basename(out)}`.replace(
    /^\.\//,
    '',
  );
  // The first visit asks the database: the answers config.json names now (an older run's) are not served.
  const dir = mkdtempSync(path.join(tmpdir(), 'gancang-answers-'));
  const firstVisitConfig = path.join(dir, 'config.json');
  const { answers: _older, ...rest } = config.dataset as Record<string, unknown>;
  writeFileSync(firstVisitConfig, JSON.stringify({ ...config, dataset: rest }));
  const dash = await openDashboard({
    root: args.dist,
    serviceWorkers: 'block',
    files: { '/config.json': firstVisitConfig, ...served },
  });
  try {
    await waitReady(dash.page);
    const state = await dash.page.evaluate(() => document.documentElement.dataset.state);
    const synthetic = await dash.page.locator('.app-header .synthetic').count();
    if (state !== 'ready' || synthetic > 0) {
      console.error(said.notShown);
      return 2;
    }
    const { count, bytes } = await answersOfFirstVisit(dash.page);
    writeFileSync(out, bytes);
    console.log(`${said.written}: ${count}, ${(bytes.byteLength / 1e6).toFixed(1)} MB → ${out}`);
    console.log(`\n${said.add}\n  "answers": "${entry}"`);
    return 0;
  } catch (error) {
    if (!(error instanceof TooLargeForAnswers)) throw error;
    console.error(said.tooLarge);
    if (existsSync(out)) {
      rmSync(out);
      console.error(`${said.removed} ${out}`);
    }
    return 1;
  } finally {
    await dash.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenStarted(import.meta, main);
