import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { LocationDetail, OrganizationSummary, ServiceDetail } from '@rusfag/core';
import { api, serverClockOffset } from '../../app/api';
import { useDraft } from '../../app/drafts';
import { todayInOslo } from '../../app/format';
import { ErrorSummary, FormActions, StatusMessage, errorMessage, errorsFromApi, summaryItems, useFormSubmit, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { AlertBox, NotLoaded, Page } from '../../app/page';
import { useApiData } from '../../app/useApi';
import {
  DIRECTORY_PATH,
  ORGANIZATION_PARAM,
  freshnessOf,
  placeErrors,
  servicePath,
  type LocationListResponse,
  type OrganizationListResponse,
  type Vocabulary,
} from './model';
import { ServiceFields, serviceFields } from './ServiceForm';
import { ServiceHistorySection } from './ServiceHistory';
import { checkService, emptyValues, inputOf, sameInput, valuesOf, type ServiceValues } from './serviceValues';
import { ServiceStatusLine, ServiceWorkflow } from './ServiceWorkflow';

/**
 * /tjenesteoversikt/tjenester/ny and /tjenesteoversikt/tjenester/:id: the service form, and for a
 * saved service where it stands, the review workflow and the change history. What is typed is
 * kept as a draft in the tab (drafts.ts) until it is saved, so leaving the page, following the
 * link to the locations or an expired session loses nothing.
 */

export function NewServicePage() {
  return <ServiceEditor serviceId={null} />;
}

export function ServicePage() {
  const { id = '' } = useParams();
  return <ServiceEditor key={id} serviceId={id} />;
}

function ServiceEditor({ serviceId }: { serviceId: string | null }) {
  const { t } = useI18n();
  const location = useLocation();
  const [params] = useSearchParams();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const vocabulary = useApiData<Vocabulary>('/api/directory/vocabulary');
  const organizations = useApiData<OrganizationListResponse>('/api/directory/organizations');
  const detail = useApiData<ServiceDetail>(serviceId ? `/api/directory/services/${encodeURIComponent(serviceId)}` : null);
  const [saved, setSaved] = useState<string | null>(flash);
  const [dirty, setDirty] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const service = detail.data;
  const [organizationId, setOrganizationId] = useState<string>('');
  const locations = useApiData<LocationListResponse>(organizationId ? `/api/directory/organizations/${encodeURIComponent(organizationId)}/locations` : null);

  if (serviceId && (detail.error?.status === 404 || detail.error?.status === 400)) {
    return (
      <Page title={t('directory.service.notFound')}>
        <p>{t('directory.service.notFoundText')}</p>
        <p>
          <Link to={DIRECTORY_PATH}>{t('directory.backToList')}</Link>
        </p>
      </Page>
    );
  }
  const failed = vocabulary.error ?? organizations.error ?? detail.error;
  if (!vocabulary.data || !organizations.data || (serviceId && !service)) {
    return (
      <Page title={serviceId ? t('directory.service.loading') : t('directory.new.title')}>
        <NotLoaded
          loading={!failed}
          error={failed}
          onRetry={() => {
            vocabulary.reload();
            organizations.reload();
            detail.reload();
          }}
        />
      </Page>
    );
  }

  const orgs = organizations.data.organizations;
  const editable = orgs.filter((organization) => organization.actions.includes('directory.edit'));
  const wanted = params.get(ORGANIZATION_PARAM);
  const defaultOrganization = editable.find((organization) => organization.id === wanted)?.id ?? (editable.length === 1 ? editable[0]!.id : '');
  const today = todayInOslo(serverClockOffset());
  const canEdit = service ? service.actions.includes('directory.edit') : editable.length > 0;

  const onSaved = (updated: ServiceDetail, message: string) => {
    detail.setData(updated);
    setSaved(message);
    window.requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <Page
      title={service ? service.input.name : t('directory.new.title')}
      lead={
        service ? (
          <ServiceStatusLine service={service} freshness={freshnessOf(service.lastVerifiedOn, today, service.input.status)} />
        ) : (
          <p>{t('directory.new.lead')}</p>
        )
      }
    >
      <p className="rf-noprint">
        <Link to={DIRECTORY_PATH}>{t('directory.backToList')}</Link>
      </p>
      <div ref={statusRef} tabIndex={-1} className="rf-status-focus">
        <StatusMessage>{saved}</StatusMessage>
      </div>
      {service && (
        <ServiceWorkflow
          service={service}
          dirty={dirty}
          onChanged={(updated) => {
            detail.setData(updated);
            setSaved(null);
          }}
        />
      )}
      {canEdit ? (
        <ServiceEditorForm
          // A new saved version (after saving or publishing) starts the form again from it.
          key={service?.updatedAt ?? 'new'}
          service={service ?? null}
          initialOrganizationId={defaultOrganization}
          vocabulary={vocabulary.data}
          organizations={orgs}
          locations={locations.data?.locations ?? null}
          onOrganization={setOrganizationId}
          onDirty={setDirty}
          onSaved={onSaved}
          onEdit={() => setSaved(null)}
        />
      ) : (
        <AlertBox kind="error" className="rf-notice">
          <p>{t('directory.service.readOnly')}</p>
        </AlertBox>
      )}
      {service && (
        <ServiceHistorySection
          serviceId={service.id}
          version={`${service.updatedAt}|${service.lastVerifiedOn ?? ''}|${service.publishedAt ?? ''}|${service.publicationState}`}
          names={{ vocabulary: vocabulary.data, organizations: orgs, locations: locations.data?.locations ?? [] }}
        />
      )}
    </Page>
  );
}

function ServiceEditorForm({
  service,
  initialOrganizationId,
  vocabulary,
  organizations,
  locations,
  onOrganization,
  onDirty,
  onSaved,
  onEdit,
}: {
  service: ServiceDetail | null;
  initialOrganizationId: string;
  vocabulary: Vocabulary;
  organizations: readonly OrganizationSummary[];
  locations: readonly LocationDetail[] | null;
  onOrganization: (id: string) => void;
  onDirty: (dirty: boolean) => void;
  onSaved: (service: ServiceDetail, message: string) => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [initial] = useState<ServiceValues>(() => (service ? valuesOf(service.input) : emptyValues(initialOrganizationId)));
  const [values, setValues, { restored, discard }] = useDraft<ServiceValues>(`directory-service-${service?.id ?? 'new'}`, initial);
  const [attempted, setAttempted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = serviceFields(t, values);
  const known = new Set(fields.map((field) => field.path));
  const form = useFormSubmit(fields.map((field) => field.path));
  const dirty = !sameInput(values, initial);

  useEffect(() => onOrganization(values.organizationId), [values.organizationId, onOrganization]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  const update = (change: Partial<ServiceValues>) => {
    onEdit();
    setValues((previous) => ({ ...previous, ...change }));
  };

  // After the first attempt the form checks itself as the editor types.
  const fixText = t('form.fixErrors');
  useEffect(() => {
    if (!attempted) return;
    const found = placeErrors(checkService(values, t), known);
    form.setErrors(found);
    if (Object.keys(found).length === 0) form.setMessage((previous) => (previous === fixText ? null : previous));
    // checkService reads exactly the values.
  }, [attempted, values]);

  const focusSummary = () => window.requestAnimationFrame(() => summaryRef.current?.focus());

  const refused = (error: unknown) => {
    const found: FieldErrors = placeErrors(errorsFromApi(error), known);
    const onFields = Object.keys(found).length > 0 && Object.keys(found).every((path) => known.has(path));
    form.setErrors(found);
    form.setMessage(onFields ? t('form.fixErrors') : errorMessage(error, t));
    focusSummary();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (form.showErrors(placeErrors(checkService(values, t), known))) {
      focusSummary();
      return;
    }
    const body = inputOf(values);
    await form.send(async () => {
      if (service) {
        const updated = await api.put<ServiceDetail>(`/api/directory/services/${encodeURIComponent(service.id)}`, body);
        discard();
        onSaved(updated, t('directory.service.saved'));
      } else {
        const created = await api.post<ServiceDetail>('/api/directory/services', body);
        discard();
        void navigate(servicePath(created.id), { state: { flash: t('directory.service.created', { name: created.input.name }) } });
      }
    }, refused);
  };

  return (
    <form className="rf-form rf-service-form" onSubmit={(event) => void submit(event)} aria-labelledby="svc-form-heading" noValidate>
      <h2 id="svc-form-heading" className="rf-h2">
        {service ? t('directory.service.formHeading') : t('directory.new.formHeading')}
      </h2>
      {restored && (
        <StatusMessage>
          {t('directory.service.draftRestored')}{' '}
          <button type="button" className="pkt-link-button rf-link-button" onClick={discard}>
            {t('directory.service.draftDiscard')}
          </button>
        </StatusMessage>
      )}
      <div ref={summaryRef} tabIndex={-1} className="rf-summary-focus">
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      </div>
      <ServiceFields values={values} update={update} errors={form.errors} vocabulary={vocabulary} organizations={organizations} locations={locations} />
      {dirty && service && <p className="rf-hint rf-unsaved">{t('directory.service.unsaved')}</p>}
      <FormActions submitLabel={service ? t('directory.service.save') : t('directory.new.submit')} busy={form.busy}>
        {service && dirty && (
          <button type="button" className="pkt-btn pkt-btn--tertiary" onClick={discard}>
            <span className="pkt-btn__text">{t('directory.service.undo')}</span>
          </button>
        )}
        {!service && (
          <Link to={DIRECTORY_PATH} className="pkt-btn pkt-btn--tertiary" onClick={discard}>
            <span className="pkt-btn__text">{t('common.cancel')}</span>
          </Link>
        )}
      </FormActions>
    </form>
  );
}
