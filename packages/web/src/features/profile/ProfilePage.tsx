import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, checkPassword } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api } from '../../app/api';
import { useAuth, useMe } from '../../app/auth';
import { ErrorSummary, StatusMessage, TextField, summaryItems, useFormSubmit, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Page, Section } from '../../app/page';
import { TotpEnrolmentForm } from '../auth/TotpEnrolmentForm';
import { passwordMessage, roleLabel } from '../users/roles';

export function ProfilePage() {
  const { t } = useI18n();
  const me = useMe();
  const home = me.user.homeUnit;
  return (
    <Page title={t('profile.title')}>
      <Section headingId="profile-about-heading" title={t('profile.about')}>
        <dl className="rf-dl">
          <div>
            <dt>{t('users.field.displayName')}</dt>
            <dd>{me.user.displayName}</dd>
          </div>
          <div>
            <dt>{t('users.field.username')}</dt>
            <dd>
              <code className="rf-code">{me.user.username}</code>
            </dd>
          </div>
          <div>
            <dt>{t('users.field.homeUnit')}</dt>
            <dd>{home.districtName && home.districtName !== home.name ? `${home.name}, ${home.districtName}` : home.name}</dd>
          </div>
          <div>
            <dt>{t('profile.roles')}</dt>
            <dd>
              {me.roles.length === 0 ? (
                t('users.roles.none')
              ) : (
                <ul className="rf-plain-list">
                  {me.roles.map((role) => (
                    <li key={`${role.role}-${role.unitId}`}>{t('profile.roleAt', { role: roleLabel(t, role.role), unit: role.unitName })}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </Section>
      <ChangePasswordSection />
      <TotpSection />
    </Page>
  );
}

function ChangePasswordSection() {
  const { t } = useI18n();
  const me = useMe();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const form = useFormSubmit(['currentPassword', 'newPassword']);
  const [status, setStatus] = useState<string | null>(null);
  const fields = [
    { path: 'currentPassword', id: 'pw-current', label: t('profile.password.current') },
    { path: 'newPassword', id: 'pw-new', label: t('profile.password.new') },
    { path: 'repeat', id: 'pw-repeat', label: t('profile.password.repeat') },
  ];

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!values.currentPassword) found.currentPassword = t('field.required');
    const problem = checkPassword(values.newPassword, me.user.username);
    if (!values.newPassword) found.newPassword = t('field.required');
    else if (problem) found.newPassword = passwordMessage(t, problem);
    else if (values.newPassword === values.currentPassword) found.newPassword = t('profile.password.same');
    if (!values.repeat) found.repeat = t('field.required');
    else if (values.repeat !== values.newPassword) found.repeat = t('profile.password.mismatch');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (form.showErrors(validate())) return;
    await form.send(async () => {
      await api.post('/api/me/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setStatus(t('profile.password.changed'));
    });
  };

  return (
    <Section headingId="profile-password-heading" title={t('profile.password.heading')}>
      <p>{t('profile.password.lead', { min: PASSWORD_MIN_LENGTH })}</p>
      <form className="rf-form rf-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
        {/* The username helps password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
        <TextField
          id="pw-current"
          type="password"
          label={t('profile.password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
          error={form.errors.currentPassword}
        />
        <TextField
          id="pw-new"
          type="password"
          label={t('profile.password.new')}
          hint={t('users.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
          error={form.errors.newPassword}
        />
        <TextField
          id="pw-repeat"
          type="password"
          label={t('profile.password.repeat')}
          autoComplete="new-password"
          value={values.repeat}
          onChange={(event) => setValues({ ...values, repeat: event.target.value })}
          error={form.errors.repeat}
        />
        <StatusMessage>{status}</StatusMessage>
        <PktButton type="submit" skin="primary" disabled={form.busy}>
          {t('profile.password.submit')}
        </PktButton>
      </form>
    </Section>
  );
}

function TotpSection() {
  const { t } = useI18n();
  const me = useMe();
  const { completeLogin } = useAuth();
  const [enrolling, setEnrolling] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <Section headingId="profile-totp-heading" title={t('profile.totp.heading')}>
      <StatusMessage>{status}</StatusMessage>
      {me.user.totpEnrolled ? (
        <p>{t('profile.totp.enrolled')}</p>
      ) : enrolling ? (
        <TotpEnrolmentForm
          headingLevel={3}
          onDone={async (csrfToken) => {
            await completeLogin(csrfToken);
            setEnrolling(false);
            setStatus(t('profile.totp.done'));
          }}
        />
      ) : (
        <>
          <p>{t('profile.totp.notEnrolled')}</p>
          <PktButton type="button" skin="secondary" onClick={() => setEnrolling(true)}>
            {t('profile.totp.start')}
          </PktButton>
        </>
      )}
    </Section>
  );
}
