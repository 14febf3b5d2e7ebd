import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { CreateUserRequest, PASSWORD_MIN_LENGTH, checkPassword, type UserSummary } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useDraft } from '../../app/drafts';
import {
  ErrorSummary,
  FormActions,
  SelectField,
  StatusMessage,
  TextField,
  errorsFromApi,
  formMessage,
  summaryItems,
  useFormSubmit,
  validateWith,
  type FieldErrors,
} from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { NotLoaded, Page } from '../../app/page';
import { UnitOptions } from '../organizations/UnitOptions';
import { scopeOfRole, useOrgUnits } from '../organizations/units';
import { RoleOptions } from './RoleOptions';
import { passwordMessage } from './roles';

interface RoleRow {
  role: string;
  unitId: string;
}

interface Draft {
  username: string;
  displayName: string;
  email: string;
  homeUnitId: string;
  roles: RoleRow[];
}

const EMPTY: Draft = { username: '', displayName: '', email: '', homeUnitId: '', roles: [{ role: '', unitId: '' }] };

export function NewUserPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const units = useOrgUnits();
  const [draft, setDraft, { restored, discard }] = useDraft<Draft>('new-user', EMPTY);
  // The password is never written to the draft store.
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);

  const allowed = useMemo(() => (units.index ? scopeOfRole(units.index, me, 'admin') : undefined), [units.index, me]);

  // Rows left completely empty are not roles; the rest keep their index for error messages.
  const filledRows = draft.roles.map((row, index) => ({ row, index })).filter(({ row }) => row.role || row.unitId);

  const fields = [
    { path: 'username', id: 'new-username', label: t('users.field.username') },
    { path: 'displayName', id: 'new-displayName', label: t('users.field.displayName') },
    { path: 'email', id: 'new-email', label: t('users.field.email') },
    { path: 'homeUnitId', id: 'new-homeUnitId', label: t('users.field.homeUnit') },
    { path: 'password', id: 'new-password', label: t('users.field.password') },
    ...draft.roles.flatMap((_, index) => [
      { path: `roles.${index}.role`, id: `new-role-${index}`, label: `${t('users.field.role')} ${index + 1}` },
      { path: `roles.${index}.unitId`, id: `new-role-unit-${index}`, label: `${t('users.field.unit')} ${index + 1}` },
    ]),
  ];
  const fieldPaths = [...fields.map((field) => field.path), ...filledRows.flatMap((_, k) => [`roles.${k}.role`, `roles.${k}.unitId`])];
  const form = useFormSubmit(fieldPaths);

  const request = () => ({
    username: draft.username.trim(),
    displayName: draft.displayName.trim(),
    ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    homeUnitId: draft.homeUnitId,
    password,
    roles: filledRows.map(({ row }) => ({ role: row.role, unitId: row.unitId })),
  });

  /** Maps "roles.<k>.x" (k among filled rows) to "roles.<row>.x" (the row on screen). */
  const toScreenPaths = (found: FieldErrors): FieldErrors => {
    const result: FieldErrors = {};
    for (const [path, text] of Object.entries(found)) {
      const match = /^roles\.(\d+)(\.(role|unitId))?$/.exec(path);
      if (match) {
        const row = filledRows[Number(match[1])];
        result[`roles.${row?.index ?? 0}.${match[3] ?? 'role'}`] = text;
      } else {
        result[path] = text;
      }
    }
    return result;
  };

  const validate = (): FieldErrors => {
    const found = toScreenPaths(validateWith(CreateUserRequest, request(), t));
    if (!found.password) {
      const problem = checkPassword(password, draft.username.trim());
      if (problem) found.password = passwordMessage(t, problem);
    }
    return found;
  };

  const update = (change: Partial<Draft>) => {
    setDraft((previous) => ({ ...previous, ...change }));
  };

  // After a first attempt, errors follow the typing (not the blur: a summary that shrinks on
  // blur would move the submit button away from under the pointer).
  const fixText = t('form.fixErrors');
  useEffect(() => {
    if (!attempted) return;
    const found = validate();
    form.setErrors(found);
    if (Object.keys(found).length === 0) form.setMessage((previous) => (previous === fixText ? null : previous));
    // validate() reads exactly these values.
  }, [attempted, draft, password]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (form.showErrors(validate())) return;
    form.setMessage(null);
    await form.send(
      async () => {
        const created = await api.post<UserSummary>('/api/admin/users', request());
        discard();
        void navigate(`/admin/brukere/${created.id}`, { state: { flash: t('users.created', { name: created.displayName }) } });
      },
      (error) => {
        // The server numbers role rows among the filled ones: its problems go to the rows on screen.
        form.setErrors(toScreenPaths(errorsFromApi(error)));
        form.setMessage(formMessage(error, t, fieldPaths));
      },
    );
  };

  const setRow = (index: number, change: Partial<RoleRow>) =>
    update({ roles: draft.roles.map((row, i) => (i === index ? { ...row, ...change } : row)) });

  if (units.error || !units.index) {
    return (
      <Page title={t('users.new.title')}>
        <NotLoaded loading={units.loading && !units.index} error={units.error} onRetry={units.reload} />
      </Page>
    );
  }
  const index = units.index;

  return (
    <Page title={t('users.new.title')} lead={<p>{t('users.new.lead')}</p>}>
      <p>
        <Link to="/admin/brukere">{t('users.backToList')}</Link>
      </p>
      {restored && (
        <StatusMessage>
          {t('draft.restored')}{' '}
          <button type="button" className="pkt-link-button rf-link-button" onClick={discard}>
            {t('draft.discard')}
          </button>
        </StatusMessage>
      )}
      <form className="rf-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
        <TextField
          id="new-username"
          name="username"
          label={t('users.field.username')}
          hint={t('users.field.usernameHint')}
          value={draft.username}
          onChange={(event) => update({ username: event.target.value })}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={form.errors.username}
        />
        <TextField
          id="new-displayName"
          name="displayName"
          label={t('users.field.displayName')}
          value={draft.displayName}
          onChange={(event) => update({ displayName: event.target.value })}
          autoComplete="off"
          error={form.errors.displayName}
        />
        <TextField
          id="new-email"
          name="email"
          type="email"
          label={t('users.field.email')}
          value={draft.email}
          onChange={(event) => update({ email: event.target.value })}
          autoComplete="off"
          optional
          error={form.errors.email}
        />
        <SelectField
          id="new-homeUnitId"
          name="homeUnitId"
          label={t('users.field.homeUnit')}
          hint={t('users.field.homeUnitHint')}
          value={draft.homeUnitId}
          onChange={(event) => update({ homeUnitId: event.target.value })}
          error={form.errors.homeUnitId}
        >
          <option value="">{t('users.field.chooseUnit')}</option>
          <UnitOptions index={index} {...(allowed ? { allowed } : {})} />
        </SelectField>
        <TextField
          id="new-password"
          name="password"
          type="password"
          label={t('users.field.password')}
          hint={t('users.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="new-password"
          error={form.errors.password}
        />

        <fieldset className="rf-fieldset">
          <legend className="rf-legend">{t('users.field.roles')}</legend>
          <p className="rf-hint">{t('users.field.rolesHint')}</p>
          {draft.roles.map((row, rowIndex) => (
            <div className="rf-role-row" key={rowIndex}>
              <SelectField
                id={`new-role-${rowIndex}`}
                label={t('users.field.role')}
                value={row.role}
                onChange={(event) => setRow(rowIndex, { role: event.target.value })}
                error={form.errors[`roles.${rowIndex}.role`]}
              >
                <option value="">{t('users.field.chooseRole')}</option>
                <RoleOptions />
              </SelectField>
              <SelectField
                id={`new-role-unit-${rowIndex}`}
                label={t('users.field.unit')}
                value={row.unitId}
                onChange={(event) => setRow(rowIndex, { unitId: event.target.value })}
                error={form.errors[`roles.${rowIndex}.unitId`]}
              >
                <option value="">{t('users.field.chooseUnit')}</option>
                <UnitOptions index={index} {...(allowed ? { allowed } : {})} />
              </SelectField>
              {draft.roles.length > 1 && (
                <button
                  type="button"
                  className="pkt-btn pkt-btn--tertiary pkt-btn--small rf-role-row__remove"
                  onClick={() => update({ roles: draft.roles.filter((_, i) => i !== rowIndex) })}
                >
                  <span className="pkt-btn__text">
                    {t('users.field.removeRow')}
                    <span className="pkt-sr-only"> {t('users.field.rowNumber', { n: rowIndex + 1 })}</span>
                  </span>
                </button>
              )}
            </div>
          ))}
          <PktButton
            type="button"
            skin="secondary"
            size="small"
            variant="icon-left"
            iconName="plus-sign"
            onClick={() => update({ roles: [...draft.roles, { role: '', unitId: '' }] })}
          >
            {t('users.field.addRow')}
          </PktButton>
        </fieldset>

        <FormActions submitLabel={t('users.new.submit')} busy={form.busy}>
          <Link to="/admin/brukere" className="pkt-btn pkt-btn--tertiary" onClick={discard}>
            <span className="pkt-btn__text">{t('common.cancel')}</span>
          </Link>
        </FormActions>
      </form>
    </Page>
  );
}
