import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, checkPassword } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api } from '../../app/api';
import { useAuth, useMe } from '../../app/auth';
import { ErrorSummary, StatusMessage, TextField, errorsFromApi, formMessage, summaryItems, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Page } from '../../app/page';
import { TotpEnrolmentForm } from '../auth/TotpEnrolmentForm';
import { passwordMessage, roleLabel } from '../users/roles';

export function ProfilePage() {
  const { t } = useI18n();
  const me = useMe();
  const home = me.user.homeUnit;
  return (
    <Page title={t('profile.title')}>
      <section aria-labelledby="profile-about-heading" className="rf-section">
        <h2 id="profile-about-heading" className="rf-h2">
          {t('profile.about')}
        </h2>
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
      </section>
      <ChangePasswordSection />
      <TotpSection />
    </Page>
  );
}

function ChangePasswordSection() {
  const { t } = useI18n();
  const me = useMe();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/me/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setErrors({});
      setMessage(null);
      setStatus(t('profile.password.changed'));
    } catch (error) {
      setErrors(errorsFromApi(error));
      setMessage(formMessage(error, t, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="profile-password-heading" className="rf-section">
      <h2 id="profile-password-heading" className="rf-h2">
        {t('profile.password.heading')}
      </h2>
      <p>{t('profile.password.lead', { min: PASSWORD_MIN_LENGTH })}</p>
      <form className="rf-form rf-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={message} items={summaryItems(errors, fields)} />
        {/* The username helps password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
        <TextField
          id="pw-current"
          type="password"
          label={t('profile.password.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
          error={errors.currentPassword}
        />
        <TextField
          id="pw-new"
          type="password"
          label={t('profile.password.new')}
          hint={t('users.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
          error={errors.newPassword}
        />
        <TextField
          id="pw-repeat"
          type="password"
          label={t('profile.password.repeat')}
          autoComplete="new-password"
          value={values.repeat}
          onChange={(event) => setValues({ ...values, repeat: event.target.value })}
          error={errors.repeat}
        />
        <StatusMessage>{status}</StatusMessage>
        <PktButton type="submit" skin="primary" disabled={busy}>
          {t('profile.password.submit')}
        </PktButton>
      </form>
    </section>
  );
}

function TotpSection() {
  const { t } = useI18n();
  const me = useMe();
  const { completeLogin } = useAuth();
  const [enrolling, setEnrolling] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section aria-labelledby="profile-totp-heading" className="rf-section">
      <h2 id="profile-totp-heading" className="rf-h2">
        {t('profile.totp.heading')}
      </h2>
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
    </section>
  );
}
