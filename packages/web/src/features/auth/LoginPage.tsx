import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { LoginRequest, TotpRequest, type LoginResponse, type LoginState, type LoginStep } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api, ApiError, setCsrfToken } from '../../app/api';
import { useAuth } from '../../app/auth';
import {
  ErrorSummary,
  FormActions,
  StatusMessage,
  TextField,
  errorMessage,
  errorsFromApi,
  summaryItems,
  useFormSubmit,
  validateWith,
} from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Page, focusPageHeading } from '../../app/page';
import { TotpCodeField, TotpEnrolmentForm } from './TotpEnrolmentForm';

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
  const form = useFormSubmit(['username', 'password'], restartMessage);
  const fields = [
    { path: 'username', id: 'login-username', label: t('login.username') },
    { path: 'password', id: 'login-password', label: t('login.password') },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.showErrors(validateWith(LoginRequest, values, t))) return;
    form.setMessage(null);
    await form.send(
      async () => onAnswer(await api.post<LoginResponse>('/api/auth/login', values, { public: true })),
      (error) => {
        // The server's own words ("Feil brukernavn eller passord."), and the password to type again.
        form.setErrors(errorsFromApi(error));
        form.setMessage(errorMessage(error, t));
        setValues((previous) => ({ ...previous, password: '' }));
      },
    );
  };

  return (
    <Page title={t('login.title')}>
      {reason === 'expired' && <StatusMessage>{t('login.expired')}</StatusMessage>}
      {reason === 'loggedOut' && <StatusMessage>{t('login.loggedOut')}</StatusMessage>}
      <form className="rf-form rf-form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
        <TextField
          id="login-username"
          name="username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          onChange={(event) => setValues({ ...values, username: event.target.value })}
          error={form.errors.username}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
          error={form.errors.password}
        />
        <PktButton type="submit" skin="primary" disabled={form.busy}>
          {t('login.submit')}
        </PktButton>
      </form>
    </Page>
  );
}

function TotpStep({ onAnswer, onRestart }: { onAnswer: (answer: LoginResponse) => Promise<void>; onRestart: (message: string) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const form = useFormSubmit(['code']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.showErrors(validateWith(TotpRequest, { code }, t))) return;
    form.setMessage(null);
    await form.send(
      async () => onAnswer(await api.post<LoginResponse>('/api/auth/totp', { code: code.trim() }, { public: true })),
      (failure) => {
        const text = errorMessage(failure, t);
        // The password step must be redone when the half-finished login is gone or locked.
        if (failure instanceof ApiError && (failure.status === 401 || failure.status === 429)) {
          onRestart(text);
          return;
        }
        form.setMessage(text);
        form.setErrors(failure instanceof ApiError && failure.code === 'totp_invalid' ? { code: text } : {});
        setCode('');
      },
    );
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
        <ErrorSummary message={form.message} />
        <TotpCodeField id="totp-code" autoFocus value={code} onChange={setCode} error={form.errors.code} />
        <FormActions submitLabel={t('totp.submit')} busy={form.busy} onCancel={cancel} cancelLabel={t('totp.cancel')} />
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
