import { useCallback, useState } from 'react';
import type { SortDirection } from './sort-rows';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/**
 * A table's sort: a click on the sorted column flips it, a click on another sorts by it in that column's
 * natural first direction (names A→Z, shares worst first, counts largest first — the caller says which).
 */
export function useSort<K extends string>(
  initial: SortState<K>,
  firstDirection: (key: K) => SortDirection,
): [SortState<K>, (key: K) => void] {
  const [sort, setSort] = useState(initial);
  const toggle = useCallback(
    (key: K) =>
      setSort((s) =>
        s.key === key
          ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
          : { key, direction: firstDirection(key) },
      ),
    [firstDirection],
  );
  return [sort, toggle];
}

interface SortableHeadProps<K extends string> {
  columns: readonly K[];
  sort: SortState<K>;
  onSort: (key: K) => void;
  label: (key: K) => string;
  /** Text columns are left-aligned. */
  isText: (key: K) => boolean;
  /** Each header's test id is `${testIdPrefix}${key}`. */
  testIdPrefix: string;
}

/** A header row whose cells sort the table (aria-sort says how; ▲/▼ shows it). */
export function SortableHead<K extends string>(props: SortableHeadProps<K>) {
  const { columns, sort, onSort, label, isText, testIdPrefix } = props;
  return (
    <thead>
      <tr>
        {columns.map((key) => (
          <th
            key={key}
            className={isText(key) ? 'text' : ''}
            data-testid={`${testIdPrefix}${key}`}
            aria-sort={sort.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            onClick={() => onSort(key)}
          >
            {label(key)}
            {sort.key === key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </th>
        ))}
      </tr>
    </thead>
  );
}
