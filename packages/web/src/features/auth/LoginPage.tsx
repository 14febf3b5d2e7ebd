import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { LoginRequest, TotpRequest, type LoginResponse, type LoginState, type LoginStep } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, ApiError, setCsrfToken } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorSummary, StatusMessage, TextField, errorsFromApi, summaryItems, validateWith, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Page, focusPageHeading } from '../../app/page';
import { TotpEnrolmentForm } from './TotpEnrolmentForm';

/** Only paths inside the app are followed after login (no open redirect). */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/logg-inn')) return '/';
  return value;
}

type Step = Exclude<LoginStep, 'done'>;

export function LoginPage() {
  const { state, completeLogin } = useAuth();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step | 'password'>('password');
  const [restartMessage, setRestartMessage] = useState<string | null>(null);
  const next = safeNext(params.get('neste'));
  const previousStep = useRef(step);

  // A new step is a new page without a new path: say so by moving focus to its heading.
  // (The code step focuses its input instead, the one thing to do there.)
  useEffect(() => {
    if (previousStep.current === step) return;
    previousStep.current = step;
    if (step !== 'totp') focusPageHeading();
  }, [step]);

  // After a reload in the middle of a login, carry on at the step the server is waiting for.
  useEffect(() => {
    if (state.status === 'authenticated') return;
    let cancelled = false;
    api
      .get<LoginState>('/api/auth/session', { public: true })
      .then((answer) => {
        if (!cancelled && (answer.step === 'totp' || answer.step === 'totp_enrolment')) setStep(answer.step);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // Only when the page opens.
  }, []);

  if (state.status === 'authenticated') return <Navigate to={next} replace />;

  const reason = state.status === 'anonymous' ? state.reason : 'none';
  const advance = async (answer: LoginResponse) => {
    setCsrfToken(answer.csrfToken);
    if (answer.step === 'done') await completeLogin(answer.csrfToken);
    else setStep(answer.step);
  };
  const restart = (message: string) => {
    setRestartMessage(message);
    setStep('password');
  };

  switch (step) {
    case 'password':
      return <PasswordStep reason={reason} restartMessage={restartMessage} onAnswer={advance} />;
    case 'totp':
      return <TotpStep onAnswer={advance} onRestart={restart} />;
    case 'totp_enrolment':
      return <EnrolmentStep onDone={(token) => advance({ step: 'done', csrfToken: token })} onRestart={restart} />;
  }
}

function PasswordStep({
  reason,
  restartMessage,
  onAnswer,
}: {
  reason: 'none' | 'expired' | 'loggedOut';
  restartMessage: string | null;
  onAnswer: (answer: LoginResponse) => Promise<void>;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({ username: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(restartMessage);
  const [busy, setBusy] = useState(false);
  const fields = [
    { path: 'username', id: 'login-username', label: t('login.username') },
    { path: 'password', id: 'login-password', label: t('login.password') },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(LoginRequest, values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await onAnswer(await api.post<LoginResponse>('/api/auth/login', values, { public: true }));
    } catch (error) {
      setErrors(errorsFromApi(error));
      setMessage(error instanceof Error ? error.message : t('error.unexpected'));
      setValues((previous) => ({ ...previous, password: '' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('login.title')}>
      {reason === 'expired' && <StatusMessage>{t('login.expired')}</StatusMessage>}
      {reason === 'loggedOut' && <StatusMessage>{t('login.loggedOut')}</StatusMessage>}
      <form className="rf-form rf-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={message} items={summaryItems(errors, fields)} />
        <TextField
          id="login-username"
          name="username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          onChange={(event) => setValues({ ...values, username: event.target.value })}
          error={errors.username}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
          error={errors.password}
        />
        <PktButton type="submit" skin="primary" disabled={busy}>
          {t('login.submit')}
        </PktButton>
      </form>
    </Page>
  );
}

function TotpStep({ onAnswer, onRestart }: { onAnswer: (answer: LoginResponse) => Promise<void>; onRestart: (message: string) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateWith(TotpRequest, { code }, t);
    setError(found.code);
    setMessage(found.code ? t('form.fixErrors') : null);
    if (found.code) return;
    setBusy(true);
    try {
      await onAnswer(await api.post<LoginResponse>('/api/auth/totp', { code: code.trim() }, { public: true }));
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : t('error.unexpected');
      // The password step must be redone when the half-finished login is gone or locked.
      if (failure instanceof ApiError && (failure.status === 401 || failure.status === 429)) {
        onRestart(text);
        return;
      }
      setMessage(text);
      setError(failure instanceof ApiError && failure.code === 'totp_invalid' ? text : undefined);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  // Drops the half-finished login (its cookie) and starts again.
  const cancel = () => {
    void api
      .post('/api/auth/logout', {}, { public: true })
      .catch(() => undefined)
      .finally(() => setCsrfToken(null));
    onRestart('');
  };

  return (
    <Page title={t('totp.title')} lead={<p>{t('totp.lead')}</p>}>
      <form className="rf-form rf-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={message} />
        <TextField
          id="totp-code"
          name="code"
          label={t('totp.code')}
          hint={t('totp.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          size={8}
          autoFocus
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={error}
        />
        <div className="rf-button-row">
          <PktButton type="submit" skin="primary" disabled={busy}>
            {t('totp.submit')}
          </PktButton>
          <PktButton type="button" skin="tertiary" onClick={cancel}>
            {t('totp.cancel')}
          </PktButton>
        </div>
      </form>
    </Page>
  );
}

function EnrolmentStep({ onDone, onRestart }: { onDone: (csrfToken: string) => Promise<void>; onRestart: (message: string) => void }) {
  const { t } = useI18n();
  return (
    <Page title={t('totp.enrol.title')} lead={<p>{t('totp.enrol.lead')}</p>}>
      <TotpEnrolmentForm headingLevel={2} onDone={onDone} onSessionLost={onRestart} />
    </Page>
  );
}
