import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { StaffServiceSummary } from '@rusfag/core';
import { serverClockOffset } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDay, todayInOslo } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError, Loading } from '../../app/page';
import { useApiData } from '../../app/useApi';
import {
  DIRECTORY_PATH,
  NEW_SERVICE_PATH,
  monthsBetween,
  publicationLabel,
  publicationOf,
  publicationTag,
  queuePath,
  servicePath,
  type ServiceListResponse,
} from './model';

type Level = 2 | 3;

/** How many of the queue the start page lists; the rest are behind the link to the queue. */
const SHOWN = 5;

function Heading({ level, id, children }: { level: Level; id: string; children: ReactNode }) {
  const Tag = `h${level}` as 'h2' | 'h3';
  return (
    <Tag className={level === 2 ? 'rf-h2' : 'rf-h3'} id={id}>
      {children}
    </Tag>
  );
}

/**
 * The directory editor's start page (ux.md): services to verify (the freshness queue), and drafts
 * and unpublished changes waiting to be published, each linking to the service.
 */
export function DirectoryEditorStart({ level }: { level: Level }) {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const queue = useApiData<ServiceListResponse>('/api/directory/services?needsVerification=true');
  const all = useApiData<ServiceListResponse>('/api/directory/services');
  const today = todayInOslo(serverClockOffset());
  const waiting = all.data?.services.filter((service) => publicationOf(service) !== 'published') ?? null;

  const why = (service: StaffServiceSummary) =>
    service.lastVerifiedOn
      ? t('directory.start.lastVerified', { date: formatDay(service.lastVerifiedOn), months: tp('directory.list.monthsAgo', monthsBetween(service.lastVerifiedOn, today)) })
      : t('directory.start.neverVerified');

  return (
    <>
      <section aria-labelledby="start-directory-queue" className="rf-empty">
        <Heading level={level} id="start-directory-queue">
          {t('directory.start.queueTitle')}
        </Heading>
        {queue.loading && !queue.data && <Loading />}
        {queue.error && <LoadError message={queue.error.message} onRetry={queue.reload} />}
        {queue.data && queue.data.services.length === 0 && <p>{t('directory.start.queueNone')}</p>}
        {queue.data && queue.data.services.length > 0 && (
          <>
            <p>{tp('directory.start.queueCount', queue.data.services.length)}</p>
            <ul className="rf-link-list rf-link-list--stacked">
              {queue.data.services.slice(0, SHOWN).map((service) => (
                <li key={service.id}>
                  <Link to={servicePath(service.id)}>{service.name}</Link>
                  <span className="rf-muted"> – {why(service)}</span>
                  {service.stale && service.publicationState === 'published' && (
                    <>
                      {' '}
                      <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--red">{t('directory.freshness.stale')}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <p>
              <Link to={queuePath} className="pkt-btn pkt-btn--secondary pkt-btn--small">
                <span className="pkt-btn__text">{tp('directory.start.toQueue', queue.data.services.length)}</span>
              </Link>
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="start-directory-drafts" className="rf-empty">
        <Heading level={level} id="start-directory-drafts">
          {t('directory.start.draftsTitle')}
        </Heading>
        {all.loading && !all.data && <Loading />}
        {all.error && <LoadError message={all.error.message} onRetry={all.reload} />}
        {waiting && waiting.length === 0 && <p>{t('directory.start.draftsNone')}</p>}
        {waiting && waiting.length > 0 && (
          <>
            <p>{tp('directory.start.draftsCount', waiting.length)}</p>
            <ul className="rf-link-list rf-link-list--stacked">
              {waiting.map((service) => {
                const publication = publicationOf(service);
                return (
                  <li key={service.id}>
                    <Link to={servicePath(service.id)}>{service.name}</Link>{' '}
                    <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${publicationTag(publication)}`}>{publicationLabel(t, publication)}</span>
                    <span className="rf-muted"> – {service.organizationName}</span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <ul className="rf-link-list" aria-label={t('directory.start.shortcuts')}>
          <li>
            <Link to={DIRECTORY_PATH}>{t('directory.start.toDirectory')}</Link>
          </li>
          {can('directory.edit') && (
            <li>
              <Link to={NEW_SERVICE_PATH}>{t('directory.list.new')}</Link>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
