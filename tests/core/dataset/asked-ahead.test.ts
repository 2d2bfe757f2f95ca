/**
 * A file read at boot is taken by the load's own read of it (of the same kind: present or not, or bytes), once:
 * never downloaded twice, and a later read (another load) asks the server again. What no load took is dropped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  askAhead,
  dropAskedAhead,
  fetchBytes,
  fetchBytesIfPresent,
} from '../../../src/core/dataset/fetch-bytes';

function stubServer(files: Record<string, string>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    const body = files[url];
    return Promise.resolve(
      body === undefined ? new Response('', { status: 404 }) : new Response(new TextEncoder().encode(body)),
    );
  });
  return asked;
}
const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);

afterEach(() => {
  dropAskedAhead();
  vi.unstubAllGlobals();
});

describe('files asked ahead', () => {
  it('are taken once by the load, then asked for again', async () => {
    const asked = stubServer({ 'a.arrow': 'A', 'b.csv': 'B' });
    askAhead('a.arrow');
    askAhead('a.arrow');
    askAhead('b.csv', true);
    expect(asked).toEqual(['a.arrow', 'b.csv']);
    expect(text(await fetchBytes('a.arrow'))).toBe('A');
    expect(text(await fetchBytesIfPresent('b.csv'))).toBe('B');
    expect(asked).toEqual(['a.arrow', 'b.csv']);
    expect(text(await fetchBytes('a.arrow'))).toBe('A');
    expect(asked).toEqual(['a.arrow', 'b.csv', 'a.arrow']);
  });

  it('answer as the load’s own request would: absent, or its HTTP failure', async () => {
    const asked = stubServer({});
    askAhead('gone.csv', true);
    askAhead('gone.arrow');
    expect(await fetchBytesIfPresent('gone.csv')).toBeNull();
    await expect(fetchBytes('gone.arrow')).rejects.toThrow('HTTP 404');
    expect(asked).toEqual(['gone.csv', 'gone.arrow']);
  });

  it('may be read by whoever asked (the first look), and are still taken by the load', async () => {
    const asked = stubServer({ 'b.geojson': 'B' });
    expect(text(await askAhead('b.geojson', true))).toBe('B');
    expect(text(await askAhead('b.geojson', true))).toBe('B');
    expect(text(await fetchBytesIfPresent('b.geojson'))).toBe('B');
    expect(asked).toEqual(['b.geojson']);
  });

  it('are dropped when no load took them', async () => {
    const asked = stubServer({ 'a.arrow': 'A' });
    askAhead('a.arrow');
    dropAskedAhead();
    expect(text(await fetchBytes('a.arrow'))).toBe('A');
    expect(asked).toEqual(['a.arrow', 'a.arrow']);
  });
});
