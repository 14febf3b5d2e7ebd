import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AUDIT_OUTCOMES, AuditSearchQuery, type AuditSearchResponse, type AuditVerifyResponse } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, withQuery } from '../../app/api';
import { useI18n } from '../../app/i18n';
import {
  ErrorSummary,
  FormActions,
  SelectField,
  TextField,
  errorMessage,
  errorsFromApi,
  summaryItems,
  validateWith,
  type FieldErrors,
  type TextFieldProps,
} from '../../app/forms';
import { Icon } from '../../app/Icon';
import { ResultsSection, useUrlFilters } from '../../app/lists';
import { Page, Section } from '../../app/page';
import { Pagination } from '../../app/Pagination';
import { useApiData } from '../../app/useApi';
import { AuditTable, actionLabel, outcomeLabel, resourceTypeLabel } from './AuditTable';

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
  'plan',
  'plan.create',
  'plan.update',
  'plan.changeState',
  'plan.publish',
  'plan.createItem',
  'plan.updateItem',
  'plan.moveItem',
  'plan.deleteItem',
  'plan.importStatusTable',
  'plan.importSheet',
  'measure.updateStatus',
  'report',
  'report.create',
  'report.refresh',
  'report.approve',
  'report.publish',
];
const KNOWN_RESOURCE_TYPES = ['user', 'org_unit', 'audit_event', 'client', 'plan', 'plan_item', 'status_report'];

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

export function AuditPage() {
  const { t, tp, lookup } = useI18n();
  const { setParams, query, applied, page, form, setForm } = useUrlFilters(filtersFrom);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

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

  const input = (name: Filter, extra: Partial<TextFieldProps> = {}) => (
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
      <Section headingId="audit-filter-heading" title={t('audit.filter.heading')} className="rf-panel">
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
          <Suggestions id="audit-known-actions" values={KNOWN_ACTIONS} label={(action) => actionLabel(lookup, action) ?? action} />
          <Suggestions id="audit-known-types" values={KNOWN_RESOURCE_TYPES} label={(type) => resourceTypeLabel(lookup, type)} />
          <FormActions
            submitLabel={t('audit.filter.submit')}
            submitIcon="magnifying-glass-big"
            onCancel={reset}
            cancelLabel={t('audit.filter.reset')}
          />
        </form>
      </Section>

      <ResultsSection
        headingId="audit-results-heading"
        title={t('audit.results.heading')}
        result={result}
        count={(total) => tp('audit.results.count', total)}
        // A refused filter (400) is shown beside its field in the form above.
        loadError={result.error?.status === 400 ? null : result.error}
      >
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
      </ResultsSection>

      <VerifySection />
    </Page>
  );
}

/** Suggestions for a free-text filter (<input list>): the known codes, each with its readable name. */
function Suggestions({ id, values, label }: { id: string; values: readonly string[]; label: (value: string) => string }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </datalist>
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
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section headingId="audit-verify-heading" title={t('audit.verify.heading')} className="rf-section rf-panel">
      <p>{t('audit.verify.lead')}</p>
      <PktButton type="button" skin="secondary" onClick={() => void verify()} disabled={busy}>
        {t('audit.verify.button')}
      </PktButton>
      <div role="status" className="rf-verify-status">
        {busy && <p>{t('audit.verify.running')}</p>}
        {result && !busy && <VerifyResult result={result} />}
      </div>
      <ErrorSummary message={error} />
    </Section>
  );
}

