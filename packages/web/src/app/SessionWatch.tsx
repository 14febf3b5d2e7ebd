import { useEffect, useRef, useState } from 'react';
import type { MeResponse } from '@rusfag/core';
import { onSessionActivity, serverClockOffset } from './api';
import { useAuth } from './auth';
import { formatTime } from './format';
import { useI18n } from './i18n';

/**
 * Warns two minutes before the session idles out, so nothing typed is lost to a silent logout.
 * The server extends the session on each call (writing last-seen at most once a minute), so
 * after a call at local time t the session lives at least until t + idle − 60 s. Other tabs
 * share their activity through localStorage.
 */
const WARN_BEFORE_MS = 2 * 60 * 1000;
const TOUCH_GRANULARITY_MS = 60 * 1000;
const SHARED_KEY = 'rusfag.session-expires-at';

function localTime(serverIso: string): number {
  return Date.parse(serverIso) - serverClockOffset();
}

export function SessionWatch({ me }: { me: MeResponse }) {
  const { refresh, expire, logout } = useAuth();
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const absoluteAt = localTime(me.session.absoluteExpiresAt);
  const idleMs = me.session.idleTimeoutSeconds * 1000;
  const [expiresAt, setExpiresAt] = useState(() => Math.min(localTime(me.session.idleExpiresAt), absoluteAt));
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  // A fresh /api/me (login, "stay logged in") tells the exact expiry.
  useEffect(() => {
    setExpiresAt(Math.min(localTime(me.session.idleExpiresAt), absoluteAt));
  }, [me.session.idleExpiresAt, absoluteAt]);

  useEffect(() => {
    const extend = (candidate: number) =>
      setExpiresAt((current) => Math.min(Math.max(current, candidate), absoluteAt));
    const offActivity = onSessionActivity((at) => {
      const candidate = at + idleMs - TOUCH_GRANULARITY_MS;
      extend(candidate);
      try {
        localStorage.setItem(SHARED_KEY, String(candidate));
      } catch {
        // No storage: this tab still tracks its own calls.
      }
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key === SHARED_KEY && event.newValue) extend(Number(event.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => {
      offActivity();
      window.removeEventListener('storage', onStorage);
    };
  }, [idleMs, absoluteAt]);

  useEffect(() => {
    const check = () => {
      const now = Date.now();
      if (now >= expiresAt) expire();
      else setOpen(now >= expiresAt - WARN_BEFORE_MS);
    };
    check();
    const timer = window.setInterval(check, 5000);
    return () => window.clearInterval(timer);
  }, [expiresAt, expire]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const absoluteLimit = expiresAt >= absoluteAt - 1000;

  const stay = async () => {
    setBusy(true);
    try {
      await refresh();
    } catch {
      // The dialog stays; the user can try again or log out.
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="rf-dialog"
      role="alertdialog"
      aria-labelledby="session-warning-title"
      aria-describedby="session-warning-text"
      onCancel={(event) => {
        // Escape means "I am here": the same as staying.
        event.preventDefault();
        if (!absoluteLimit) void stay();
      }}
    >
      <h2 id="session-warning-title" className="pkt-txt-24-medium">
        {t('session.warning.title')}
      </h2>
      <p id="session-warning-text">
        {absoluteLimit
          ? t('session.warning.absolute', { time: formatTime(new Date(expiresAt + serverClockOffset())) })
          : t('session.warning.idle', { time: formatTime(new Date(expiresAt + serverClockOffset())) })}
      </p>
      <div className="rf-button-row">
        {!absoluteLimit && (
          <button type="button" className="pkt-btn pkt-btn--primary" onClick={() => void stay()} disabled={busy} autoFocus>
            <span className="pkt-btn__text">{t('session.warning.stay')}</span>
          </button>
        )}
        <button type="button" className="pkt-btn pkt-btn--secondary" onClick={() => void logout()}>
          <span className="pkt-btn__text">{t('session.warning.logout')}</span>
        </button>
      </div>
    </dialog>
  );
}
