import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ROLES, type AuditSearchResponse, type AuditVerifyResponse, type MeResponse, type Role, type UserList } from '@rusfag/core';
import { useAuth, useMe } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n';
import { EmptyState, LoadError, Loading, Page, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { AuditTable } from '../audit/AuditTable';
import { VerifyResult } from '../audit/AuditPage';
import { DirectoryEditorStart } from '../directory/StartSection';
import { PlannerStart, ReportsToApprove, UnitLeaderTodo } from '../plans/StartSections';
import { unitLabel, useOrgUnits, type UnitIndex } from '../organizations/units';
import { roleLabel } from '../users/roles';

/** Each role's start page: its title (the h1 with one role, an h2 with several). */
const ROLE_TITLE: Record<Role, MessageKey> = {
  caseworker: 'start.caseworker.title',
  unit_leader: 'start.unit_leader.title',
  planner: 'start.planner.title',
  analyst: 'start.analyst.title',
  directory_editor: 'start.directory_editor.title',
  course_admin: 'start.course_admin.title',
  privacy_officer: 'start.privacy_officer.title',
  admin: 'start.admin.title',
};

/** Order of sections for people with several roles: daily work first, administration last. */
const ROLE_ORDER: Role[] = ['caseworker', 'unit_leader', 'planner', 'analyst', 'directory_editor', 'course_admin', 'privacy_officer', 'admin'];

type Level = 2 | 3;

function Heading({ level, children, id }: { level: Level; children: ReactNode; id?: string }) {
  return level === 2 ? (
    <h2 className="rf-h2" id={id}>
      {children}
    </h2>
  ) : (
    <h3 className="rf-h3" id={id}>
      {children}
    </h3>
  );
}

export function StartPage() {
  const { t } = useI18n();
  const me = useMe();
  // Loaded once for all sections: unit names for the scope lines, unit counts for admins.
  const units = useOrgUnits();
  const held = ROLE_ORDER.filter((role) => me.roles.some((r) => r.role === role) && ROLES.includes(role));

  if (held.length === 0) {
    return (
      <Page title={t('start.title')}>
        <EmptyState title={t('start.noRoles.title')} headingLevel={2}>
          <p>{t('start.noRoles.text')}</p>
        </EmptyState>
      </Page>
    );
  }

  const [only] = held;
  if (held.length === 1 && only) {
    return (
      <Page title={t(ROLE_TITLE[only])}>
        <RoleContent role={only} me={me} level={2} index={units.index} />
      </Page>
    );
  }

  return (
    <Page title={t('start.title')} lead={<p>{t('start.severalRoles')}</p>}>
      {held.map((role) => (
        <Section key={role} headingId={`start-${role}`} title={t(ROLE_TITLE[role])} className="rf-section rf-role-section">
          <RoleContent role={role} me={me} level={3} index={units.index} />
        </Section>
      ))}
    </Page>
  );
}

/** "Du er ruskonsulent ved Rusteamet (Bydel Alna)." – whose data the page will be about. */
function Scope({ role, me, index }: { role: Role; me: MeResponse; index: UnitIndex | null }) {
  const { t } = useI18n();
  const held = me.roles.filter((r) => r.role === role);
  const name = (unitId: string, fallback: string) => (index ? unitLabel(index, unitId, fallback) : fallback);
  return (
    <p className="rf-scope">
      {t('start.scope', {
        role: roleLabel(t, role),
        units: held.map((r) => name(r.unitId, r.unitName)).join(', '),
      })}
    </p>
  );
}

/** What the start page of a role whose modules are not in use yet will show: two "Her kommer …" cards. */
const PLANNED: Record<Exclude<Role, 'privacy_officer' | 'admin' | 'planner' | 'directory_editor'>, [title: MessageKey, text: MessageKey][]> = {
  caseworker: [
    ['start.caseworker.tasksTitle', 'start.caseworker.tasksText'],
    ['start.caseworker.clientsTitle', 'start.caseworker.clientsText'],
  ],
  unit_leader: [['start.unit_leader.dashboardTitle', 'start.unit_leader.dashboardText']],
  analyst: [
    ['start.analyst.cityTitle', 'start.analyst.cityText'],
    ['start.analyst.qolTitle', 'start.analyst.qolText'],
  ],
  course_admin: [
    ['start.course_admin.coursesTitle', 'start.course_admin.coursesText'],
    ['start.course_admin.registrationsTitle', 'start.course_admin.registrationsText'],
  ],
};

/** A card for what will be here ("Her kommer …"), and why it is empty now: never fake data. */
function Planned({ level, title, text }: { level: Level; title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <div className="rf-empty">
      <Heading level={level}>{t(title)}</Heading>
      <p>{t(text)}</p>
    </div>
  );
}

function RoleContent({ role, me, level, index }: { role: Role; me: MeResponse; level: Level; index: UnitIndex | null }) {
  let content: ReactNode;
  switch (role) {
    case 'privacy_officer':
      content = <PrivacyOfficerStart level={level} />;
      break;
    case 'admin':
      content = <AdminStart level={level} index={index} />;
      break;
    case 'planner':
      content = <PlannerStart level={level} />;
      break;
    case 'directory_editor':
      content = <DirectoryEditorStart level={level} />;
      break;
    case 'unit_leader':
      content = (
        <>
          <UnitLeaderTodo level={level} />
          <ReportsToApprove level={level} />
          {PLANNED.unit_leader.map(([title, text]) => (
            <Planned key={title} level={level} title={title} text={text} />
          ))}
        </>
      );
      break;
    default:
      content = PLANNED[role].map(([title, text]) => <Planned key={title} level={level} title={title} text={text} />);
  }
  return (
    <Fragment>
      <Scope role={role} me={me} index={index} />
      {content}
    </Fragment>
  );
}

function AdminStart({ level, index }: { level: Level; index: UnitIndex | null }) {
  const { t, formatNumber } = useI18n();
  const { can } = useAuth();
  const all = useApiData<UserList>(can('user.list') ? '/api/admin/users?limit=1' : null);
  const active = useApiData<UserList>(can('user.list') ? '/api/admin/users?limit=1&active=true' : null);
  const manageable = index?.units.filter((unit) => unit.actions.includes('organization.update')) ?? [];
  const figure = (value: number | undefined) => (value === undefined ? '…' : formatNumber(value));

  return (
    <>
      <div className="rf-empty">
        <Heading level={level} id="admin-figures">
          {t('start.admin.figuresTitle')}
        </Heading>
        {(all.error ?? active.error) && <LoadError message={(all.error ?? active.error)?.message ?? ''} onRetry={all.reload} />}
        <dl className="rf-figures" aria-labelledby="admin-figures">
          <div>
            <dt>{t('start.admin.users')}</dt>
            <dd>{figure(all.data?.total)}</dd>
          </div>
          <div>
            <dt>{t('start.admin.activeUsers')}</dt>
            <dd>{figure(active.data?.total)}</dd>
          </div>
          <div>
            <dt>{t('start.admin.inactiveUsers')}</dt>
            <dd>{figure(all.data && active.data ? all.data.total - active.data.total : undefined)}</dd>
          </div>
          <div>
            <dt>{t('start.admin.units')}</dt>
            <dd>{figure(index ? manageable.filter((unit) => unit.active).length : undefined)}</dd>
          </div>
        </dl>
        <ul className="rf-link-list" aria-label={t('start.admin.shortcuts')}>
          {can('user.list') && (
            <li>
              <Link to="/admin/brukere">{t('nav.users')}</Link>
            </li>
          )}
          <li>
            <Link to="/organisasjon">{t('nav.organization')}</Link>
          </li>
        </ul>
      </div>
      <Planned level={level} title="start.admin.settingsTitle" text="start.admin.settingsText" />
    </>
  );
}

function PrivacyOfficerStart({ level }: { level: Level }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const latest = useApiData<AuditSearchResponse>(can('audit.search') ? '/api/audit/events?limit=10' : null);
  const chain = useApiData<AuditVerifyResponse>(can('audit.verify') ? '/api/audit/verify' : null);

  return (
    <>
      <div className="rf-empty">
        <Heading level={level}>{t('start.privacy_officer.chainTitle')}</Heading>
        {chain.loading && <Loading label={t('audit.verify.running')} />}
        {chain.error && <LoadError message={chain.error.message} onRetry={chain.reload} />}
        {chain.data && <VerifyResult result={chain.data} />}
      </div>
      <div className="rf-empty">
        <Heading level={level}>{t('start.privacy_officer.latestTitle')}</Heading>
        {latest.loading && !latest.data && <Loading />}
        {latest.error && <LoadError message={latest.error.message} onRetry={latest.reload} />}
        {latest.data && latest.data.events.length === 0 && <p>{t('audit.results.none')}</p>}
        {latest.data && latest.data.events.length > 0 && (
          <AuditTable events={latest.data.events} caption={t('start.privacy_officer.latestTitle')} />
        )}
        {can('audit.search') && (
          <p>
            <Link to="/tilgangslogg">{t('start.privacy_officer.toSearch')}</Link>
          </p>
        )}
      </div>
      <Planned level={level} title="start.privacy_officer.emergencyTitle" text="start.privacy_officer.emergencyText" />
      <Planned level={level} title="start.privacy_officer.innsynTitle" text="start.privacy_officer.innsynText" />
    </>
  );
}
