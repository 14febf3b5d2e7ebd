import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { UserList, UserSummary } from '@rusfag/core';
import { withQuery } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDateTime, isoDateTime } from '../../app/format';
import { FormActions, SelectField, TextField } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { ResultsSection, useUrlFilters } from '../../app/lists';
import { DataTable, Page } from '../../app/page';
import { Pagination } from '../../app/Pagination';
import { SortHeader, compareText, sortBy, useSort } from '../../app/sorting';
import { useApiData } from '../../app/useApi';
import { UnitOptions } from '../organizations/UnitOptions';
import { useOrgUnits } from '../organizations/units';
import { RoleOptions } from './RoleOptions';
import { isRole, roleLabel } from './roles';

const PAGE_SIZE = 50;
const SORT_KEYS = ['navn', 'brukernavn', 'enhet', 'innlogget'] as const;
type SortKey = (typeof SORT_KEYS)[number];

interface Filters {
  q: string;
  role: string;
  unitId: string;
  active: string;
}

function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    role: params.get('rolle') ?? '',
    unitId: params.get('enhet') ?? '',
    active: params.get('status') ?? '',
  };
}

const COMPARE: Record<SortKey, (a: UserSummary, b: UserSummary) => number> = {
  navn: (a, b) => compareText(a.displayName, b.displayName),
  brukernavn: (a, b) => compareText(a.username, b.username),
  enhet: (a, b) => compareText(a.homeUnitName, b.homeUnitName),
  // Most recent first reads best as "ascending" here: the newest login on top.
  innlogget: (a, b) => compareText(b.lastLoginAt, a.lastLoginAt),
};

export function UsersPage() {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const { params, setParams, query, applied, page, form, setForm } = useUrlFilters(filtersFrom);
  const sort = useSort(SORT_KEYS, 'navn');
  const units = useOrgUnits();

  const path = withQuery('/api/admin/users', {
    q: applied.q,
    role: isRole(applied.role) ? applied.role : undefined,
    unitId: applied.unitId,
    active: applied.active === 'aktive' ? 'true' : applied.active === 'deaktiverte' ? 'false' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const result = useApiData<UserList>(path);

  const apply = (next: Filters) => {
    const updated = new URLSearchParams();
    if (next.q.trim()) updated.set('q', next.q.trim());
    if (next.role) updated.set('rolle', next.role);
    if (next.unitId) updated.set('enhet', next.unitId);
    if (next.active) updated.set('status', next.active);
    const sorted = params.get('sortering');
    if (sorted) updated.set('sortering', sorted);
    setParams(updated);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(form);
  };

  const rows = result.data ? sortBy(result.data.users, COMPARE[sort.key], sort.descending) : [];

  return (
    <Page
      title={t('users.title')}
      actions={
        can('user.create') ? (
          <Link to="/admin/brukere/ny" className="pkt-btn pkt-btn--primary pkt-btn--icon-left">
            <Icon name="plus-sign" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{t('users.new')}</span>
          </Link>
        ) : null
      }
    >
      <form className="rf-form rf-panel" role="search" aria-label={t('users.filter.label')} onSubmit={submit} noValidate>
        <div className="rf-filter-grid">
          <TextField
            id="users-q"
            name="q"
            type="search"
            label={t('users.filter.q')}
            hint={t('users.filter.qHint')}
            value={form.q}
            onChange={(event) => setForm({ ...form, q: event.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            id="users-role"
            label={t('users.filter.role')}
            value={form.role}
            onChange={(event) => setForm({ ...form, role: event.target.value })}
          >
            <option value="">{t('users.filter.anyRole')}</option>
            <RoleOptions />
          </SelectField>
          <SelectField
            id="users-unit"
            label={t('users.filter.unit')}
            hint={t('users.filter.unitHint')}
            value={form.unitId}
            onChange={(event) => setForm({ ...form, unitId: event.target.value })}
          >
            <option value="">{t('users.filter.anyUnit')}</option>
            {units.index && <UnitOptions index={units.index} />}
          </SelectField>
          <SelectField
            id="users-status"
            label={t('users.filter.status')}
            value={form.active}
            onChange={(event) => setForm({ ...form, active: event.target.value })}
          >
            <option value="">{t('users.filter.anyStatus')}</option>
            <option value="aktive">{t('users.filter.active')}</option>
            <option value="deaktiverte">{t('users.filter.inactive')}</option>
          </SelectField>
        </div>
        <FormActions submitLabel={t('users.filter.submit')} submitIcon="magnifying-glass-big">
          {query !== '' && (
            <Link to="?" className="pkt-btn pkt-btn--tertiary">
              <span className="pkt-btn__text">{t('users.filter.reset')}</span>
            </Link>
          )}
        </FormActions>
      </form>

      <ResultsSection
        headingId="users-results-heading"
        title={t('users.results.heading')}
        result={result}
        count={(total) => tp('users.results.count', total)}
      >
        {result.data && result.data.users.length === 0 && <p>{t('users.results.none')}</p>}
        {rows.length > 0 && (
          <>
            <DataTable caption={t('users.results.caption')}>
              <thead>
                <tr>
                  <SortHeader label={t('users.col.name')} sortKey="navn" sort={sort} />
                  <SortHeader label={t('users.col.username')} sortKey="brukernavn" sort={sort} />
                  <SortHeader label={t('users.col.homeUnit')} sortKey="enhet" sort={sort} />
                  <th scope="col">{t('users.col.roles')}</th>
                  <th scope="col">{t('users.col.status')}</th>
                  <th scope="col">{t('users.col.totp')}</th>
                  <SortHeader label={t('users.col.lastLogin')} sortKey="innlogget" sort={sort} />
                </tr>
              </thead>
              <tbody>
                {rows.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link to={`/admin/brukere/${user.id}`}>{user.displayName}</Link>
                    </td>
                    <td>
                      <code className="rf-code">{user.username}</code>
                    </td>
                    <td>{user.homeUnitName}</td>
                    <td>
                      {user.roles.length === 0 ? (
                        <span className="rf-muted">{t('users.noRoles')}</span>
                      ) : (
                        <ul className="rf-plain-list">
                          {user.roles.map((role) => (
                            <li key={role.id}>
                              {roleLabel(t, role.role)} <span className="rf-muted">– {role.unitName}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <ActiveTag active={user.active} />
                    </td>
                    <td>{user.totpEnrolled ? t('users.totp.enrolled') : t('users.totp.notEnrolled')}</td>
                    <td className="rf-nowrap">
                      {user.lastLoginAt ? (
                        <time dateTime={isoDateTime(user.lastLoginAt)}>{formatDateTime(user.lastLoginAt)}</time>
                      ) : (
                        <span className="rf-muted">{t('users.neverLoggedIn')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Pagination total={result.data?.total ?? 0} pageSize={PAGE_SIZE} label={t('users.results.pages')} />
          </>
        )}
      </ResultsSection>
    </Page>
  );
}

/** Status as a word in a tag: the colour only repeats it. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${active ? 'pkt-tag--green' : 'pkt-tag--gray'}`}>
      {active ? t('users.status.active') : t('users.status.inactive')}
    </span>
  );
}
