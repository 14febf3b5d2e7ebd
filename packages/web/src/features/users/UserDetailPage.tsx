import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  RoleAssignmentInput,
  UpdateUserRequest,
  checkPassword,
  PASSWORD_MIN_LENGTH,
  type RevokeSessionsResponse,
  type SessionList,
  type UserSummary,
} from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, ApiError } from '../../app/api';
import { useMe } from '../../app/auth';
import { useDraft } from '../../app/drafts';
import { formatDateTime, isoDateTime } from '../../app/format';
import {
  ErrorSummary,
  FormActions,
  SelectField,
  StatusMessage,
  TextField,
  errorMessage,
  errorsFromApi,
  summaryItems,
  useAction,
  useFormSubmit,
  validateWith,
} from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { DataTable, LoadError, Loading, NotLoaded, Page, Section } from '../../app/page';
import { useApiData, type Loaded } from '../../app/useApi';
import { UnitOptions } from '../organizations/UnitOptions';
import { scopeOfRole, useOrgUnits, type UnitIndex } from '../organizations/units';
import { RoleOptions } from './RoleOptions';
import { passwordMessage, roleLabel } from './roles';
import { ActiveTag } from './UsersPage';

type Update = (user: UserSummary) => void;

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const user = useApiData<UserSummary>(`/api/admin/users/${encodeURIComponent(id)}`);
  const canListSessions = user.data?.actions.includes('session.list') ?? false;
  const sessions = useApiData<SessionList>(canListSessions ? `/api/admin/users/${encodeURIComponent(id)}/sessions` : null);
  const units = useOrgUnits();

  if (user.error?.status === 404 || user.error?.status === 400) {
    return (
      <Page title={t('users.detail.notFound')}>
        <p>{t('users.detail.notFoundText')}</p>
        <p>
          <Link to="/admin/brukere">{t('users.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (user.error || !user.data) {
    return (
      <Page title={t('users.detail.loading')}>
        <NotLoaded loading={user.loading && !user.data} error={user.error} onRetry={user.reload} />
      </Page>
    );
  }

  const data = user.data;
  return (
    <Page title={data.displayName}>
      <p>
        <Link to="/admin/brukere">{t('users.backToList')}</Link>
      </p>
      <StatusMessage>{flash}</StatusMessage>
      <DetailsSection user={data} onUpdated={user.setData} index={units.index} />
      <RolesSection user={data} onUpdated={user.setData} index={units.index} />
      {canListSessions && <SessionsSection user={data} sessions={sessions} />}
      <SecuritySection user={data} onUpdated={user.setData} onSessionsChanged={sessions.reload} />
    </Page>
  );
}

function DetailsSection({ user, onUpdated, index }: { user: UserSummary; onUpdated: Update; index: UnitIndex | null }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const canEdit = user.actions.includes('user.update');
  return (
    <Section headingId="user-details-heading" title={t('users.detail.details')} headingRef={headingRef}>
      <dl className="rf-dl">
        <div>
          <dt>{t('users.field.username')}</dt>
          <dd>
            <code className="rf-code">{user.username}</code>
          </dd>
        </div>
        <div>
          <dt>{t('users.field.displayName')}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>{t('users.field.email')}</dt>
          <dd>{user.email ?? <span className="rf-muted">{t('users.detail.noEmail')}</span>}</dd>
        </div>
        <div>
          <dt>{t('users.field.homeUnit')}</dt>
          <dd>{user.homeUnitName}</dd>
        </div>
        <div>
          <dt>{t('users.col.status')}</dt>
          <dd>
            <ActiveTag active={user.active} />
          </dd>
        </div>
        <div>
          <dt>{t('users.col.totp')}</dt>
          <dd>{user.totpEnrolled ? t('users.totp.enrolled') : t('users.totp.notEnrolled')}</dd>
        </div>
        <div>
          <dt>{t('users.col.lastLogin')}</dt>
          <dd>
            {user.lastLoginAt ? (
              <time dateTime={isoDateTime(user.lastLoginAt)}>{formatDateTime(user.lastLoginAt)}</time>
            ) : (
              t('users.neverLoggedIn')
            )}
          </dd>
        </div>
      </dl>
      <StatusMessage>{saved}</StatusMessage>
      {canEdit && !editing && (
        <PktButton
          type="button"
          skin="secondary"
          size="small"
          variant="icon-left"
          iconName="edit"
          onClick={() => {
            setSaved(null);
            setEditing(true);
          }}
        >
          {t('users.detail.edit')}
        </PktButton>
      )}
      {canEdit && editing && index && (
        <EditDetailsForm
          user={user}
          index={index}
          onDone={(updated) => {
            if (updated) {
              onUpdated(updated);
              setSaved(t('users.detail.saved'));
            }
            setEditing(false);
            // The form and its buttons are gone: focus returns to the section.
            headingRef.current?.focus();
          }}
        />
      )}
    </Section>
  );
}

function EditDetailsForm({ user, index, onDone }: { user: UserSummary; index: UnitIndex; onDone: (updated?: UserSummary) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const allowed = useMemo(() => scopeOfRole(index, me, 'admin'), [index, me]);
  const [values, setValues, { restored, discard }] = useDraft(`user-edit-${user.id}`, {
    displayName: user.displayName,
    email: user.email ?? '',
    homeUnitId: user.homeUnitId,
  });
  const fields = [
    { path: 'displayName', id: 'edit-displayName', label: t('users.field.displayName') },
    { path: 'email', id: 'edit-email', label: t('users.field.email') },
    { path: 'homeUnitId', id: 'edit-homeUnitId', label: t('users.field.homeUnit') },
  ];
  const form = useFormSubmit(fields.map((field) => field.path));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed is sent.
    const change = {
      ...(values.displayName.trim() !== user.displayName ? { displayName: values.displayName.trim() } : {}),
      ...(values.email.trim() !== (user.email ?? '') ? { email: values.email.trim() === '' ? null : values.email.trim() } : {}),
      ...(values.homeUnitId !== user.homeUnitId ? { homeUnitId: values.homeUnitId } : {}),
    };
    if (Object.keys(change).length === 0) {
      discard();
      onDone();
      return;
    }
    if (form.showErrors(validateWith(UpdateUserRequest, change, t))) return;
    await form.send(async () => {
      const updated = await api.patch<UserSummary>(`/api/admin/users/${user.id}`, change);
      discard();
      onDone(updated);
    });
  };

  return (
    <form className="rf-form rf-subform" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="edit-details-heading" className="rf-h3">
        {t('users.detail.editHeading')}
      </h3>
      {restored && <StatusMessage>{t('draft.restored')}</StatusMessage>}
      <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      <TextField
        id="edit-displayName"
        autoFocus
        label={t('users.field.displayName')}
        value={values.displayName}
        onChange={(event) => setValues({ ...values, displayName: event.target.value })}
        error={form.errors.displayName}
        autoComplete="off"
      />
      <TextField
        id="edit-email"
        type="email"
        label={t('users.field.email')}
        value={values.email}
        onChange={(event) => setValues({ ...values, email: event.target.value })}
        error={form.errors.email}
        optional
        autoComplete="off"
      />
      <SelectField
        id="edit-homeUnitId"
        label={t('users.field.homeUnit')}
        value={values.homeUnitId}
        onChange={(event) => setValues({ ...values, homeUnitId: event.target.value })}
        error={form.errors.homeUnitId}
      >
        <UnitOptions index={index} allowed={allowed} />
      </SelectField>
      <FormActions
        submitLabel={t('users.detail.save')}
        busy={form.busy}
        onCancel={() => {
          discard();
          onDone();
        }}
      />
    </form>
  );
}

function RolesSection({ user, onUpdated, index }: { user: UserSummary; onUpdated: Update; index: UnitIndex | null }) {
  const { t } = useI18n();
  const me = useMe();
  // The server refuses to let admins remove their own admin role; do not offer it.
  const mayRemove = (role: UserSummary['roles'][number]) => !(me.user.id === user.id && role.role === 'admin');
  const allowed = useMemo(() => (index ? scopeOfRole(index, me, 'admin') : undefined), [index, me]);
  const [values, setValues] = useState({ role: '', unitId: '' });
  const form = useFormSubmit(['role', 'unitId']);
  const [status, setStatus] = useState<string | null>(null);
  const canAssign = user.actions.includes('user.assignRole');
  const canRevoke = user.actions.includes('user.revokeRole');
  const fields = [
    { path: 'role', id: 'add-role', label: t('users.field.role') },
    { path: 'unitId', id: 'add-role-unit', label: t('users.field.unit') },
  ];

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (form.showErrors(validateWith(RoleAssignmentInput, values, t))) return;
    await form.send(async () => {
      onUpdated(await api.post<UserSummary>(`/api/admin/users/${user.id}/roles`, values));
      setValues({ role: '', unitId: '' });
      setStatus(t('users.roles.added'));
    });
  };

  // A button in the table, not the form: its failure goes to the section's one summary.
  const revoke = async (assignmentId: string) => {
    setStatus(null);
    form.setMessage(null);
    try {
      onUpdated(await api.delete<UserSummary>(`/api/admin/users/${user.id}/roles/${assignmentId}`));
      setStatus(t('users.roles.removed'));
    } catch (error) {
      form.setMessage(errorMessage(error, t));
    }
  };

  return (
    <Section headingId="user-roles-heading" title={t('users.roles.heading')}>
      {user.roles.length === 0 ? (
        <p>{t('users.roles.none')}</p>
      ) : (
        <DataTable caption={t('users.roles.caption', { name: user.displayName })}>
          <thead>
            <tr>
              <th scope="col">{t('users.field.role')}</th>
              <th scope="col">{t('users.field.unit')}</th>
              {canRevoke && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {user.roles.map((role) => (
              <tr key={role.id}>
                <td>{roleLabel(t, role.role)}</td>
                <td>{role.unitName}</td>
                {canRevoke && (
                  <td>
                    {mayRemove(role) && (
                      <button type="button" className="pkt-link-button rf-link-button" onClick={() => void revoke(role.id)}>
                        {t('users.roles.remove')}
                        <span className="pkt-sr-only">
                          {' '}
                          {t('users.roles.removeContext', { role: roleLabel(t, role.role), unit: role.unitName })}
                        </span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <StatusMessage>{status}</StatusMessage>
      {!canAssign && <ErrorSummary message={form.message} />}
      {canAssign && (
        <form className="rf-form rf-subform" onSubmit={(event) => void add(event)} noValidate>
          <h3 id="add-role-heading" className="rf-h3">
            {t('users.roles.newHeading')}
          </h3>
          <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
          <div className="rf-role-row">
            <SelectField
              id="add-role"
              label={t('users.field.role')}
              value={values.role}
              onChange={(event) => setValues({ ...values, role: event.target.value })}
              error={form.errors.role}
            >
              <option value="">{t('users.field.chooseRole')}</option>
              <RoleOptions />
            </SelectField>
            <SelectField
              id="add-role-unit"
              label={t('users.field.unit')}
              value={values.unitId}
              onChange={(event) => setValues({ ...values, unitId: event.target.value })}
              error={form.errors.unitId}
            >
              <option value="">{t('users.field.chooseUnit')}</option>
              {index && <UnitOptions index={index} {...(allowed ? { allowed } : {})} />}
            </SelectField>
          </div>
          <PktButton type="submit" skin="secondary" variant="icon-left" iconName="plus-sign" disabled={form.busy}>
            {t('users.roles.add')}
          </PktButton>
        </form>
      )}
    </Section>
  );
}

/** The header of a column of buttons: named for screen readers, empty to the eye. */
function ActionsHeader() {
  const { t } = useI18n();
  return (
    <th scope="col">
      <span className="pkt-sr-only">{t('common.actions')}</span>
    </th>
  );
}

function SessionsSection({ user, sessions }: { user: UserSummary; sessions: Loaded<SessionList> }) {
  const { t, tp } = useI18n();
  const action = useAction();
  const canRevoke = user.actions.includes('session.revoke');
  // Whatever the answer, the list is fetched again: it shows what is true now.
  const run = (revoke: () => Promise<string>) => action.run(revoke).finally(sessions.reload);

  const list = sessions.data?.sessions ?? [];
  return (
    <Section headingId="user-sessions-heading" title={t('users.sessions.heading')}>
      <p>{t('users.sessions.lead')}</p>
      {sessions.loading && !sessions.data && <Loading />}
      {sessions.error && <LoadError message={sessions.error.message} onRetry={sessions.reload} />}
      {sessions.data && list.length === 0 && <p>{t('users.sessions.none')}</p>}
      {list.length > 0 && (
        <DataTable caption={t('users.sessions.caption', { name: user.displayName })}>
          <thead>
            <tr>
              <th scope="col">{t('users.sessions.started')}</th>
              <th scope="col">{t('users.sessions.lastSeen')}</th>
              <th scope="col">{t('users.sessions.expires')}</th>
              <th scope="col">{t('users.sessions.ip')}</th>
              <th scope="col">{t('users.sessions.browser')}</th>
              <th scope="col">{t('users.sessions.mfa')}</th>
              {canRevoke && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {list.map((session) => (
              <tr key={session.id}>
                <td id={`session-${session.id}`} className="rf-nowrap">
                  <time dateTime={isoDateTime(session.createdAt)}>{formatDateTime(session.createdAt)}</time>
                  {session.current && <span className="rf-block rf-muted">{t('users.sessions.current')}</span>}
                </td>
                <td className="rf-nowrap">
                  <time dateTime={isoDateTime(session.lastSeenAt)}>{formatDateTime(session.lastSeenAt)}</time>
                </td>
                <td className="rf-nowrap">
                  <time dateTime={isoDateTime(session.absoluteExpiresAt)}>{formatDateTime(session.absoluteExpiresAt)}</time>
                </td>
                <td>{session.ip ?? '–'}</td>
                <td className="rf-user-agent">{session.userAgent ?? '–'}</td>
                <td>{session.mfa ? t('common.yes') : t('common.no')}</td>
                {canRevoke && (
                  <td>
                    {!session.current && (
                      <button
                        type="button"
                        className="pkt-link-button rf-link-button"
                        aria-describedby={`session-${session.id}`}
                        onClick={() =>
                          void run(async () => {
                            await api.delete(`/api/admin/sessions/${session.id}`);
                            return t('users.sessions.revoked');
                          })
                        }
                      >
                        {t('users.sessions.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {canRevoke && list.some((session) => !session.current) && (
        <PktButton
          type="button"
          skin="secondary"
          onClick={() =>
            void run(async () => {
              const answer = await api.delete<RevokeSessionsResponse>(`/api/admin/users/${user.id}/sessions`);
              return tp('users.sessions.revokedAll', answer.revoked);
            })
          }
        >
          {t('users.sessions.revokeAll')}
        </PktButton>
      )}
      <StatusMessage>{action.status}</StatusMessage>
      <ErrorSummary message={action.message} />
    </Section>
  );
}

function SecuritySection({
  user,
  onUpdated,
  onSessionsChanged,
}: {
  user: UserSummary;
  onUpdated: Update;
  onSessionsChanged: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const action = useAction();
  const isSelf = me.user.id === user.id;
  // Resetting one's own second factor or password here would end one's own session: that is
  // done on "Min profil" instead.
  const canResetTotp = user.actions.includes('user.resetTotp') && !isSelf;
  const canSetPassword = user.actions.includes('user.resetPassword') && !isSelf;
  const canToggle = user.actions.includes('user.update') && !isSelf;
  if (isSelf) {
    return (
      <Section headingId="user-security-heading" title={t('users.security.heading')}>
        <p>
          {t('users.security.selfText')} <Link to="/profil">{t('nav.profile')}</Link>
        </p>
      </Section>
    );
  }
  if (!canResetTotp && !canSetPassword && !canToggle) return null;

  // Resets and deactivation end the user's sessions on the server: the list above is fetched again.
  const run = (change: () => Promise<string>) =>
    action.run(async () => {
      const text = await change();
      onSessionsChanged();
      return text;
    });

  return (
    <Section headingId="user-security-heading" title={t('users.security.heading')}>
      <StatusMessage>{action.status}</StatusMessage>
      <ErrorSummary message={action.message} />

      {canResetTotp && (
        <div className="rf-action-block">
          <h3 className="rf-h3">{t('users.security.totpHeading')}</h3>
          <p>{user.totpEnrolled ? t('users.security.totpEnrolledText') : t('users.security.totpNotEnrolledText')}</p>
          <PktButton
            type="button"
            skin="secondary"
            disabled={action.busy}
            onClick={() =>
              void run(async () => {
                onUpdated(await api.post<UserSummary>(`/api/admin/users/${user.id}/totp-reset`));
                return t('users.security.totpReset');
              })
            }
          >
            {t('users.security.resetTotp')}
          </PktButton>
        </div>
      )}

      {canSetPassword && <SetPasswordForm user={user} onDone={onSessionsChanged} />}

      {canToggle && (
        <div className="rf-action-block">
          <h3 className="rf-h3">{t('users.security.accessHeading')}</h3>
          <p>{user.active ? t('users.security.deactivateText') : t('users.security.activateText')}</p>
          <PktButton
            type="button"
            skin="secondary"
            color={user.active ? 'red-outline' : undefined}
            disabled={action.busy}
            onClick={() =>
              void run(async () => {
                const updated = await api.patch<UserSummary>(`/api/admin/users/${user.id}`, { active: !user.active });
                onUpdated(updated);
                return updated.active ? t('users.security.activated') : t('users.security.deactivated');
              })
            }
          >
            {user.active ? t('users.security.deactivate') : t('users.security.activate')}
          </PktButton>
        </div>
      )}
    </Section>
  );
}

function SetPasswordForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const form = useFormSubmit(['password']);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const problem = checkPassword(password, user.username);
    if (problem) {
      form.showErrors({ password: passwordMessage(t, problem) });
      return;
    }
    await form.send(
      async () => {
        await api.post(`/api/admin/users/${user.id}/password`, { password });
        setPassword('');
        setStatus(t('users.security.passwordSet'));
        onDone();
      },
      (failure) => {
        // Only the password is a field here: any other problem is told in the failure's own words.
        const fieldMessage = errorsFromApi(failure).password;
        form.setErrors({ password: fieldMessage });
        form.setMessage(fieldMessage ? t('form.fixErrors') : errorMessage(failure, t));
        if (failure instanceof ApiError && failure.status === 401) setPassword('');
      },
    );
  };

  return (
    <form className="rf-form rf-action-block" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="set-password-heading" className="rf-h3">
        {t('users.security.passwordHeading')}
      </h3>
      <p>{t('users.security.passwordText')}</p>
      <ErrorSummary
        message={form.message}
        items={summaryItems(form.errors, [{ path: 'password', id: 'set-password', label: t('users.security.newPassword') }])}
      />
      <TextField
        id="set-password"
        type="password"
        label={t('users.security.newPassword')}
        hint={t('users.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoComplete="new-password"
        error={form.errors.password}
      />
      <StatusMessage>{status}</StatusMessage>
      <PktButton type="submit" skin="secondary" disabled={form.busy}>
        {t('users.security.setPassword')}
      </PktButton>
    </form>
  );
}
