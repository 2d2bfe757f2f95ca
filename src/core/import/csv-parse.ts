/**
 * A streaming CSV parser (RFC 4180 and the looser files spreadsheets write), fed text chunk by chunk.
 * - delimiter: ',', ';', tab or '|', detected from the first lines (the one a line holds most of outside quotes;
 *   ',' on a tie);
 * - fields in double quotes may hold delimiters, line breaks and doubled quotes ("");
 * - a quote inside an unquoted field, or text after a closing quote, is kept literally (lenient, never fatal);
 * - CRLF, LF and lone CR end a physical line; blank records (no text in any field) are skipped and counted;
 * - each record carries the physical line on which it starts (1-based) and how many lines it spans.
 * Values are never trimmed or converted here.
 *
 * A quote that is never closed must not swallow the rest of the file. A quoted value may run over several lines
 * (an address with line breaks), but only so far: the record is given up as `unclosed_quote` when
 * - a following line, read on its own, looks like a record of its own (the header's number of fields — at least
 *   two while the header is not known —, all its quotes balanced), or
 * - it would span more than MAX_RECORD_LINES lines or MAX_LINE_CHARS characters, or the text ends, or
 * - once closed, it does not have the header's number of fields (the quote ran over the line it belonged to).
 * The record's first line is then reported (a `problem` record) and parsing starts again at the line after it,
 * so every later line is read as it would have been without the stray quote. A physical line longer than
 * MAX_LINE_CHARS is reported as `line_too_long` without being held in memory. Every physical line therefore ends
 * up in exactly one of: a record (valid or not, `lines` of them), a problem record (one line), or `blankLines`.
 */

import { isBlankCell } from './blank-cell';
import type { Delimiter } from './csv-sniff';

/** Most physical lines one record (a quoted value with line breaks) may span. */
export const MAX_RECORD_LINES = 100;
/** Longest physical line, and longest record, in characters. */
export const MAX_LINE_CHARS = 1 << 20;

export type CsvProblem = 'unclosed_quote' | 'line_too_long';

export interface CsvRecord {
  /** The fields; empty for a problem record. */
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** Physical lines the record spans (1 unless a quoted value holds line breaks; 1 for a problem record). */
  lines: number;
  /** Set when the line could not be read as a record: it is reported, not loaded. */
  problem?: CsvProblem;
  /** For a problem record: the start of its line (at most EXCERPT_CHARS characters). */
  excerpt?: string;
}

const EXCERPT_CHARS = 40;

const QUOTE = 34;

/** A record being read: the fields so far and whether a quoted value is open. */
interface FieldState {
  fields: string[];
  field: string;
  inQuotes: boolean;
  fieldStart: boolean;
}

const freshState = (): FieldState => ({ fields: [], field: '', inQuotes: false, fieldStart: true });

/** Reads one physical line (without its line break) into `st`. */
function scanLine(st: FieldState, s: string, delim: string): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (st.inQuotes) {
      const j = s.indexOf('"', i);
      if (j === -1) {
        st.field += s.slice(i);
        return;
      }
      st.field += s.slice(i, j);
      if (s.charCodeAt(j + 1) === QUOTE) {
        st.field += '"';
        i = j + 2;
      } else {
        st.inQuotes = false;
        i = j + 1;
      }
      continue;
    }
    if (st.fieldStart && s.charCodeAt(i) === QUOTE) {
      st.inQuotes = true;
      st.fieldStart = false;
      i++;
      continue;
    }
    const j = s.indexOf(delim, i);
    const end = j === -1 ? n : j;
    if (end > i) {
      st.field += s.slice(i, end);
      st.fieldStart = false;
    }
    if (j === -1) return;
    st.fields.push(st.field);
    st.field = '';
    st.fieldStart = true;
    i = j + 1;
  }
}

function countQuotes(s: string): number {
  let count = 0;
  for (let k = s.indexOf('"'); k !== -1; k = s.indexOf('"', k + 1)) count++;
  return count;
}

interface PhysicalLine {
  text: string;
  /** The line break that ended it ('' at the end of the text). */
  brk: string;
  line: number;
}

export class CsvParser {
  private readonly delim: string;
  /** Text of the current physical line not yet ended (may end with a CR whose LF may follow). */
  private partial = '';
  /** The current physical line is longer than MAX_LINE_CHARS: its text is dropped up to its line break. */
  private overlong = false;
  /** An overlong line ended with a CR at the end of a chunk: a LF at the start of the next belongs to it. */
  private skipLf = false;
  private lineNo = 0;
  /** A record whose quoted value is still open at the end of its lines so far. */
  private open: { st: FieldState; lines: PhysicalLine[]; chars: number } | null = null;
  private width: number | null = null;
  private readonly out: CsvRecord[] = [];
  /** Physical lines read so far. */
  physicalLines = 0;
  /** Physical lines that held no text (blank, only spaces or only delimiters). */
  blankLines = 0;

  constructor(delimiter: Delimiter) {
    this.delim = delimiter;
  }

  /** The header's number of fields: from now on a record-like line has exactly this many. */
  setWidth(width: number): void {
    this.width = width;
  }

  /** Parses `text` and returns the records completed in it. */
  feed(text: string): CsvRecord[] {
    let s = text;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (s.charCodeAt(0) === 10) i = 1;
    }
    if (this.overlong) {
      const j = nextBreak(s, i);
      if (j === -1) return this.drain();
      this.endOverlong();
      if (s.charCodeAt(j) === 13 && j + 1 === s.length) {
        this.skipLf = true;
        return this.drain();
      }
      i = skipBreak(s, j);
    } else if (this.partial !== '') {
      s = this.partial + s.slice(i);
      i = 0;
      this.partial = '';
    }
    this.split(s, i, false);
    return this.drain();
  }

  /** Ends the input: the last line, and any record still open, are settled. */
  end(): CsvRecord[] {
    if (this.overlong) {
      this.endOverlong();
    } else if (this.partial !== '') {
      const s = this.partial;
      this.partial = '';
      this.split(s, 0, true);
    }
    if (this.open) this.giveUp([]);
    return this.drain();
  }

  /** Splits `s` from `from` into physical lines; what follows the last line break is kept for later. */
  private split(s: string, from: number, final: boolean): void {
    let i = from;
    const n = s.length;
    const breaks = new BreakFinder(s);
    while (i < n) {
      const j = breaks.next(i);
      if (j === -1) {
        if (final) {
          this.physical(s.slice(i), '');
        } else if (n - i > MAX_LINE_CHARS) {
          this.overlong = true;
        } else {
          this.partial = s.slice(i);
        }
        return;
      }
      if (s.charCodeAt(j) === 13 && j + 1 === n && !final) {
        // A CR at the end of the chunk: a LF may follow in the next one.
        if (j - i > MAX_LINE_CHARS) {
          this.physical(null, '\r');
          this.skipLf = true;
        } else {
          this.partial = s.slice(i);
        }
        return;
      }
      const next = skipBreak(s, j);
      if (j - i > MAX_LINE_CHARS) this.physical(null, s.slice(j, next));
      else this.physical(s.slice(i, j), s.slice(j, next));
      i = next;
    }
  }

  private endOverlong(): void {
    this.overlong = false;
    this.physical(null, '');
  }

  /** One physical line; `text` null = longer than MAX_LINE_CHARS. */
  private physical(text: string | null, brk: string): void {
    this.physicalLines++;
    const line = ++this.lineNo;
    if (text === null) {
      if (this.open) this.giveUp([]);
      this.out.push({ fields: [], line, lines: 1, problem: 'line_too_long', excerpt: '' });
      return;
    }
    if (this.open === null) {
      // The common case, without the queue: a line that starts a record.
      const st = freshState();
      scanLine(st, text, this.delim);
      if (st.inQuotes) this.open = { st, lines: [{ text, brk, line }], chars: text.length };
      else this.completeLine(st, line);
      return;
    }
    this.process([{ text, brk, line }]);
  }

  /** A record on one line. */
  private completeLine(st: FieldState, line: number): void {
    const fields = st.fields;
    fields.push(st.field);
    if (fields.every(isBlankCell)) this.blankLines++;
    else this.out.push({ fields, line, lines: 1 });
  }

  /** Reads lines, in order, into records (lines given back by a resynchronisation are read again). */
  private process(queue: PhysicalLine[]): void {
    for (let k = 0; k < queue.length; k++) {
      const pl = queue[k] as PhysicalLine;
      const open = this.open;
      if (open) {
        if (
          this.looksLikeRecord(pl.text) ||
          open.lines.length >= MAX_RECORD_LINES ||
          open.chars + pl.text.length > MAX_LINE_CHARS
        ) {
          queue.splice(k + 1, 0, ...this.giveBack([pl]));
          continue;
        }
        open.st.field += open.lines[open.lines.length - 1]?.brk ?? '\n';
        scanLine(open.st, pl.text, this.delim);
        open.lines.push(pl);
        open.chars += pl.text.length;
        if (!open.st.inQuotes) {
          this.open = null;
          queue.splice(k + 1, 0, ...this.complete(open.st, open.lines));
        }
        continue;
      }
      const st = freshState();
      scanLine(st, pl.text, this.delim);
      if (st.inQuotes) this.open = { st, lines: [pl], chars: pl.text.length };
      else this.complete(st, [pl]);
    }
  }

  /** A finished record: emitted, or given up (its later lines returned to be read again). */
  private complete(st: FieldState, lines: PhysicalLine[]): PhysicalLine[] {
    const fields = st.fields;
    fields.push(st.field);
    const first = lines[0] as PhysicalLine;
    if (lines.length > 1 && this.width !== null && fields.length !== this.width) {
      this.out.push(unclosed(first));
      return lines.slice(1);
    }
    if (fields.every(isBlankCell)) this.blankLines += lines.length;
    else this.out.push({ fields, line: first.line, lines: lines.length });
    return [];
  }

  /** The open record's first line is reported; its other lines (and `more`) are to be read again. */
  private giveBack(more: PhysicalLine[]): PhysicalLine[] {
    const open = this.open;
    this.open = null;
    if (!open) return more;
    const first = open.lines[0] as PhysicalLine;
    this.out.push(unclosed(first));
    return [...open.lines.slice(1), ...more];
  }

  /** Gives up the open record and reads its other lines again at once (end of text or an overlong line). */
  private giveUp(more: PhysicalLine[]): void {
    let queue = this.giveBack(more);
    // Lines read again may open a quote once more; at the end of the text it can never close.
    while (queue.length > 0) {
      this.process(queue);
      queue = this.giveBack([]);
    }
  }

  /** A line that, read on its own, is a whole record: a quote open above it cannot be meant to include it. */
  private looksLikeRecord(text: string): boolean {
    if (countQuotes(text) % 2 !== 0) return false;
    const st = freshState();
    scanLine(st, text, this.delim);
    if (st.inQuotes) return false;
    const fields = st.fields.length + 1;
    return this.width === null ? fields >= 2 : fields === this.width;
  }

  private drain(): CsvRecord[] {
    return this.out.splice(0, this.out.length);
  }
}

const unclosed = (pl: PhysicalLine): CsvRecord => ({
  fields: [],
  line: pl.line,
  lines: 1,
  problem: 'unclosed_quote',
  excerpt: pl.text.slice(0, EXCERPT_CHARS),
});

/**
 * Finds line breaks in one string. indexOf for CR and for LF separately, each remembered until passed: a file
 * with LF only would otherwise scan to its end for a CR on every line.
 */
class BreakFinder {
  private cr = -2;
  private lf = -2;

  constructor(private readonly s: string) {}

  /** Index of the next CR or LF at or after `from`, or -1. */
  next(from: number): number {
    if (this.cr !== -1 && this.cr < from) this.cr = this.s.indexOf('\r', from);
    if (this.lf !== -1 && this.lf < from) this.lf = this.s.indexOf('\n', from);
    if (this.cr === -1) return this.lf;
    if (this.lf === -1) return this.cr;
    return Math.min(this.cr, this.lf);
  }
}

/** Index of the next CR or LF at or after `from`, or -1 (one search). */
const nextBreak = (s: string, from: number): number => new BreakFinder(s).next(from);

/** The index after the line break at `j` (CRLF counts as one). */
function skipBreak(s: string, j: number): number {
  return s.charCodeAt(j) === 13 && s.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
}
