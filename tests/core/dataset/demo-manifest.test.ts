/**
 * The demo's manifest is read once per page (the boot's data read ahead and the loader share it), and read
 * again when a read failed or found none.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let asked: string[];
let answers: (() => Response)[];

beforeEach(() => {
  vi.resetModules();
  asked = [];
  answers = [];
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    const next = answers.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new TypeError('network down'));
  });
});
afterEach(() => vi.unstubAllGlobals());

const manifest = () =>
  new Response(
    JSON.stringify({
      name: 'Demo',
      synthetic: true,
      households: 1,
      columnar: { households: 'households.arrow' },
    }),
  );
const source = async () => (await import('../../../src/core/dataset/dataset-source')).demoSource();

describe('demoSource', () => {
  it('reads the manifest once for every source it makes', async () => {
    answers.push(manifest);
    const [a, b] = await Promise.all([source(), source()]);
    expect(a).toEqual(b);
    expect(a.files.households).toBe('demo/households.arrow');
    expect(asked).toEqual(['demo/manifest.json']);
  });

  it('reads it again after a failure or an absent manifest', async () => {
    const { demoSource } = await import('../../../src/core/dataset/dataset-source');
    await expect(demoSource()).rejects.toThrow();
    answers.push(() => new Response('', { status: 404 }));
    await expect(demoSource()).rejects.toThrow('demo/manifest.json not found');
    answers.push(manifest);
    expect((await demoSource()).name).toBe('Demo');
    expect(asked).toEqual(['demo/manifest.json', 'demo/manifest.json', 'demo/manifest.json']);
  });
});
