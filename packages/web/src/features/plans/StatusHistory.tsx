import type { PlanItem, StatusCategory } from '@rusfag/core';
import { formatDateTime, formatDay, isoDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { DataTable, NotLoaded } from '../../app/page';
import { useApiData } from '../../app/useApi';
import type { StatusHistoryResponse } from './model';

const TAG: Record<StatusCategory | 'none', string> = {
  done: 'pkt-tag--green',
  in_progress: 'pkt-tag--blue-light',
  not_started: 'pkt-tag--yellow',
  dropped: 'pkt-tag--gray',
  none: 'pkt-tag--gray',
};

/** A measure's status as its word in a tag; the colour only repeats the category. */
export function StatusWord({ status }: { status: { label: string; category: StatusCategory } | PlanItem['status'] | null }) {
  const { t } = useI18n();
  if (!status) {
    return <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${TAG.none} rf-status-word rf-status-word--none`}>{t('plans.category.none')}</span>;
  }
  return (
    <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${TAG[status.category]} rf-status-word rf-status-word--${status.category}`}>
      {status.label}
    </span>
  );
}

/** Every status reported on a measure, newest first, with who reported it. */
export function StatusHistoryPanel({ planId, itemId, name }: { planId: string; itemId: string; name: string }) {
  const { t } = useI18n();
  const history = useApiData<StatusHistoryResponse>(`/api/plans/${planId}/items/${itemId}/statuses`);
  if (!history.data) return <NotLoaded loading={history.loading} error={history.error} onRetry={history.reload} />;
  const updates = [...history.data.updates].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || b.createdAt.localeCompare(a.createdAt));
  if (updates.length === 0) return <p className="rf-history-empty">{t('plans.history.none')}</p>;
  return (
    <div className="rf-history">
      <DataTable caption={t('plans.history.for', { name })}>
        <thead>
          <tr>
            <th scope="col">{t('plans.history.reportedOn')}</th>
            <th scope="col">{t('plans.history.status')}</th>
            <th scope="col">{t('plans.history.remark')}</th>
            <th scope="col">{t('plans.history.author')}</th>
            <th scope="col">{t('plans.history.registered')}</th>
          </tr>
        </thead>
        <tbody>
          {updates.map((update) => (
            <tr key={update.id}>
              <td className="rf-nowrap">{formatDay(update.reportedOn)}</td>
              <td>
                <StatusWord status={update} />
              </td>
              <td className="rf-prewrap">{update.remark || <span className="rf-muted">–</span>}</td>
              <td>{update.authorName ?? <span className="rf-muted">{t('plans.history.unknownAuthor')}</span>}</td>
              <td className="rf-nowrap">
                <time dateTime={isoDateTime(update.createdAt)}>{formatDateTime(update.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
