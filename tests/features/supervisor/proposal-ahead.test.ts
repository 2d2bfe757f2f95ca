/**
 * The proposal worked out ahead of the click: advanced in slices, taken finished or finished on taking,
 * started afresh for other options or another coverage, and a failure reaches whoever takes it.
 */
import { describe, expect, it } from 'vitest';
import { ProposalAhead } from '../../../src/features/supervisor/proposal-ahead';

/** A job of `n` steps that records how many ran and returns `value`. */
function job(n: number, value: string, log: { ran: number }, failAt = -1) {
  return function* (): Generator<void, string, void> {
    for (let i = 0; i < n; i++) {
      if (i === failAt) throw new Error('failed');
      log.ran++;
      yield;
    }
    return value;
  };
}

describe('ProposalAhead', () => {
  const base = { coverage: 1 };

  it('advances in slices and hands the finished result over without running it again', () => {
    const ahead = new ProposalAhead<object, string>();
    const log = { ran: 0 };
    expect(ahead.hasWork()).toBe(false);
    ahead.want('10000', base, job(3, 'p', log));
    expect(ahead.hasWork()).toBe(true);
    while (!ahead.advance(0));
    expect(ahead.hasWork()).toBe(false);
    expect(log.ran).toBe(3);
    const again = { ran: 0 };
    expect(ahead.take('10000', base, job(3, 'other', again))).toBe('p');
    expect(again.ran).toBe(0);
  });

  it('finishes a job half done when it is taken, and wanting it again does not restart it', () => {
    const ahead = new ProposalAhead<object, string>();
    const log = { ran: 0 };
    ahead.want('10000', base, job(5, 'p', log));
    expect(ahead.advance(0)).toBe(false);
    expect(log.ran).toBe(1);
    ahead.want('10000', base, job(5, 'restarted', { ran: 0 }));
    expect(ahead.take('10000', base, job(5, 'restarted', { ran: 0 }))).toBe('p');
    expect(log.ran).toBe(5);
  });

  it('starts afresh for other options or another coverage (same options, newer figures)', () => {
    const ahead = new ProposalAhead<object, string>();
    ahead.want('10000', base, job(1, 'old', { ran: 0 }));
    while (!ahead.advance(0));
    expect(ahead.take('5000', base, job(1, 'other limit', { ran: 0 }))).toBe('other limit');
    expect(ahead.take('5000', { coverage: 2 }, job(1, 'newer coverage', { ran: 0 }))).toBe('newer coverage');
  });

  it('drops a job that fails ahead, so that taking it runs it again and the failure reaches the taker', () => {
    const ahead = new ProposalAhead<object, string>();
    ahead.want('10000', base, job(3, 'p', { ran: 0 }, 1));
    while (!ahead.advance(0));
    expect(() => ahead.take('10000', base, job(3, 'p', { ran: 0 }, 2))).toThrow('failed');
    expect(ahead.take('10000', base, job(2, 'ok', { ran: 0 }))).toBe('ok');
  });

  it('has nothing to do when nothing was asked for, or after clear', () => {
    const ahead = new ProposalAhead<object, string>();
    expect(ahead.advance(10)).toBe(true);
    ahead.want('10000', base, job(3, 'p', { ran: 0 }));
    ahead.clear();
    expect(ahead.advance(10)).toBe(true);
  });
});
