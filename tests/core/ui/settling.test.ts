import { describe, expect, it, vi } from 'vitest';
import { settling } from '../../../src/core/ui/settling';

describe('settling', () => {
  it('keeps the value on the object it returned once the promise is fulfilled', async () => {
    const kept = settling(Promise.resolve(42), () => undefined);
    expect(kept.value).toBeUndefined();
    const same = Object.assign(kept, { key: 'k' });
    await kept.promise;
    expect(same.value).toBe(42);
  });

  it('calls onFailure, and keeps no value, when the promise is rejected', async () => {
    const onFailure = vi.fn();
    const kept = settling(Promise.reject(new Error('x')), onFailure);
    await expect(kept.promise).rejects.toThrow('x');
    await Promise.resolve();
    expect(onFailure).toHaveBeenCalledOnce();
    expect(kept.value).toBeUndefined();
  });
});
