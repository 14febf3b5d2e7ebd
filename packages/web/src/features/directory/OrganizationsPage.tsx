import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { DataTable, EmptyState, NotLoaded, Page, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { DIRECTORY_PATH, ORGANIZATION_PARAM, organizationPath, type OrganizationListResponse } from './model';
import { OrganizationForm } from './OrganizationForm';

/**
 * /tjenesteoversikt/organisasjoner: the organisations (providers) the editor keeps, how many
 * services each has, and a new one. Each organisation's page has its details and its locations.
 */
export function OrganizationsPage() {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const organizations = useApiData<OrganizationListResponse>('/api/directory/organizations');
  const [creating, setCreating] = useState(false);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const canCreate = can('directory.organization.create');

  return (
    <Page
      title={t('directory.organizations.title')}
      lead={<p>{t('directory.organizations.lead')}</p>}
      actions={
        canCreate && !creating ? (
          <button type="button" ref={newButtonRef} className="pkt-btn pkt-btn--primary pkt-btn--icon-left" onClick={() => setCreating(true)}>
            <Icon name="plus-sign" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{t('directory.organizations.new')}</span>
          </button>
        ) : null
      }
    >
      <p className="rf-noprint">
        <Link to={DIRECTORY_PATH}>{t('directory.backToList')}</Link>
      </p>
      {creating && (
        <OrganizationForm
          organization={null}
          headingId="org-new-heading"
          title={t('directory.organizations.new')}
          onSaved={(created) => void navigate(organizationPath(created.id), { state: { flash: t('directory.organizations.created', { name: created.name }) } })}
          onCancel={() => {
            setCreating(false);
            window.requestAnimationFrame(() => newButtonRef.current?.focus());
          }}
        />
      )}
      <Section headingId="org-list-heading" title={t('directory.organizations.listHeading')}>
        {!organizations.data && <NotLoaded loading={organizations.loading} error={organizations.error} onRetry={organizations.reload} />}
        {organizations.data && organizations.data.organizations.length === 0 && (
          <EmptyState title={t('directory.organizations.empty')}>
            <p>{canCreate ? t('directory.organizations.emptyText') : t('directory.organizations.emptyReader')}</p>
          </EmptyState>
        )}
        {organizations.data && organizations.data.organizations.length > 0 && (
          <>
            <p className="rf-result-count">{tp('directory.organizations.count', organizations.data.organizations.length)}</p>
            <DataTable caption={t('directory.organizations.listHeading')}>
              <thead>
                <tr>
                  <th scope="col">{t('directory.org.name')}</th>
                  <th scope="col">{t('directory.org.steward')}</th>
                  <th scope="col">{t('directory.organizations.services')}</th>
                  <th scope="col">{t('directory.organizations.contact')}</th>
                </tr>
              </thead>
              <tbody>
                {organizations.data.organizations.map((organization) => (
                  <tr key={organization.id}>
                    <td>
                      <Link to={organizationPath(organization.id)}>{organization.name}</Link>
                      {organization.alternateName && <span className="rf-block rf-small rf-muted">{organization.alternateName}</span>}
                    </td>
                    <td>{organization.stewardName}</td>
                    <td>
                      {organization.services > 0 ? (
                        <Link to={`${DIRECTORY_PATH}?${ORGANIZATION_PARAM}=${encodeURIComponent(organization.id)}`}>
                          {tp('directory.organizations.serviceCount', organization.services)}
                          <span className="pkt-sr-only"> – {organization.name}</span>
                        </Link>
                      ) : (
                        <span className="rf-muted">{tp('directory.organizations.serviceCount', 0)}</span>
                      )}
                    </td>
                    <td className="rf-break">
                      {organization.email && <span className="rf-block">{organization.email}</span>}
                      {organization.website && <span className="rf-block">{organization.website}</span>}
                      {!organization.email && !organization.website && <span className="rf-muted">–</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        )}
      </Section>
    </Page>
  );
}
