/**
 * A freshly launched Chromium first does work of its own: here its top-chrome WebUI renderer (the address bar's
 * popup, made ahead even when headless) takes about 1.2 s of CPU in the first second. A page opened at once
 * shares the cores with it, so a timed cold start measured the browser's start as well as the dashboard's (`npm
 * run bench` on two cores, one build: first look 0.80 s opened once quiet, 1.38 s at once; ready 3.19 s, 4.71 s).
 * A user's browser has long done it when they open the dashboard. The benchmarks' cold starts wait until the
 * browser is quiet (`openDashboard({ settled: true })`).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc/<pid>/stat's CPU times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

interface ProcessStat {
  ppid: number;
  cpuMs: number;
}

function readStat(pid: number): ProcessStat | null {
  try {
    // The command's name, in parentheses, may hold spaces: the fields after it are counted from its end.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null; // Ended meanwhile.
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * CPU ms used so far by the processes whose command line holds `marker` (the browser's own, by its user-data
 * directory) and all their descendants (renderers, GPU and utility processes); null without Linux's /proc.
 */
export function processTreeCpuMs(marker: string): number | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return null;
  }
  const stats = new Map<number, ProcessStat>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const inTree = new Set(pids.filter((pid) => commandLine(pid).includes(marker)));
  // Descendants, to any depth (Chromium's zygote forks the renderers).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { ppid }] of stats)
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
  }
  let total = 0;
  for (const pid of inTree) total += stats.get(pid)?.cpuMs ?? 0;
  return total;
}

export interface QuietOptions {
  /** How often the CPU is read. */
  pollMs?: number;
  /** Quiet: at most this share of one core used in each of `windows` successive polls. */
  maxShare?: number;
  windows?: number;
  /** Waits no longer than this. */
  maxMs?: number;
  /** How long to wait where the CPU cannot be read. */
  fallbackMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Waits until `readCpuMs` (cumulative CPU ms) grows by at most `maxShare` of one core in each of `windows`
 * successive polls, or `maxMs` has passed; resolves with the time waited. Without a reading (no /proc), waits
 * `fallbackMs`.
 */
export async function waitUntilQuiet(
  readCpuMs: () => number | null,
  {
    pollMs = 250,
    maxShare = 0.1,
    windows = 2,
    maxMs = 10_000,
    fallbackMs = 2_000,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }: QuietOptions = {},
): Promise<number> {
  const first = readCpuMs();
  if (first === null) {
    await sleep(fallbackMs);
    return fallbackMs;
  }
  let last: number = first;
  let waited = 0;
  let quiet = 0;
  while (waited < maxMs && quiet < windows) {
    await sleep(pollMs);
    waited += pollMs;
    const now = readCpuMs() ?? last;
    quiet = now - last <= maxShare * pollMs ? quiet + 1 : 0;
    last = now;
  }
  return waited;
}
