import type { AuditEvent, AuditOutcome } from '@rusfag/core';
import { formatDateTimeSeconds, isoDateTime } from '../../app/format';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { DataTable } from '../../app/page';

const OUTCOME_KEY: Record<AuditOutcome, MessageKey> = {
  success: 'audit.outcome.success',
  failure: 'audit.outcome.failure',
  denied: 'audit.outcome.denied',
};

export function outcomeLabel(t: Translate, outcome: AuditOutcome): string {
  return t(OUTCOME_KEY[outcome]);
}

type Lookup = (key: string) => string | null;

/** A readable name for known actions; the code itself is always shown too, for precision. */
export function actionLabel(lookup: Lookup, action: string): string | null {
  return lookup(`audit.action.${action}`);
}

export function resourceTypeLabel(lookup: Lookup, type: string): string {
  return lookup(`audit.resource.${type}`) ?? type;
}

/** Outcome as a word with a shape, never by colour alone. */
export function Outcome({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useI18n();
  return (
    <span className={`rf-outcome rf-outcome--${outcome}`}>
      <Icon name={outcome === 'success' ? 'alert-success' : outcome === 'denied' ? 'lock-locked' : 'alert-error'} className="rf-outcome__icon" />
      {outcomeLabel(t, outcome)}
    </span>
  );
}

function Details({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const extra = {
    ...(event.clientId ? { clientId: event.clientId } : {}),
    ...(event.basis ? { basis: event.basis } : {}),
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.requestId ? { requestId: event.requestId } : {}),
    ...(event.details ?? {}),
  };
  if (Object.keys(extra).length === 0) return <span className="rf-muted">–</span>;
  return (
    <details className="rf-details">
      <summary>
        {t('audit.table.showDetails')}
        <span className="pkt-sr-only"> {t('audit.table.forEvent', { id: event.id })}</span>
      </summary>
      <pre className="rf-pre">{JSON.stringify(extra, null, 2)}</pre>
    </details>
  );
}

export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  const { t, lookup } = useI18n();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('audit.table.time')}</th>
          <th scope="col">{t('audit.table.actor')}</th>
          <th scope="col">{t('audit.table.action')}</th>
          <th scope="col">{t('audit.table.resource')}</th>
          <th scope="col">{t('audit.table.outcome')}</th>
          <th scope="col">{t('audit.table.ip')}</th>
          <th scope="col">{t('audit.table.details')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const label = actionLabel(lookup, event.action);
          return (
            <tr key={event.id}>
              <td className="rf-nowrap">
                <time dateTime={isoDateTime(event.occurredAt)}>{formatDateTimeSeconds(event.occurredAt)}</time>
              </td>
              <td>
                {event.actorUsername ?? (
                  <span className="rf-muted">
                    {typeof event.details?.username === 'string'
                      ? t('audit.table.attempted', { username: event.details.username })
                      : t('audit.table.noActor')}
                  </span>
                )}
              </td>
              <td>
                {label && <span className="rf-block">{label}</span>}
                <code className="rf-code">{event.action}</code>
              </td>
              <td>
                {event.resourceType ? (
                  <>
                    <span className="rf-block">{resourceTypeLabel(lookup, event.resourceType)}</span>
                    {event.resourceId && <code className="rf-code rf-break">{event.resourceId}</code>}
                  </>
                ) : (
                  <span className="rf-muted">–</span>
                )}
              </td>
              <td>
                <Outcome outcome={event.outcome} />
              </td>
              <td className="rf-nowrap">{event.ip ?? <span className="rf-muted">–</span>}</td>
              <td>
                <Details event={event} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
