import { useSearchParams } from 'react-router-dom';

/** Sorting lives in the URL (?sortering=navn or ?sortering=-navn), like the filters. */
const SORT_PARAM = 'sortering';

export interface Sort<K extends string> {
  key: K;
  descending: boolean;
  toggle: (key: K) => void;
}

export function useSort<K extends string>(keys: readonly K[], fallback: K): Sort<K> {
  const [params, setParams] = useSearchParams();
  const raw = params.get(SORT_PARAM) ?? '';
  const descending = raw.startsWith('-');
  const name = descending ? raw.slice(1) : raw;
  const key = (keys as readonly string[]).includes(name) ? (name as K) : fallback;
  const toggle = (next: K) => {
    const updated = new URLSearchParams(params);
    updated.set(SORT_PARAM, next === key && !descending ? `-${next}` : next);
    setParams(updated, { replace: true });
  };
  return { key, descending: key === name && descending, toggle };
}

export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  // Empty values last, whatever the direction is for the others.
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a.localeCompare(b, 'nb', { sensitivity: 'base', numeric: true });
}

export function sortBy<T>(rows: readonly T[], compare: (a: T, b: T) => number, descending: boolean): T[] {
  return [...rows].sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
}

/** A column header that sorts: a real button, and aria-sort on the sorted column. */
export function SortHeader<K extends string>({ label, sortKey, sort }: { label: string; sortKey: K; sort: Sort<K> }) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="rf-sort-button" onClick={() => sort.toggle(sortKey)}>
        {label}
        <span className="rf-sort-button__mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
