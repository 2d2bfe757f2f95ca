import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processTreeCpuMs, waitUntilQuiet } from '../e2e/browser-quiet';

/** A CPU reading from a list of per-poll increments (the first call is the start), with a fake sleep. */
function fakeCpu(increments: number[]) {
  let cpu = 0;
  let call = 0;
  return {
    read: () => {
      if (call > 0) cpu += increments[call - 1] ?? increments.at(-1) ?? 0;
      call += 1;
      return cpu;
    },
    sleep: async () => undefined,
  };
}

describe('waitUntilQuiet', () => {
  it('waits through the busy polls and returns after two quiet ones in a row', async () => {
    const { read, sleep } = fakeCpu([300, 280, 250, 120, 10, 0]);
    expect(await waitUntilQuiet(read, { sleep })).toBe(6 * 250);
  });

  it('does not count a quiet poll between busy ones', async () => {
    const { read, sleep } = fakeCpu([300, 5, 300, 5, 300, 5, 5]);
    expect(await waitUntilQuiet(read, { sleep })).toBe(7 * 250);
  });

  it('gives up after maxMs when the browser never quiets', async () => {
    const { read, sleep } = fakeCpu([200]);
    expect(await waitUntilQuiet(read, { sleep, maxMs: 3_000 })).toBe(3_000);
  });

  it('waits the fallback where the CPU cannot be read', async () => {
    const slept: number[] = [];
    const waited = await waitUntilQuiet(() => null, {
      fallbackMs: 1_500,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    expect([waited, slept]).toEqual([1_500, [1_500]]);
  });
});

describe.skipIf(!existsSync('/proc/self/stat'))('processTreeCpuMs', () => {
  it('counts the CPU of the marked process and of its children', async () => {
    const marker = `browser-quiet-${process.pid}-${Date.now()}`;
    // A parent (marked) whose child (not marked) spins for 400 ms, then both wait to be read.
    const spin = 'const t=Date.now();while(Date.now()-t<400);setTimeout(()=>{},5000)';
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('child_process').spawn(process.execPath,['-e',${JSON.stringify(spin)}],{stdio:'inherit'});setTimeout(()=>{},5000)`,
        marker,
      ],
      { stdio: 'ignore' },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(processTreeCpuMs(marker)).toBeGreaterThanOrEqual(300);
      expect(processTreeCpuMs(`${marker}-none`)).toBe(0);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
