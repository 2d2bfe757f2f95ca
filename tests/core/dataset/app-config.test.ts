import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  channelKey,
  DEFAULT_CHANNEL_CONFIG,
  DEFAULT_CONFIG,
  parseAppConfig,
  parseChannels,
  parsePublishedDataset,
} from '../../../src/core/dataset/app-config';
import { DEFAULT_CHANNELS } from '../../../src/core/domain/schema';

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
      answers: null,
    });
  });

  it("answers drawn ahead: a .bin file in the households file's folder, however each is written", () => {
    const entry = { name: 'x', date: '2026-10-31', households: 'bersama/keluarga.arrow' };
    for (const answers of [
      'bersama/answers.bin',
      './bersama/jawaban.BIN?v=3',
      '/gancang/bersama/answers.bin',
      'https://pemda.example.go.id/gancang/bersama/answers.bin',
    ])
      expect(parsePublishedDataset({ ...entry, answers }, BASE)?.answers).toBe(answers);
  });

  it('an aggregate dataset: its manifest alone, name and date optional (the manifest gives them)', () => {
    expect(parsePublishedDataset({ aggregates: 'publik/aggregates.json' }, BASE)).toEqual({
      name: null,
      date: null,
      files: {},
      aggregates: 'publik/aggregates.json',
      answers: null,
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
    // Answers anywhere but beside the households file (a public folder, the app's own), or with no such file.
    [
      { name: 'x', date: '2026-10-31', households: 'bersama/k.csv', answers: 'publik/answers.bin' },
      'answers',
    ],
    [{ name: 'x', date: '2026-10-31', households: 'bersama/k.csv', answers: 'answers.bin' }, 'answers'],
    [{ name: 'x', date: '2026-10-31', households: 'bersama/k.csv', answers: 'bersama/sub/a.bin' }, 'answers'],
    [{ name: 'x', date: '2026-10-31', households: 'bersama/k.csv', answers: 'bersama/a.json' }, 'answers'],
    [
      { name: 'x', date: '2026-10-31', agents: 'bersama/agen.csv', answers: 'bersama/answers.bin' },
      'answers',
    ],
    [{ aggregates: 'publik/aggregates.json', answers: 'publik/answers.bin' }, 'answers'],
    [
      {
        name: 'x',
        date: '2026-10-31',
        households: 'bersama/k.csv',
        answers: 'https://other.example.org/bersama/a.bin',
      },
      'fileUrl',
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

  it("property: accepted answers are always served from the households file's folder", () => {
    const segment = fc.constantFrom('bersama', 'publik', '..', '.', 'a b', '%2e%2e', 'assets');
    const url = fc
      .tuple(
        fc.constantFrom('', '/', '/gancang/', 'https://pemda.example.go.id/gancang/'),
        fc.array(segment, { maxLength: 3 }),
      )
      .map(([start, parts]) => start + parts.join('/'));
    fc.assert(
      fc.property(
        url,
        url,
        fc.constantFrom('.bin', '.BIN', '.json', ''),
        (householdsDir, answersDir, ext) => {
          const households = `${householdsDir}/k.arrow`;
          const answers = `${answersDir}/answers${ext}`;
          try {
            const dataset = parsePublishedDataset(
              { name: 'x', date: '2026-01-01', households, answers },
              BASE,
            );
            const folder = (u: string) => new URL('.', new URL(u, BASE)).href;
            return folder(dataset?.answers ?? '') === folder(households) && /\.bin$/i.test(answers);
          } catch (error) {
            return error instanceof ConfigError;
          }
        },
      ),
    );
  });
});

describe('config.json: the referral channels entry', () => {
  it('no entry: the channels named in the code, each named by its code', () => {
    const config = parseAppConfig({ boundariesUrl: null, basemap: null }, BASE);
    expect(config.channels).toEqual(
      DEFAULT_CHANNELS.map((code) => ({ code, name: code, description: null })),
    );
    expect(config.channelsError).toBeNull();
    expect(parseAppConfig(null, BASE).channels).toBe(DEFAULT_CHANNEL_CONFIG);
    expect(parseChannels(null)).toBe(DEFAULT_CHANNEL_CONFIG);
    expect(DEFAULT_CONFIG.channels).toBe(DEFAULT_CHANNEL_CONFIG);
  });

  it('a list in its order: code required, name defaults to the code, text trimmed', () => {
    expect(
      parseChannels([
        { code: ' TRC ', name: ' Tim Reaksi Cepat ', description: 'Bencana' },
        { code: 'Bujang  Dusun', name: '' },
        { code: 'Posyandu', description: null },
      ]),
    ).toEqual([
      { code: 'TRC', name: 'Tim Reaksi Cepat', description: 'Bencana' },
      { code: 'Bujang Dusun', name: 'Bujang Dusun', description: null },
      { code: 'Posyandu', name: 'Posyandu', description: null },
    ]);
    expect(parseChannels([])).toEqual([]);
  });

  it.each([
    ['TRC', 'channels', 'TRC'],
    [{ code: 'TRC' }, 'channels', '{"code":"TRC"}'],
    [['TRC'], 'channels[0]', 'TRC'],
    [[{ code: 'JSPS' }, null], 'channels[1]', 'null'],
    [[{ name: 'Tanpa kode' }], 'channels[0].code', ''],
    [[{ code: '   ' }], 'channels[0].code', '   '],
    [[{ code: 7 }], 'channels[0].code', '7'],
    [[{ code: 'TRC', name: 5 }], 'channels[0].name', '5'],
    [[{ code: 'TRC', description: ['a'] }], 'channels[0].description', '["a"]'],
    [[{ code: 'TRC' }, { code: 'trc ' }], 'channels[1].code', 'trc'],
  ])('refuses %j with a ConfigError naming %s; the app goes on with the defaults', (entry, key, value) => {
    expect(() => parseChannels(entry)).toThrow(ConfigError);
    const dataset = { name: 'x', date: '2026-10-31', households: 'a.csv' };
    const config = parseAppConfig({ basemap: null, dataset, channels: entry }, BASE);
    expect(config.channelsError).toMatchObject({ key, problem: 'channels', value });
    expect(config.channels).toBe(DEFAULT_CHANNEL_CONFIG);
    // The rest of config.json is read as usual.
    expect(config.dataset?.name).toBe('x');
    expect(config.datasetError).toBeNull();
  });

  it('a wrong dataset entry does not affect the channels, nor the other way round', () => {
    const config = parseAppConfig({ dataset: [], channels: [{ code: 'TRC' }] }, BASE);
    expect(config.datasetError?.problem).toBe('notObject');
    expect(config.channels).toEqual([{ code: 'TRC', name: 'TRC', description: null }]);
    expect(config.channelsError).toBeNull();
  });

  it('data/config.json is read without a problem', () => {
    const config = parseAppConfig(JSON.parse(readFileSync('data/config.json', 'utf8')), BASE);
    expect(config.channelsError).toBeNull();
    expect(config.datasetError).toBeNull();
    expect(config.channels.map((c) => c.code)).toEqual([...DEFAULT_CHANNELS]);
  });

  it('property: any JSON gives channels with unique keys, or a ConfigError', () => {
    const entry = fc.record(
      {
        code: fc.oneof(
          fc.constantFrom('TRC', 'trc', ' JSPS', 'Era  Gro', 'era gro', ''),
          fc.string(),
          fc.integer(),
        ),
        name: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        description: fc.oneof(fc.string(), fc.constant(null), fc.boolean()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(entry, fc.jsonValue())), fc.jsonValue()), (raw) => {
        const config = parseAppConfig({ channels: raw }, BASE);
        if (config.channelsError) {
          expect(config.channelsError).toBeInstanceOf(ConfigError);
          expect(config.channels).toBe(DEFAULT_CHANNEL_CONFIG);
          return;
        }
        const keys = config.channels.map((c) => channelKey(c.code));
        expect(new Set(keys).size).toBe(keys.length);
        for (const c of config.channels) {
          expect(c.code).toBe(c.code.trim());
          expect(c.code).not.toBe('');
          expect(c.name).not.toBe('');
        }
      }),
    );
  });
});
