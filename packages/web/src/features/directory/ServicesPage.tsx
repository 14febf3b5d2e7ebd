import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { StaffServiceSummary } from '@rusfag/core';
import { serverClockOffset, withQuery } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDay, todayInOslo } from '../../app/format';
import { FormActions, SelectField, TextField } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { ResultsSection, useUrlFilters } from '../../app/lists';
import { DataTable, EmptyState, Page } from '../../app/page';
import { Pagination } from '../../app/Pagination';
import { SortHeader, compareText, sortBy, useSort } from '../../app/sorting';
import { useApiData } from '../../app/useApi';
import { TabList, TabPanel } from '../plans/Tabs';
import {
  NEW_SERVICE_PATH,
  ORGANIZATIONS_PATH,
  ORGANIZATION_PARAM,
  QUEUE_TAB,
  TAB_PARAM,
  monthsBetween,
  publicationLabel,
  publicationOf,
  publicationTag,
  servicePath,
  statusLabel,
  type OrganizationListResponse,
  type ServiceListResponse,
} from './model';

/**
 * /tjenesteoversikt: the services the editor keeps, searchable and by organisation, with where
 * each stands (status, draft or published, last verified); the tab "Bør bekreftes" is the
 * freshness queue (not verified for 6 months), oldest first. Filters, tab and sort are in the URL.
 */

const PAGE_SIZE = 50;
const SORT_KEYS = ['navn', 'organisasjon', 'bekreftet'] as const;
type SortKey = (typeof SORT_KEYS)[number];
type Tab = 'alle' | typeof QUEUE_TAB;

interface Filters {
  q: string;
  organizationId: string;
}

function filtersFrom(params: URLSearchParams): Filters {
  return { q: params.get('q') ?? '', organizationId: params.get(ORGANIZATION_PARAM) ?? '' };
}

const COMPARE: Record<SortKey, (a: StaffServiceSummary, b: StaffServiceSummary) => number> = {
  navn: (a, b) => compareText(a.name, b.name),
  organisasjon: (a, b) => compareText(a.organizationName, b.organizationName) || compareText(a.name, b.name),
  // Oldest verification first: never verified on top.
  bekreftet: (a, b) => (a.lastVerifiedOn ?? '').localeCompare(b.lastVerifiedOn ?? '') || compareText(a.name, b.name),
};

export function ServicesPage() {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const { params, setParams, query, applied, page, form, setForm } = useUrlFilters(filtersFrom);
  const tab: Tab = params.get(TAB_PARAM) === QUEUE_TAB ? QUEUE_TAB : 'alle';
  const sort = useSort(SORT_KEYS, tab === QUEUE_TAB ? 'bekreftet' : 'navn');
  const organizations = useApiData<OrganizationListResponse>('/api/directory/organizations');

  const filter = { q: applied.q.trim() || undefined, organizationId: applied.organizationId || undefined };
  const all = useApiData<ServiceListResponse>(withQuery('/api/directory/services', filter));
  const queue = useApiData<ServiceListResponse>(withQuery('/api/directory/services', { ...filter, needsVerification: 'true' }));
  const shown = tab === QUEUE_TAB ? queue : all;
  const result = { ...shown, data: shown.data ? { total: shown.data.services.length } : undefined };
  const sorted = shown.data ? sortBy(shown.data.services, COMPARE[sort.key], sort.descending) : [];
  // The server answers the whole list (it is the editor's own); the page shows it 50 at a time.
  const rows = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const today = todayInOslo(serverClockOffset());
  const canCreate = can('directory.edit');

  const apply = (next: Filters, nextTab: Tab = tab) => {
    const updated = new URLSearchParams();
    if (next.q.trim()) updated.set('q', next.q.trim());
    if (next.organizationId) updated.set(ORGANIZATION_PARAM, next.organizationId);
    if (nextTab === QUEUE_TAB) updated.set(TAB_PARAM, QUEUE_TAB);
    const sorted = params.get('sortering');
    if (sorted && nextTab === tab) updated.set('sortering', sorted);
    setParams(updated);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(form);
  };

  const count = (loaded: typeof all) => (loaded.data ? ` (${loaded.data.services.length})` : '');
  const tabs: { key: Tab; label: string }[] = [
    { key: 'alle', label: `${t('directory.list.tabAll')}${count(all)}` },
    { key: QUEUE_TAB, label: `${t('directory.list.tabQueue')}${count(queue)}` },
  ];

  return (
    <Page
      title={t('directory.title')}
      lead={<p>{t('directory.lead')}</p>}
      actions={
        canCreate ? (
          <Link to={applied.organizationId ? `${NEW_SERVICE_PATH}?${ORGANIZATION_PARAM}=${encodeURIComponent(applied.organizationId)}` : NEW_SERVICE_PATH} className="pkt-btn pkt-btn--primary pkt-btn--icon-left">
            <Icon name="plus-sign" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{t('directory.list.new')}</span>
          </Link>
        ) : null
      }
    >
      <ul className="rf-link-list" aria-label={t('directory.list.shortcuts')}>
        <li>
          <Link to={ORGANIZATIONS_PATH}>{t('directory.organizations.title')}</Link>
        </li>
        <li>
          <a href="/tjenester">{t('directory.list.publicPages')}</a>
        </li>
      </ul>

      <form className="rf-form rf-panel" role="search" aria-label={t('directory.list.filterLabel')} onSubmit={submit} noValidate>
        <div className="rf-filter-grid">
          <TextField
            id="directory-q"
            name="q"
            type="search"
            label={t('directory.list.q')}
            hint={t('directory.list.qHint')}
            value={form.q}
            onChange={(event) => setForm({ ...form, q: event.target.value })}
            autoComplete="off"
          />
          <SelectField
            id="directory-organization"
            label={t('directory.list.organization')}
            value={form.organizationId}
            onChange={(event) => setForm({ ...form, organizationId: event.target.value })}
          >
            <option value="">{t('directory.list.anyOrganization')}</option>
            {organizations.data?.organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
            {/* A filter from a shared link stays readable before the list has loaded. */}
            {!organizations.data && applied.organizationId && <option value={applied.organizationId}>{t('common.loading')}</option>}
          </SelectField>
        </div>
        <FormActions submitLabel={t('directory.list.submit')} submitIcon="magnifying-glass-big">
          {(applied.q || applied.organizationId) && (
            <Link to={tab === QUEUE_TAB ? `?${TAB_PARAM}=${QUEUE_TAB}` : '?'} className="pkt-btn pkt-btn--tertiary">
              <span className="pkt-btn__text">{t('directory.list.reset')}</span>
            </Link>
          )}
        </FormActions>
      </form>

      <TabList idPrefix="directory" label={t('directory.list.tabsLabel')} tabs={tabs} active={tab} onSelect={(next) => apply(applied, next)} />
      <TabPanel idPrefix="directory" tab={tab}>
        {tab === QUEUE_TAB && <p className="rf-lead">{t('directory.list.queueLead')}</p>}
        <ResultsSection
          headingId="directory-results-heading"
          title={tab === QUEUE_TAB ? t('directory.list.queueHeading') : t('directory.list.heading')}
          result={result}
          count={(total) => tp('directory.list.count', total)}
        >
          {shown.data && sorted.length === 0 && (
            <EmptyState title={tab === QUEUE_TAB ? t('directory.list.queueEmpty') : query ? t('directory.list.noMatch') : t('directory.list.empty')}>
              <p>
                {tab === QUEUE_TAB
                  ? t('directory.list.queueEmptyText')
                  : query
                    ? t('directory.list.noMatchText')
                    : canCreate
                      ? t('directory.list.emptyText')
                      : t('directory.list.emptyReader')}
              </p>
            </EmptyState>
          )}
          {rows.length > 0 && (
            <DataTable caption={tab === QUEUE_TAB ? t('directory.list.queueHeading') : t('directory.list.heading')}>
              <thead>
                <tr>
                  <SortHeader label={t('directory.col.name')} sortKey="navn" sort={sort} />
                  <SortHeader label={t('directory.col.organization')} sortKey="organisasjon" sort={sort} />
                  <th scope="col">{t('directory.col.status')}</th>
                  <th scope="col">{t('directory.col.publication')}</th>
                  <SortHeader label={t('directory.col.verified')} sortKey="bekreftet" sort={sort} />
                </tr>
              </thead>
              <tbody>
                {rows.map((service) => {
                  const publication = publicationOf(service);
                  return (
                    <tr key={service.id}>
                      <td>
                        <Link to={servicePath(service.id)}>{service.name}</Link>
                      </td>
                      <td>{service.organizationName}</td>
                      <td>
                        {service.status === 'active' ? (
                          statusLabel(t, service.status)
                        ) : (
                          <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--gray">{statusLabel(t, service.status)}</span>
                        )}
                      </td>
                      <td>
                        <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${publicationTag(publication)}`}>{publicationLabel(t, publication)}</span>
                      </td>
                      <td>
                        <span className="rf-nowrap">{service.lastVerifiedOn ? formatDay(service.lastVerifiedOn) : t('directory.list.never')}</span>
                        {service.needsVerification && service.lastVerifiedOn && (
                          <span className="rf-block rf-small rf-muted">
                            {tp('directory.list.monthsAgo', monthsBetween(service.lastVerifiedOn, today))}
                          </span>
                        )}
                        {service.stale && service.publicationState === 'published' && (
                          <span className="rf-block">
                            <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--red">{t('directory.freshness.stale')}</span>
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )}
          {sorted.length > 0 && <Pagination total={sorted.length} pageSize={PAGE_SIZE} label={t('directory.list.pages')} />}
        </ResultsSection>
      </TabPanel>
    </Page>
  );
}
