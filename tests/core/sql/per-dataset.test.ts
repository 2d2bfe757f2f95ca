import { describe, expect, it, vi } from 'vitest';
import { arrivedForDataset, perDataset } from '../../../src/core/sql/per-dataset';
import type { SqlClient } from '../../../src/core/sql/sql-client';

const client = (): SqlClient => ({
  queryTable: vi.fn(),
  queryPrepared: vi.fn(),
  registerFile: vi.fn(),
  insertArrow: vi.fn(),
  insertArrowStream: vi.fn(),
});

describe('answers kept per dataset', () => {
  it('asks once per dataset and key, also while the first answer is on its way', async () => {
    const a = client();
    const b = client();
    const ask = vi.fn(async () => ['x']);
    const first = perDataset(a, 'k', ask);
    const again = perDataset(a, 'k', ask);
    expect(await first).toBe(await again);
    expect(ask).toHaveBeenCalledTimes(1);
    await perDataset(a, 'other', ask);
    await perDataset(b, 'k', ask);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('gives an arrived answer without waiting, and nothing before it arrives', async () => {
    const a = client();
    let answer!: (rows: string[]) => void;
    const asked = perDataset(a, 'k', () => new Promise<string[]>((resolve) => (answer = resolve)));
    expect(arrivedForDataset(a, 'k')).toBeUndefined();
    answer(['v']);
    await asked;
    expect(arrivedForDataset(a, 'k')).toEqual(['v']);
    expect(arrivedForDataset(client(), 'k')).toBeUndefined();
  });

  it('does not keep a failure: the next ask tries again', async () => {
    const a = client();
    await expect(perDataset(a, 'k', async () => Promise.reject(new Error('no table yet')))).rejects.toThrow();
    await vi.waitFor(() => expect(arrivedForDataset(a, 'k')).toBeUndefined());
    expect(await perDataset(a, 'k', async () => 'made')).toBe('made');
  });
});
