import { useState, type FormEvent } from 'react';
import { TotpRequest, type LoginResponse, type TotpEnrolmentResponse } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, ApiError } from '../../app/api';
import { ErrorSummary, TextField, errorMessage, useFormSubmit, validateWith } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { NotLoaded } from '../../app/page';
import { useApiData } from '../../app/useApi';

/**
 * Enrolment of an authenticator app: QR code (as an image, never injected markup), the secret as
 * text for those who cannot scan, and the first code to prove it works. Used in the login flow
 * and on the profile page. `onDone` gets the new CSRF token (the session is replaced).
 */
export function TotpEnrolmentForm({
  onDone,
  onSessionLost,
  headingLevel,
}: {
  onDone: (csrfToken: string) => Promise<unknown>;
  onSessionLost?: (message: string) => void;
  headingLevel: 2 | 3;
}) {
  const { t } = useI18n();
  const enrolment = useApiData<TotpEnrolmentResponse>('/api/auth/totp/enrolment');
  const [code, setCode] = useState('');
  const form = useFormSubmit(['code']);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (enrolment.error || !enrolment.data) {
    return <NotLoaded loading={enrolment.loading && !enrolment.data} error={enrolment.error} onRetry={enrolment.reload} />;
  }
  const { secret, qrSvg, otpauthUri } = enrolment.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.showErrors(validateWith(TotpRequest, { code }, t))) return;
    form.setMessage(null);
    await form.send(
      async () => {
        const answer = await api.post<LoginResponse>('/api/auth/totp/enrolment', { code: code.trim() }, { public: true });
        await onDone(answer.csrfToken);
      },
      (error) => {
        if (error instanceof ApiError && error.status === 401 && onSessionLost) {
          onSessionLost(error.message);
          return;
        }
        const text = errorMessage(error, t);
        form.setMessage(text);
        form.setErrors(error instanceof ApiError && error.code === 'totp_invalid' ? { code: text } : {});
      },
    );
  };

  return (
    <div className="rf-enrolment">
      <ol className="rf-steps">
        <li>
          <Heading className="rf-h3">{t('totp.enrol.step1.title')}</Heading>
          <p>{t('totp.enrol.step1.text')}</p>
        </li>
        <li>
          <Heading className="rf-h3">{t('totp.enrol.step2.title')}</Heading>
          <p>{t('totp.enrol.step2.text')}</p>
          <img
            className="rf-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
            alt={t('totp.enrol.qrAlt')}
            width="200"
            height="200"
          />
          <p>
            {t('totp.enrol.secretIntro')}{' '}
            <code className="rf-secret" data-testid="totp-secret">
              {secret}
            </code>
          </p>
          <p>
            <a href={otpauthUri}>{t('totp.enrol.openApp')}</a>
          </p>
        </li>
        <li>
          <Heading className="rf-h3">{t('totp.enrol.step3.title')}</Heading>
          <form onSubmit={(event) => void submit(event)} noValidate className="rf-form">
            <ErrorSummary message={form.message} />
            <TotpCodeField id="enrol-code" value={code} onChange={setCode} error={form.errors.code} />
            <PktButton type="submit" skin="primary" disabled={form.busy}>
              {t('totp.enrol.submit')}
            </PktButton>
          </form>
        </li>
      </ol>
    </div>
  );
}

/** The six digits from the authenticator app, in the login's code step and in enrolment: a numeric keyboard, and autofill. */
export function TotpCodeField({
  id,
  value,
  onChange,
  error,
  autoFocus,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      name="code"
      label={t('totp.code')}
      hint={t('totp.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      size={8}
      autoFocus={autoFocus}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}
