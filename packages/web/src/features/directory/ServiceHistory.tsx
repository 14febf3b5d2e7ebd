import { useEffect, useRef } from 'react';
import { formatExceptions, formatWeekly, type LocationDetail, type OpeningHours, type OrganizationSummary, type ServiceStatus } from '@rusfag/core';
import { formatDateTime, isoDateTime } from '../../app/format';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n';
import { DataTable, NotLoaded, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { statusLabel, termName, type ServiceChange, type ServiceHistoryResponse, type Vocabulary } from './model';
import { fieldLabels } from './ServiceForm';

/**
 * "Historikk": every change to the service, newest first: who, when, what they did, and for edits
 * each field that changed, from → to, in words (names of terms and districts, hours as they read).
 */

const ACTION_KEYS: Record<string, MessageKey> = {
  create: 'directory.history.action.create',
  update: 'directory.history.action.update',
  publish: 'directory.history.action.publish',
  unpublish: 'directory.history.action.unpublish',
  verify: 'directory.history.action.verify',
  import: 'directory.history.action.import',
};

interface Names {
  vocabulary: Vocabulary;
  organizations: readonly OrganizationSummary[];
  locations: readonly LocationDetail[];
}

const MAX_TEXT = 160;

function text(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > MAX_TEXT ? `«${trimmed.slice(0, MAX_TEXT)}…»` : `«${trimmed}»`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored value in words; field tells how to read it. */
function describe(field: string, value: unknown, t: Translate, language: 'nb' | 'en', names: Names): string {
  const empty = t('directory.history.empty');
  if (value === null || value === undefined || value === '') return empty;
  const list = (items: string[]) => (items.length === 0 ? empty : items.join(', '));
  const codes = Array.isArray(value) ? value.map(String) : [];
  switch (field) {
    case 'organizationId':
      return names.organizations.find((organization) => organization.id === value)?.name ?? t('directory.history.unknownValue');
    case 'status':
      return statusLabel(t, value as ServiceStatus);
    case 'referralRequired':
    case 'freeOfCharge':
    case 'cityWide':
      return value === true ? t('common.yes') : value === false ? t('common.no') : t('directory.tristate.unknown');
    case 'targetGroups':
      return list(codes.map((code) => {
        const term = names.vocabulary.targetGroups.find((candidate) => candidate.code === code);
        return term ? termName(term, language) : code;
      }));
    case 'categories':
      return list(codes.map((code) => {
        const term = names.vocabulary.categories.find((candidate) => candidate.code === code);
        return term ? termName(term, language) : code;
      }));
    case 'languages':
      return list(codes.map((code) => {
        const entry = names.vocabulary.languages.find((candidate) => candidate.code === code);
        return entry ? termName(entry, language) : code;
      }));
    case 'districtIds':
      return list(codes.map((id) => names.vocabulary.districts.find((district) => district.id === id)?.name ?? t('directory.history.unknownValue')));
    case 'locationIds':
      return list(codes.map((id) => names.locations.find((location) => location.id === id)?.name ?? t('directory.history.otherLocation')));
    case 'phones':
      return list(
        (Array.isArray(value) ? value : []).map((phone) =>
          isRecord(phone) ? [phone.number, phone.description].filter((part) => typeof part === 'string' && part !== '').join(' – ') : '',
        ),
      );
    case 'contacts':
      return list(
        (Array.isArray(value) ? value : []).map((contact) =>
          isRecord(contact) ? [contact.name, contact.title, contact.email, contact.phone].filter((part) => typeof part === 'string' && part !== '').join(', ') : '',
        ),
      );
    case 'hours': {
      if (!isRecord(value)) return empty;
      const hours = value as unknown as OpeningHours;
      const lines = [...formatWeekly(hours, language), ...formatExceptions(Array.isArray(hours.exceptions) ? hours.exceptions : [], language)];
      return list(lines);
    }
    default:
      if (typeof value === 'string') return text(value);
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return JSON.stringify(value);
  }
}

export function ServiceHistorySection({ serviceId, version, names }: { serviceId: string; version: string; names: Names }) {
  const { t } = useI18n();
  // `version` changes after every save, publish or verification: the history is fetched again.
  const history = useApiData<ServiceHistoryResponse>(`/api/directory/services/${encodeURIComponent(serviceId)}/history`);
  const { reload } = history;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  return (
    <Section headingId="svc-history-heading" title={t('directory.history.heading')}>
      {!history.data && <NotLoaded loading={history.loading} error={history.error} onRetry={history.reload} />}
      {history.data && history.data.changes.length === 0 && <p>{t('directory.history.none')}</p>}
      {history.data && history.data.changes.length > 0 && <HistoryTable changes={history.data.changes} names={names} />}
    </Section>
  );
}

function HistoryTable({ changes, names }: { changes: ServiceChange[]; names: Names }) {
  const { t, language, lookup } = useI18n();
  const labels = fieldLabels(t);
  return (
    <DataTable caption={t('directory.history.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('directory.history.when')}</th>
          <th scope="col">{t('directory.history.who')}</th>
          <th scope="col">{t('directory.history.what')}</th>
          <th scope="col">{t('directory.history.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const key = ACTION_KEYS[change.action];
          const fields = change.action === 'update' ? Object.entries(change.changes) : [];
          return (
            <tr key={change.id}>
              <td className="rf-nowrap">
                <time dateTime={isoDateTime(change.changedAt)}>{formatDateTime(change.changedAt)}</time>
              </td>
              <td>{change.actorName || <span className="rf-muted">{t('directory.history.unknownActor')}</span>}</td>
              <td>{key ? t(key) : (lookup(`directory.history.action.${change.action}`) ?? change.action)}</td>
              <td>
                {fields.length === 0 ? (
                  <span className="rf-muted">–</span>
                ) : (
                  <ul className="rf-plain-list rf-history-changes">
                    {fields.map(([field, diff]) => {
                      const from = isRecord(diff) ? diff.from : undefined;
                      const to = isRecord(diff) ? diff.to : diff;
                      return (
                        <li key={field}>
                          <span className="rf-history-field">{labels[field] ?? field}:</span>{' '}
                          <span className="rf-break">{describe(field, from, t, language, names)}</span>
                          <span aria-hidden="true"> → </span>
                          <span className="pkt-sr-only"> {t('directory.history.to')} </span>
                          <span className="rf-break">{describe(field, to, t, language, names)}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
