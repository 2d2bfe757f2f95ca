/** What a CSV file's first lines say about it: its delimiter, and those lines themselves. */

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

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
