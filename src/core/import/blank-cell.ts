/**
 * What JavaScript's `trim` removes (ECMA-262 WhiteSpace and LineTerminator): a cell of nothing else holds no
 * text. The CSV reader skips a line of such cells (csv-parse.ts), and the staging writer a record of them in
 * every other format (staging.ts, which also says it in SQL).
 */
export const WHITE_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** A cell with no text: missing, empty, or white space only. */
export const isBlankCell = (cell: string | null | undefined): boolean => cell == null || cell.trim() === '';
