/**
 * The demo's tables as an office publishes its own dataset (DEPLOY.md §7): the Arrow files `npm run data:convert`
 * would write, under bersama/, and config.json's `dataset` entry naming them. For the tests and the bench.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DIST } from './static-server';

export const OFFICE_DATASET_NAME = 'P3KE Kantor Bappeda';
const TABLES = ['households', 'agents', 'cases'] as const;

/** The demo's tables copied to `dir`/bersama/; the folder, and the `dataset` entry naming them. */
export async function demoAsOfficeDataset(
  dir: string,
): Promise<{ bersama: string; entry: Record<string, string> }> {
  const bersama = path.join(dir, 'bersama');
  await mkdir(bersama, { recursive: true });
  for (const table of TABLES)
    await copyFile(path.join(DIST, 'demo', `${table}.arrow`), path.join(bersama, `${table}.arrow`));
  return {
    bersama,
    entry: {
      name: OFFICE_DATASET_NAME,
      date: '2026-10-31',
      ...Object.fromEntries(TABLES.map((table) => [table, `bersama/${table}.arrow`])),
    },
  };
}
