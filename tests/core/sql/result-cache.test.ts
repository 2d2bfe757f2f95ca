import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../../src/core/sql/result-cache';

describe('ResultCache', () => {
  it('asks once per key, also while the first answer is on its way, then answers synchronously', async () => {
    const cache = new ResultCache<number>(4);
    let calls = 0;
    const load = () => {
      calls += 1;
      return Promise.resolve(42);
    };
    expect(cache.peek('a')).toBeUndefined();
    const [x, y] = await Promise.all([cache.get('a', load), cache.get('a', load)]);
    expect([x, y, calls]).toEqual([42, 42, 1]);
    expect(cache.peek('a')).toBe(42);
    expect(await cache.get('a', load)).toBe(42);
    expect(calls).toBe(1);
  });

  it('drops the least recently used answer beyond its size', async () => {
    const cache = new ResultCache<string>(2);
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    cache.peek('a'); // a is now more recent than b
    await cache.get('c', async () => 'C');
    expect(cache.peek('a')).toBe('A');
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('c')).toBe('C');
  });

  it('keeps no failed answer: the next ask tries again', async () => {
    const cache = new ResultCache<number>(2);
    await expect(cache.get('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.peek('a')).toBeUndefined();
    expect(await cache.get('a', async () => 7)).toBe(7);
  });
});
