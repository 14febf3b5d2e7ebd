import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { AUDIT_OUTCOMES, AuditSearchQuery, type AuditSearchResponse, type AuditVerifyResponse } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, withQuery } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorSummary, SelectField, TextField, errorsFromApi, summaryItems, validateWith, type FieldErrors } from '../../app/forms';
import { Icon } from '../../app/Icon';
import { LoadError, Loading, Page } from '../../app/page';
import { Pagination, currentPage } from '../../app/Pagination';
import { useApiData } from '../../app/useApi';
import { AuditTable, outcomeLabel } from './AuditTable';

const PAGE_SIZE = 50;
const FILTERS = ['from', 'to', 'actor', 'action', 'resourceType', 'resourceId', 'clientId', 'outcome'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

const KNOWN_ACTIONS = [
  'auth',
  'auth.login',
  'auth.logout',
  'auth.totp',
  'auth.totpEnrol',
  'self.changePassword',
  'user',
  'user.create',
  'user.update',
  'user.assignRole',
  'user.revokeRole',
  'user.resetPassword',
  'user.resetTotp',
  'session.revoke',
  'organization',
  'organization.create',
  'organization.update',
  'audit.search',
  'audit.verify',
];
const KNOWN_RESOURCE_TYPES = ['user', 'org_unit', 'audit_event', 'client'];

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

export function AuditPage() {
  const { t, tp, lookup } = useI18n();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const page = currentPage(params);
  const [form, setForm] = useState<Filters>(applied);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const query = params.toString();

  // Back and forward change the URL: the form follows it.
  useEffect(() => {
    setForm(filtersFrom(new URLSearchParams(query)));
  }, [query]);

  const path = withQuery('/api/audit/events', { ...applied, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const result = useApiData<AuditSearchResponse>(path);
  const serverErrors = result.error?.status === 400 ? errorsFromApi(result.error) : {};
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : serverErrors;

  const labels: Record<Filter, string> = {
    from: t('audit.filter.from'),
    to: t('audit.filter.to'),
    actor: t('audit.filter.actor'),
    action: t('audit.filter.action'),
    resourceType: t('audit.filter.resourceType'),
    resourceId: t('audit.filter.resourceId'),
    clientId: t('audit.filter.clientId'),
    outcome: t('audit.filter.outcome'),
  };
  const fields = FILTERS.map((name) => ({ path: name, id: `audit-${name}`, label: labels[name] }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(FILTERS.map((name) => [name, form[name].trim()])) as Filters;
    const present = Object.fromEntries(Object.entries(trimmed).filter(([, value]) => value !== ''));
    const found = validateWith(AuditSearchQuery, present, t);
    if (trimmed.from && trimmed.to && trimmed.from > trimmed.to) found.to = t('audit.filter.toBeforeFrom');
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    // New criteria start at the first page.
    setParams(new URLSearchParams(present), { replace: false });
  };

  const reset = () => {
    const empty = Object.fromEntries(FILTERS.map((name) => [name, ''])) as Filters;
    setForm(empty);
    setClientErrors({});
    setParams(new URLSearchParams());
  };

  const input = (name: Filter, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={`audit-${name}`}
      name={name}
      label={labels[name]}
      value={form[name]}
      onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      error={errors[name]}
      optional
      {...extra}
    />
  );

  return (
    <Page title={t('audit.title')} lead={<p>{t('audit.lead')}</p>}>
      <section aria-labelledby="audit-filter-heading" className="rf-panel">
        <h2 id="audit-filter-heading" className="rf-h2">
          {t('audit.filter.heading')}
        </h2>
        <form className="rf-form" onSubmit={submit} noValidate role="search" aria-labelledby="audit-filter-heading">
          <ErrorSummary message={Object.keys(errors).length > 0 ? t('form.fixErrors') : null} items={summaryItems(errors, fields)} />
          <div className="rf-filter-grid">
            {input('from', { type: 'date' })}
            {input('to', { type: 'date' })}
            {input('actor', { hint: t('audit.filter.actorHint'), autoComplete: 'off', spellCheck: false })}
            {input('action', { list: 'audit-known-actions', hint: t('audit.filter.actionHint'), autoComplete: 'off', spellCheck: false })}
            {input('resourceType', { list: 'audit-known-types', autoComplete: 'off', spellCheck: false })}
            {input('resourceId', { autoComplete: 'off', spellCheck: false })}
            {input('clientId', { autoComplete: 'off', spellCheck: false })}
            <SelectField
              id="audit-outcome"
              name="outcome"
              label={labels.outcome}
              value={form.outcome}
              onChange={(event) => setForm({ ...form, outcome: event.target.value })}
              error={errors.outcome}
              optional
            >
              <option value="">{t('audit.filter.anyOutcome')}</option>
              {AUDIT_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {outcomeLabel(t, outcome)}
                </option>
              ))}
            </SelectField>
          </div>
          <datalist id="audit-known-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {lookup(`audit.action.${action}`) ?? action}
              </option>
            ))}
          </datalist>
          <datalist id="audit-known-types">
            {KNOWN_RESOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {lookup(`audit.resource.${type}`) ?? type}
              </option>
            ))}
          </datalist>
          <div className="rf-button-row">
            <PktButton type="submit" skin="primary" variant="icon-left" iconName="magnifying-glass-big">
              {t('audit.filter.submit')}
            </PktButton>
            <PktButton type="button" skin="tertiary" onClick={reset}>
              {t('audit.filter.reset')}
            </PktButton>
          </div>
        </form>
      </section>

      <section aria-labelledby="audit-results-heading" className="rf-section">
        <h2 id="audit-results-heading" className="rf-h2">
          {t('audit.results.heading')}
        </h2>
        <p role="status" className="rf-result-count">
          {result.data && !result.loading ? tp('audit.results.count', result.data.total) : ''}
        </p>
        {result.loading && !result.data && <Loading />}
        {result.error && result.error.status !== 400 && <LoadError message={result.error.message} onRetry={result.reload} />}
        {result.data && result.data.events.length === 0 && !result.loading && (
          <p>
            {t('audit.results.none')}{' '}
            {query !== '' && (
              <Link to="?" onClick={reset}>
                {t('audit.filter.reset')}
              </Link>
            )}
          </p>
        )}
        {result.data && result.data.events.length > 0 && (
          <>
            <AuditTable events={result.data.events} caption={t('audit.results.caption')} />
            <Pagination total={result.data.total} pageSize={PAGE_SIZE} label={t('audit.results.pages')} />
          </>
        )}
      </section>

      <VerifySection />
    </Page>
  );
}

export function VerifyResult({ result }: { result: AuditVerifyResponse }) {
  const { t, formatNumber } = useI18n();
  return result.ok ? (
    <p className="rf-verify rf-verify--ok">
      <Icon name="alert-success" className="rf-verify__icon" />
      <span>
        <strong>{t('audit.verify.ok')}</strong> {t('audit.verify.checked', { count: formatNumber(result.checked) })}
      </span>
    </p>
  ) : (
    <p className="rf-verify rf-verify--broken">
      <Icon name="alert-error" className="rf-verify__icon" />
      <span>
        <strong>{t('audit.verify.broken')}</strong>{' '}
        {t('audit.verify.firstBroken', { id: String(result.firstBrokenId ?? '–'), count: formatNumber(result.checked) })}
      </span>
    </p>
  );
}

function VerifySection() {
  const { t } = useI18n();
  const [result, setResult] = useState<AuditVerifyResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get<AuditVerifyResponse>('/api/audit/verify'));
    } catch (failure) {
      setResult(null);
      setError(failure instanceof Error ? failure.message : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="audit-verify-heading" className="rf-section rf-panel">
      <h2 id="audit-verify-heading" className="rf-h2">
        {t('audit.verify.heading')}
      </h2>
      <p>{t('audit.verify.lead')}</p>
      <PktButton type="button" skin="secondary" onClick={() => void verify()} disabled={busy}>
        {t('audit.verify.button')}
      </PktButton>
      <div role="status" className="rf-verify-status">
        {busy && <p>{t('audit.verify.running')}</p>}
        {result && !busy && <VerifyResult result={result} />}
      </div>
      <ErrorSummary message={error} />
    </section>
  );
}

