import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from './api';
import { LoadError, Loading, Section } from './page';
import { currentPage } from './Pagination';
import type { Loaded } from './useApi';

/**
 * A list page's filters live in the URL, like its page and sort order, so a search can be shared,
 * reloaded and gone back to. `applied` is what the URL says; `form` is what is being typed, and
 * follows the URL when it changes (back, forward, a reset link). `read` must be a module-level
 * function: the form is reset when the URL changes, not when `read` does.
 */
export function useUrlFilters<F>(read: (params: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const [form, setForm] = useState<F>(() => read(params));

  useEffect(() => {
    setForm(read(new URLSearchParams(query)));
  }, [query]);

  return { params, setParams, query, applied: read(params), page: currentPage(params), form, setForm };
}

/**
 * The results half of a list page: its h2, the count as a polite status (so a new search is heard
 * when it has run), "Laster …" the first time, and a failed load with "Prøv igjen". `loadError`
 * leaves out a failure the page shows elsewhere.
 */
export function ResultsSection({
  headingId,
  title,
  result,
  count,
  loadError = result.error,
  children,
}: {
  headingId: string;
  title: string;
  result: Pick<Loaded<{ total: number }>, 'data' | 'error' | 'loading' | 'reload'>;
  count: (total: number) => string;
  loadError?: ApiError | null;
  children: ReactNode;
}) {
  return (
    <Section headingId={headingId} title={title}>
      <p role="status" className="rf-result-count">
        {result.data && !result.loading ? count(result.data.total) : ''}
      </p>
      {result.loading && !result.data && <Loading />}
      {loadError && <LoadError message={loadError.message} onRetry={result.reload} />}
      {children}
    </Section>
  );
}
