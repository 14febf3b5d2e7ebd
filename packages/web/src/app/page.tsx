import { useEffect, type ReactNode } from 'react';
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
    <div className="pkt-alert pkt-alert--error rf-notice">
      <div className="pkt-alert__grid pkt-alert__noTitle pkt-alert__noDate">
        <Icon name="alert-error" className="pkt-alert__icon" />
        <div className="pkt-alert__text">
          <p>{message}</p>
          {onRetry && (
            <button type="button" className="pkt-link-button rf-link-button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
