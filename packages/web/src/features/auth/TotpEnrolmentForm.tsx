import { useState, type FormEvent } from 'react';
import { TotpRequest, type LoginResponse, type TotpEnrolmentResponse } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, ApiError } from '../../app/api';
import { ErrorSummary, TextField, validateWith, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { LoadError, Loading } from '../../app/page';
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  if (enrolment.loading && !enrolment.data) return <Loading />;
  if (enrolment.error || !enrolment.data) {
    return <LoadError message={enrolment.error?.message ?? t('error.unexpected')} onRetry={enrolment.reload} />;
  }
  const { secret, qrSvg, otpauthUri } = enrolment.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(TotpRequest, { code }, t);
    setErrors(found);
    setMessage(found.code ? t('form.fixErrors') : null);
    if (found.code) return;
    setBusy(true);
    try {
      const answer = await api.post<LoginResponse>('/api/auth/totp/enrolment', { code: code.trim() }, { public: true });
      await onDone(answer.csrfToken);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && onSessionLost) {
        onSessionLost(error.message);
        return;
      }
      const text = error instanceof Error ? error.message : t('error.unexpected');
      setMessage(text);
      setErrors(error instanceof ApiError && error.code === 'totp_invalid' ? { code: text } : {});
    } finally {
      setBusy(false);
    }
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
            <ErrorSummary message={message} />
            <TextField
              id="enrol-code"
              name="code"
              label={t('totp.code')}
              hint={t('totp.codeHint')}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              size={8}
              error={errors.code}
            />
            <PktButton type="submit" skin="primary" disabled={busy}>
              {t('totp.enrol.submit')}
            </PktButton>
          </form>
        </li>
      </ol>
    </div>
  );
}
