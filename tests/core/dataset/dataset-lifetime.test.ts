import { describe, expect, it, vi } from 'vitest';
import { endDataset, onDatasetReplaced } from '../../../src/core/dataset/dataset-lifetime';
import type { SqlClient } from '../../../src/core/sql/sql-client';

const client = (close = vi.fn(async () => undefined)): SqlClient => ({
  queryTable: vi.fn(),
  queryPrepared: vi.fn(),
  registerFile: vi.fn(),
  insertArrow: vi.fn(),
  insertArrowStream: vi.fn(),
  close,
});

describe('a dataset replaced in the running page', () => {
  it("ends what was started for it, once, then its connection; another dataset's are untouched", () => {
    const old = client();
    const other = client();
    const ends = [vi.fn(), vi.fn()];
    const othersEnd = vi.fn();
    for (const end of ends) onDatasetReplaced(old, end);
    onDatasetReplaced(other, othersEnd);
    endDataset(old);
    endDataset(old);
    for (const end of ends) expect(end).toHaveBeenCalledTimes(1);
    expect(old.close).toHaveBeenCalledTimes(1);
    expect(othersEnd).not.toHaveBeenCalled();
    expect(other.close).not.toHaveBeenCalled();
  });

  it('what is started for a dataset already replaced ends at once', () => {
    const old = client();
    endDataset(old);
    const late = vi.fn();
    onDatasetReplaced(old, late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('one ending that throws does not keep the others (or the connection) alive', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const old = client();
    const after = vi.fn();
    onDatasetReplaced(old, () => {
      throw new Error('worker already gone');
    });
    onDatasetReplaced(old, after);
    endDataset(old);
    expect(after).toHaveBeenCalledTimes(1);
    expect(old.close).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('closing a replaced dataset later', () => {
  it('ends its work at once and closes its connection only once the given moment has come', async () => {
    const old = client();
    const work = vi.fn();
    onDatasetReplaced(old, work);
    let shown!: () => void;
    endDataset(old, new Promise<void>((resolve) => (shown = resolve)));
    expect(work).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(old.close).not.toHaveBeenCalled();
    shown();
    await vi.waitFor(() => expect(old.close).toHaveBeenCalledTimes(1));
  });

  it('closes it even when that moment never comes right (the next load failed)', async () => {
    const old = client();
    endDataset(old, Promise.reject(new Error('load failed')));
    await vi.waitFor(() => expect(old.close).toHaveBeenCalledTimes(1));
  });
});
