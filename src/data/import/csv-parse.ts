/**
 * A streaming CSV parser (RFC 4180 and the looser files spreadsheets write), fed text chunk by chunk.
 * - delimiter: ',', ';', tab or '|', detected from the first lines (the one a line holds most of outside quotes;
 *   ',' on a tie);
 * - fields in double quotes may hold delimiters, line breaks and doubled quotes ("");
 * - a quote inside an unquoted field, or text after a closing quote, is kept literally (lenient, never fatal);
 * - CRLF, LF and lone CR end a record; blank records (no text in any field) are skipped;
 * - each record carries the physical line on which it starts (1-based), so a report can point at it.
 * Values are never trimmed or converted here.
 */

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

/**
 * The delimiter of a file from its first lines (a title line above the header may have none): the candidate
 * that some line holds most often outside quotes; ',' on a tie.
 */
export function detectDelimiter(lines: string | readonly string[]): Delimiter {
  const most = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  for (const line of typeof lines === 'string' ? [lines] : lines) {
    const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
    let inQuotes = false;
    for (const ch of line) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && counts.has(ch as Delimiter)) {
        counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
      }
    }
    for (const d of DELIMITERS) most.set(d, Math.max(most.get(d) ?? 0, counts.get(d) ?? 0));
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((most.get(d) ?? 0) > (most.get(best) ?? 0)) best = d;
  return best;
}

/** The first `n` whole lines of `text` (line breaks inside quotes belong to the line); fewer when it ends first. */
export function leadingLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let from = 0;
  for (let i = 0; i < text.length && lines.length < n; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      lines.push(text.slice(from, i));
      if (ch === '\r' && text[i + 1] === '\n') i++;
      from = i + 1;
    }
  }
  return lines;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  private readonly delim: number;
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** Just saw a quote while in quotes: the next character decides (another quote = literal quote). */
  private quotePending = false;
  /** The last chunk ended with CR: a leading LF in the next chunk belongs to it. */
  private crPending = false;
  /** No character of the current field seen yet (a quote here opens a quoted field). */
  private fieldStart = true;
  private line = 1;
  private recordLine = 1;
  private recordHasText = false;
  private readonly out: CsvRecord[] = [];

  constructor(delimiter: Delimiter) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Parses `text` and returns the records completed in it. */
  feed(text: string): CsvRecord[] {
    const s = text;
    const n = s.length;
    let i = 0;
    if (this.crPending) {
      this.crPending = false;
      if (n > 0 && s.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.quotePending) {
        this.quotePending = false;
        if (s.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        const j = s.indexOf('"', i);
        const end = j === -1 ? n : j;
        const part = s.slice(i, end);
        this.field += part;
        this.line += countLf(part);
        if (j === -1) return this.drain();
        this.quotePending = true;
        i = j + 1;
        continue;
      }
      // Unquoted: scan to the next delimiter or line break.
      let j = i;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === this.delim || c === LF || c === CR) break;
        if (c === QUOTE && this.fieldStart && j === i && this.field === '') break;
        j++;
      }
      if (j > i) {
        this.field += s.slice(i, j);
        this.fieldStart = false;
        this.recordHasText = true;
      }
      if (j >= n) return this.drain();
      const c = s.charCodeAt(j);
      if (c === QUOTE) {
        this.inQuotes = true;
        this.fieldStart = false;
        this.recordHasText = true;
        i = j + 1;
      } else if (c === this.delim) {
        this.endField();
        i = j + 1;
      } else {
        // Line break: CRLF, LF or lone CR.
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        if (c === CR) {
          if (j + 1 < n) {
            i = s.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
          } else {
            this.crPending = true;
            i = j + 1;
          }
        } else {
          i = j + 1;
        }
      }
    }
    return this.drain();
  }

  /** Ends the input: returns the last record when the text did not end with a line break. */
  end(): CsvRecord[] {
    if (this.quotePending) this.quotePending = false;
    this.inQuotes = false;
    this.endRecord();
    return this.drain();
  }

  private endField(): void {
    this.fields.push(this.field);
    if (this.field !== '') this.recordHasText = true;
    this.field = '';
    this.fieldStart = true;
  }

  private endRecord(): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    if (this.recordHasText && fields.some((f) => f.trim() !== '')) {
      this.out.push({ fields, line: this.recordLine });
    }
    this.recordHasText = false;
  }

  private drain(): CsvRecord[] {
    return this.out.splice(0, this.out.length);
  }
}

function countLf(text: string): number {
  let count = 0;
  let k = text.indexOf('\n');
  while (k !== -1) {
    count++;
    k = text.indexOf('\n', k + 1);
  }
  return count;
}
