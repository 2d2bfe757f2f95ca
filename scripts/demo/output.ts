/** Where the demo tables go: files on disk (streamed in chunks) or memory (tests). */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_FILES = ['households.csv', 'agents.csv', 'cases.csv', 'manifest.json'] as const;
export type DemoFile = (typeof DEMO_FILES)[number];

export interface DemoWriter {
  write(file: DemoFile, chunk: string): void;
  /** Called once when every file is complete. */
  close(): void;
}

/**
 * Writes into `dir`. Files are written under a temporary name and renamed on close, and any old
 * manifest is removed first, so a run that fails half-way never looks complete.
 */
export function createFileWriter(dir: string): DemoWriter {
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'manifest.json'), { force: true });
  const fds = new Map<DemoFile, number>();
  return {
    write(file, chunk) {
      let fd = fds.get(file);
      if (fd === undefined) {
        fd = openSync(join(dir, `${file}.partial`), 'w');
        fds.set(file, fd);
      }
      writeSync(fd, chunk);
    },
    close() {
      // The manifest goes last.
      const files = [...fds.keys()].sort(
        (a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'),
      );
      for (const file of files) {
        closeSync(fds.get(file) ?? -1);
        renameSync(join(dir, `${file}.partial`), join(dir, file));
      }
      fds.clear();
    },
  };
}

/**
 * Passes every chunk on to `writer` and digests each table's bytes on the way: `fingerprint()` names the
 * demo's content (SHA-256 of the tables' digests, in DEMO_FILES order), the same whenever the same data is made.
 */
export function fingerprinting(writer: DemoWriter): DemoWriter & { fingerprint(): string } {
  const digests = new Map<DemoFile, Hash>();
  return {
    write(file, chunk) {
      if (file !== 'manifest.json') {
        let digest = digests.get(file);
        if (!digest) {
          digest = createHash('sha256');
          digests.set(file, digest);
        }
        digest.update(chunk);
      }
      writer.write(file, chunk);
    },
    close: () => writer.close(),
    fingerprint() {
      const all = createHash('sha256');
      for (const file of DEMO_FILES) all.update(`${file}:${digests.get(file)?.copy().digest('hex') ?? ''}\n`);
      return all.digest('hex').slice(0, 32);
    },
  };
}

export interface MemoryWriter extends DemoWriter {
  text(file: DemoFile): string;
}

export function createMemoryWriter(): MemoryWriter {
  const parts = new Map<DemoFile, string[]>();
  return {
    write(file, chunk) {
      const list = parts.get(file) ?? [];
      list.push(chunk);
      parts.set(file, list);
    },
    close() {},
    text(file) {
      return (parts.get(file) ?? []).join('');
    },
  };
}

/** Buffers CSV lines and hands them to the writer in chunks of about 1 MB. */
export class CsvSink {
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    private readonly writer: DemoWriter,
    private readonly file: DemoFile,
    header: readonly string[],
  ) {
    this.push(header.join(','));
  }

  row(line: string): void {
    this.push(line);
    this.rows++;
  }

  private push(line: string): void {
    this.parts.push(line);
    this.size += line.length + 1;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.writer.write(this.file, `${this.parts.join('\n')}\n`);
    this.parts = [];
    this.size = 0;
  }
}
