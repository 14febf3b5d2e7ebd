import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { LocationDetail } from '@rusfag/core';
import { StatusMessage } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { DataTable, EmptyState, NotLoaded, Page, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { unitLabel, useOrgUnits } from '../organizations/units';
import { LocationForm } from './LocationForm';
import {
  DIRECTORY_PATH,
  NEW_SERVICE_PATH,
  ORGANIZATIONS_PATH,
  ORGANIZATION_PARAM,
  type LocationListResponse,
  type OrganizationListResponse,
  type Vocabulary,
} from './model';
import { OrganizationForm } from './OrganizationForm';

/**
 * /tjenesteoversikt/organisasjoner/:id: one organisation's details (edited in place) and its
 * locations, each edited in place, a new one below. Confidential addresses show here (the staff
 * need them; reading them is logged by the server) and are marked "Skjermet adresse".
 */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const organizations = useApiData<OrganizationListResponse>('/api/directory/organizations');
  const locations = useApiData<LocationListResponse>(`/api/directory/organizations/${encodeURIComponent(id)}/locations`);
  const vocabulary = useApiData<Vocabulary>('/api/directory/vocabulary');
  const units = useOrgUnits();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(flash);
  const detailsRef = useRef<HTMLHeadingElement>(null);
  const locationsRef = useRef<HTMLHeadingElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  // Arriving from the service form's "manage locations" link (#steder): the locations take focus.
  const loaded = Boolean(locations.data);
  useEffect(() => {
    if (loaded && location.hash === '#steder') {
      locationsRef.current?.focus();
      locationsRef.current?.scrollIntoView();
    }
  }, [loaded, location.hash]);

  const organization = organizations.data?.organizations.find((candidate) => candidate.id === id);
  if (organizations.data && !organization) {
    return (
      <Page title={t('directory.organizations.notFound')}>
        <p>{t('directory.organizations.notFoundText')}</p>
        <p>
          <Link to={ORGANIZATIONS_PATH}>{t('directory.organizations.back')}</Link>
        </p>
      </Page>
    );
  }
  if (!organization) {
    return (
      <Page title={t('directory.organizations.loading')}>
        <NotLoaded loading={organizations.loading} error={organizations.error} onRetry={organizations.reload} />
      </Page>
    );
  }

  const canEdit = organization.actions.includes('directory.edit');
  const district = (districtId: string | null) => vocabulary.data?.districts.find((candidate) => candidate.id === districtId)?.name;

  return (
    <Page title={organization.name} lead={<p>{t('directory.organizations.keptBy', { unit: organization.stewardName })}</p>}>
      <p className="rf-noprint">
        <Link to={ORGANIZATIONS_PATH}>{t('directory.organizations.back')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>

      <Section headingId="org-details-heading" title={t('directory.organizations.details')} headingRef={detailsRef}>
        {!editing && (
          <>
            <dl className="rf-dl">
              {organization.alternateName && (
                <div>
                  <dt>{t('directory.org.alternateName')}</dt>
                  <dd>{organization.alternateName}</dd>
                </div>
              )}
              <div>
                <dt>{t('directory.org.description')}</dt>
                <dd className="rf-prewrap">{organization.description || <span className="rf-muted">{t('directory.organizations.none')}</span>}</dd>
              </div>
              {organization.descriptionEn && (
                <div>
                  <dt>{t('directory.org.descriptionEn')}</dt>
                  <dd className="rf-prewrap" lang="en">
                    {organization.descriptionEn}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('directory.org.email')}</dt>
                <dd>{organization.email || <span className="rf-muted">{t('directory.organizations.none')}</span>}</dd>
              </div>
              <div>
                <dt>{t('directory.org.website')}</dt>
                <dd className="rf-break">
                  {organization.website ? (
                    <a href={organization.website} rel="noreferrer">
                      {organization.website}
                    </a>
                  ) : (
                    <span className="rf-muted">{t('directory.organizations.none')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('directory.org.steward')}</dt>
                <dd>{organization.stewardName}</dd>
              </div>
              <div>
                <dt>{t('directory.org.orgUnit')}</dt>
                <dd>
                  {organization.orgUnitId ? (
                    units.index ? unitLabel(units.index, organization.orgUnitId) : '…'
                  ) : (
                    <span className="rf-muted">{t('directory.org.noOrgUnit')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('directory.organizations.services')}</dt>
                <dd>
                  <Link to={`${DIRECTORY_PATH}?${ORGANIZATION_PARAM}=${encodeURIComponent(organization.id)}`}>
                    {t('directory.organizations.servicesLink', { count: organization.services })}
                  </Link>
                </dd>
              </div>
            </dl>
            <div className="rf-button-row">
              {canEdit && (
                <button
                  type="button"
                  ref={editButtonRef}
                  className="pkt-btn pkt-btn--secondary pkt-btn--small pkt-btn--icon-left"
                  onClick={() => {
                    setStatus(null);
                    setEditing(true);
                  }}
                >
                  <Icon name="edit" className="pkt-btn__icon" />
                  <span className="pkt-btn__text">{t('directory.organizations.edit')}</span>
                </button>
              )}
              {canEdit && (
                <Link to={`${NEW_SERVICE_PATH}?${ORGANIZATION_PARAM}=${encodeURIComponent(organization.id)}`} className="pkt-btn pkt-btn--tertiary pkt-btn--small">
                  <span className="pkt-btn__text">{t('directory.organizations.newService')}</span>
                </Link>
              )}
            </div>
          </>
        )}
        {editing && (
          <OrganizationForm
            organization={organization}
            headingId="org-edit-heading"
            title={t('directory.organizations.edit')}
            onSaved={() => {
              organizations.reload();
              setEditing(false);
              setStatus(t('directory.organizations.saved'));
              window.requestAnimationFrame(() => detailsRef.current?.focus());
            }}
            onCancel={() => {
              setEditing(false);
              window.requestAnimationFrame(() => editButtonRef.current?.focus());
            }}
          />
        )}
      </Section>

      <section aria-labelledby="steder" className="rf-section">
        <h2 id="steder" className="rf-h2" tabIndex={-1} ref={locationsRef}>
          {t('directory.locations.heading')}
        </h2>
        <p className="rf-hint">{t('directory.locations.lead')}</p>
        {(!locations.data || !vocabulary.data) && (
          <NotLoaded loading={locations.loading || vocabulary.loading} error={locations.error ?? vocabulary.error} onRetry={() => (locations.reload(), vocabulary.reload())} />
        )}
        {locations.data && vocabulary.data && (
          <Locations
            organizationId={organization.id}
            organizationName={organization.name}
            locations={locations.data.locations}
            vocabulary={vocabulary.data}
            canEdit={canEdit}
            district={district}
            onSaved={(message) => {
              locations.reload();
              setStatus(message);
            }}
          />
        )}
      </section>
    </Page>
  );
}

function Locations({
  organizationId,
  organizationName,
  locations,
  vocabulary,
  canEdit,
  district,
  onSaved,
}: {
  organizationId: string;
  organizationName: string;
  locations: LocationDetail[];
  vocabulary: Vocabulary;
  canEdit: boolean;
  district: (id: string | null) => string | undefined;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  /** The location being edited ('new' for a new one), or none. */
  const [open, setOpen] = useState<string | null>(null);
  // Where focus goes once the list shows the change (a new location's row appears after the reload).
  const pendingFocus = useRef<string | null>(null);
  const focusLater = (elementId: string) => {
    pendingFocus.current = elementId;
    window.requestAnimationFrame(() => {
      const element = pendingFocus.current ? document.getElementById(pendingFocus.current) : null;
      if (element) {
        element.focus();
        pendingFocus.current = null;
      }
    });
  };
  useEffect(() => {
    const element = pendingFocus.current ? document.getElementById(pendingFocus.current) : null;
    if (element) {
      element.focus();
      pendingFocus.current = null;
    }
  }, [locations]);
  const wheelchair = (value: boolean | null) => (value === true ? t('common.yes') : value === false ? t('common.no') : t('directory.tristate.unknown'));

  return (
    <>
      {locations.length === 0 && (
        <EmptyState title={t('directory.locations.empty')}>
          <p>{t('directory.locations.emptyText', { name: organizationName })}</p>
        </EmptyState>
      )}
      {locations.length > 0 && (
        <DataTable caption={t('directory.locations.caption', { name: organizationName })}>
          <thead>
            <tr>
              <th scope="col">{t('directory.loc.name')}</th>
              <th scope="col">{t('directory.loc.address')}</th>
              <th scope="col">{t('directory.loc.district')}</th>
              <th scope="col">{t('directory.loc.wheelchairShort')}</th>
              {canEdit && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {locations.map((location) => (
              <tr key={location.id}>
                <td>{location.name}</td>
                <td>
                  {location.confidential && (
                    <span className="rf-block">
                      <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--blue-light rf-confidential-tag">
                        <Icon name="lock-locked" className="rf-inline-icon" />
                        {t('directory.location.confidentialShort')}
                      </span>
                    </span>
                  )}
                  {[location.address, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || (
                    <span className="rf-muted">{t('directory.organizations.none')}</span>
                  )}
                </td>
                <td>{district(location.districtId) ?? <span className="rf-muted">–</span>}</td>
                <td>{wheelchair(location.wheelchairAccessible)}</td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      id={`loc-edit-${location.id}`}
                      className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left"
                      aria-expanded={open === location.id}
                      onClick={() => setOpen(open === location.id ? null : location.id)}
                    >
                      <Icon name="edit" className="pkt-btn__icon" />
                      <span className="pkt-btn__text">
                        {t('directory.locations.edit')}
                        <span className="pkt-sr-only"> {location.name}</span>
                      </span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {open !== null && open !== 'new' && (
        <LocationForm
          key={open}
          organizationId={organizationId}
          location={locations.find((candidate) => candidate.id === open) ?? null}
          vocabulary={vocabulary}
          headingId="loc-edit-heading"
          title={t('directory.locations.editTitle', { name: locations.find((candidate) => candidate.id === open)?.name ?? '' })}
          onSaved={(saved) => {
            setOpen(null);
            onSaved(t('directory.locations.saved', { name: saved.name }));
            focusLater(`loc-edit-${saved.id}`);
          }}
          onCancel={() => {
            focusLater(`loc-edit-${open}`);
            setOpen(null);
          }}
        />
      )}
      {canEdit && open !== 'new' && (
        <p>
          <button type="button" id="loc-new" className="pkt-btn pkt-btn--secondary pkt-btn--small pkt-btn--icon-left" onClick={() => setOpen('new')}>
            <Icon name="plus-sign" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{t('directory.locations.new')}</span>
          </button>
        </p>
      )}
      {open === 'new' && (
        <LocationForm
          organizationId={organizationId}
          location={null}
          vocabulary={vocabulary}
          headingId="loc-new-heading"
          title={t('directory.locations.new')}
          onSaved={(saved) => {
            setOpen(null);
            onSaved(t('directory.locations.created', { name: saved.name }));
            focusLater(`loc-edit-${saved.id}`);
          }}
          onCancel={() => {
            setOpen(null);
            focusLater('loc-new');
          }}
        />
      )}
    </>
  );
}
