import { useEffect, type ReactNode, type Ref } from 'react';
import { useI18n } from './i18n';
import { Icon } from './Icon';

/** Focus to the page's h1 (or main): after navigation, and after a step that replaces the page. */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('[data-page-heading]');
  (heading ?? document.getElementById('main'))?.focus();
}

/** Sets the browser tab's title: "<page> – Rusfag". */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
}

/**
 * A page: its one h1 and the document title. The h1 takes focus after navigation (see Shell),
 * so screen reader users hear where they landed.
 */
export function Page({ title, lead, children, actions }: { title: string; lead?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="rf-page">
      <div className="rf-page__head">
        <h1 className="rf-h1" tabIndex={-1} data-page-heading>
          {title}
        </h1>
        {actions && <div className="rf-page__actions">{actions}</div>}
      </div>
      {lead && <div className="rf-lead">{lead}</div>}
      {children}
    </div>
  );
}

/**
 * A part of a page, named by its h2 (aria-labelledby), so screen readers list it as a region.
 * `headingRef` makes the heading focusable from script: where focus goes when a form in the
 * section closes.
 */
export function Section({
  headingId,
  title,
  className = 'rf-section',
  headingRef,
  children,
}: {
  headingId: string;
  title: ReactNode;
  className?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId} className="rf-h2" tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What goes here, and why it is empty: never fake data. */
export function EmptyState({ title, children, headingLevel = 3 }: { title: string; children?: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="rf-empty">
      <Heading className="rf-empty__title">{title}</Heading>
      {children}
    </div>
  );
}

/** "Laster …" as a polite status, so the wait is heard as well as seen. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" className="rf-loading">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed load, with a way to try again. */
export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <AlertBox kind="error" className="rf-notice">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="pkt-link-button rf-link-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </AlertBox>
  );
}

/** In place of data that is not here: "Laster …" while it is on its way, else the failure and "Prøv igjen". */
export function NotLoaded({ loading, error, onRetry }: { loading: boolean; error: { message: string } | null; onRetry: () => void }) {
  const { t } = useI18n();
  return loading ? <Loading /> : <LoadError message={error?.message ?? t('error.unexpected')} onRetry={onRetry} />;
}

/** Punkt's alert box without title or date; the icon tells its kind as well as the colour does. */
export function AlertBox({ kind, className, children }: { kind: 'error' | 'success'; className: string; children: ReactNode }) {
  return (
    <div className={`pkt-alert pkt-alert--${kind} ${className}`}>
      <div className="pkt-alert__grid pkt-alert__noTitle pkt-alert__noDate">
        <Icon name={`alert-${kind}`} className="pkt-alert__icon" />
        <div className="pkt-alert__text">{children}</div>
      </div>
    </div>
  );
}

/** A table of records: scrolls sideways on a narrow screen; the caption names it for screen readers. */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="rf-table-wrap">
      <table className="pkt-table pkt-table--basic pkt-table--compact rf-table">
        <caption className="pkt-sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
