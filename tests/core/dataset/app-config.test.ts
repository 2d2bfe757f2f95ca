import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseAppConfig, parsePublishedDataset } from '../../../src/core/dataset/app-config';

const BASE = 'https://pemda.example.go.id/gancang/';

describe('config.json: the published dataset entry', () => {
  it('no entry: no published dataset (the demo is used)', () => {
    expect(parseAppConfig({ boundariesUrl: null, basemap: null }, BASE)).toMatchObject({
      dataset: null,
      datasetError: null,
    });
    expect(parseAppConfig(null, BASE).dataset).toBeNull();
  });

  it('accepts CSV and Parquet files on the same server, relative or absolute', () => {
    const dataset = parsePublishedDataset(
      {
        name: ' P3KE Kantor ',
        date: '2026-10-31',
        households: 'bersama/keluarga.parquet',
        agents: 'https://pemda.example.go.id/gancang/bersama/agen.csv',
        cases: '/gancang/bersama/kasus.CSV?v=2',
      },
      BASE,
    );
    expect(dataset).toEqual({
      name: 'P3KE Kantor',
      date: '2026-10-31',
      files: {
        households: 'bersama/keluarga.parquet',
        agents: 'https://pemda.example.go.id/gancang/bersama/agen.csv',
        cases: '/gancang/bersama/kasus.CSV?v=2',
      },
      aggregates: null,
    });
  });

  it('an aggregate dataset: its manifest alone, name and date optional (the manifest gives them)', () => {
    expect(parsePublishedDataset({ aggregates: 'publik/aggregates.json' }, BASE)).toEqual({
      name: null,
      date: null,
      files: {},
      aggregates: 'publik/aggregates.json',
    });
    expect(
      parsePublishedDataset(
        { name: 'Angka desa', date: '2026-10-31', aggregates: 'publik/aggregates.json' },
        BASE,
      ),
    ).toMatchObject({ name: 'Angka desa', date: '2026-10-31' });
  });

  it.each([
    [[], 'notObject'],
    ['data.csv', 'notObject'],
    [{ date: '2026-10-31', households: 'a.csv' }, 'name'],
    [{ name: 'x', date: '31-10-2026', households: 'a.csv' }, 'date'],
    [{ name: 'x', date: '2026-02-30', households: 'a.csv' }, 'date'],
    [{ name: 'x', date: '2026-10-31' }, 'noFiles'],
    [{ name: 'x', date: '2026-10-31', households: 'https://other.example.org/a.csv' }, 'fileUrl'],
    [{ name: 'x', date: '2026-10-31', households: '//other.example.org/a.csv' }, 'fileUrl'],
    [{ name: 'x', date: '2026-10-31', households: 'javascript:alert(1)//a.csv' }, 'fileUrl'],
    [{ name: 'x', date: '2026-10-31', households: 42 }, 'fileUrl'],
    [{ name: 'x', date: '2026-10-31', households: 'a.xlsx' }, 'fileType'],
    [{ aggregates: 'publik/village-figures.csv' }, 'fileType'],
    [{ aggregates: 'https://other.example.org/aggregates.json' }, 'fileUrl'],
    [{ aggregates: 'publik/aggregates.json', date: '2026-13-01' }, 'date'],
    [
      { name: 'x', date: '2026-10-31', households: 'a.csv', aggregates: 'publik/aggregates.json' },
      'bothLevels',
    ],
  ])('refuses %j (%s) with a ConfigError, kept apart from the rest of the config', (entry, problem) => {
    expect(() => parsePublishedDataset(entry, BASE)).toThrow(ConfigError);
    const config = parseAppConfig({ basemap: null, dataset: entry }, BASE);
    expect(config.dataset).toBeNull();
    expect(config.datasetError?.problem).toBe(problem);
  });

  it('property: every accepted file resolves to the app server', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom('.csv', '.parquet'), (url, ext) => {
        try {
          const dataset = parsePublishedDataset(
            { name: 'x', date: '2026-01-01', households: url + ext },
            BASE,
          );
          const resolved = new URL(dataset?.files.households ?? '', BASE);
          return resolved.origin === new URL(BASE).origin;
        } catch (error) {
          return error instanceof ConfigError;
        }
      }),
    );
  });
});
