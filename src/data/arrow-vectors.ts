/**
 * Arrow vectors written straight into Arrow buffers from plain values. apache-arrow's builders (vectorFromArray)
 * compile their null check with `new Function`, which the app's Content Security Policy forbids — in the
 * browser they fail; these never do.
 */
import { DateDay, Float64, Int32, makeData, makeVector, type Vector } from 'apache-arrow';
import { utf8Vector } from './import/staging';
import type { ColumnSpec } from './schema';

const DAY_MS = 86_400_000;

/** Validity bitmap (bit set = value present), or undefined when nothing is null. */
function validity(values: readonly unknown[]): { bitmap: Uint8Array | undefined; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return { bitmap: nulls > 0 ? bitmap : undefined, nulls };
}

/** An Arrow vector of canonical type `type` from plain values. */
export function canonicalVector(type: ColumnSpec['type'], values: readonly unknown[]): Vector {
  const { bitmap, nulls } = validity(values);
  const length = values.length;
  const base = { length, nullCount: nulls, nullBitmap: bitmap };
  if (type === 'text')
    return utf8Vector(values.map((v) => (v === null || v === undefined ? null : String(v))));
  if (type === 'double') {
    const data = Float64Array.from(values, (v) => (v === null || v === undefined ? 0 : Number(v)));
    return makeVector(makeData({ ...base, type: new Float64(), data }));
  }
  if (type === 'date') {
    const data = Int32Array.from(values, (v) =>
      v === null || v === undefined ? 0 : Math.round(Number(v) / DAY_MS),
    );
    return makeVector(makeData({ ...base, type: new DateDay(), data }));
  }
  const data = Int32Array.from(values, (v) => (v === null || v === undefined ? 0 : Number(v)));
  return makeVector(makeData({ ...base, type: new Int32(), data }));
}
