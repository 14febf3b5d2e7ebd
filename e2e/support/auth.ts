import { appendFileSync, closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret } from '../../packages/server/src/demo/users.js';
import { e2eContext } from './context.js';
import { eventually } from './eventually.js';
import { expectH1, mainMenu } from './page.js';

export { DEMO_PASSWORD };

const TOTP_PERIOD_MS = 30_000;

function totpCode(username: string, step: number): string {
  return new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_MS / 1000,
    secret: OTPAuth.Secret.fromBase32(demoTotpSecret(username)),
  }).generate({ timestamp: step * TOTP_PERIOD_MS });
}

/**
 * The server accepts each user's TOTP code once per 30-second step (no replay) and tolerates one
 * step of clock drift. So a login claims a step for its user: the current step, else the next
 * one (valid now thanks to the drift window), else it waits for the next step to begin. Claims
 * are files created exclusively in a directory shared by all spec files of the run; the files
 * run one after another, so claimed steps reach the server in increasing order.
 */
async function claimTotpStep(username: string): Promise<number> {
  const ledger = e2eContext().loginLedgerDir;
  for (;;) {
    const current = Math.floor(Date.now() / TOTP_PERIOD_MS);
    for (const step of [current, current + 1]) {
      try {
        closeSync(openSync(path.join(ledger, `${username}.${step}`), 'wx'));
        return step;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const wait = (current + 1) * TOTP_PERIOD_MS - Date.now() + 100;
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
  }
}

/**
 * The server lets one address make 20 requests a minute to each login route (password step,
 * TOTP step, TOTP enrolment; packages/server/src/modules/auth/routes.ts). The whole run comes
 * from 127.0.0.1, so the logins of all spec files are paced to stay under that: before each
 * submission, the run waits (and says so) if the last minute already had 18 of them.
 */
const LOGIN_RATE_LIMIT = { max: 20, windowMs: 60_000, margin: 2 };

export async function paceLoginRequest(route: 'password' | 'totp' | 'totp-enrolment'): Promise<void> {
  const file = path.join(e2eContext().loginLedgerDir, `requests-${route}`);
  for (;;) {
    const now = Date.now();
    const recent = (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [])
      .filter(Boolean)
      .map(Number)
      .filter((time) => time > now - LOGIN_RATE_LIMIT.windowMs);
    if (recent.length < LOGIN_RATE_LIMIT.max - LOGIN_RATE_LIMIT.margin) {
      appendFileSync(file, `${now}\n`);
      return;
    }
    const wait = Math.min(...recent) + LOGIN_RATE_LIMIT.windowMs - now + 100;
    console.warn(`[e2e] Venter ${Math.ceil(wait / 1000)} s: serveren tar bare ${LOGIN_RATE_LIMIT.max} innlogginger i minuttet fra én adresse.`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A valid code for the user now, used up (claimed) by this call. */
export async function freshTotpCode(username: string): Promise<string> {
  return totpCode(username, await claimTotpStep(username));
}

/** A six-digit code that is certainly not valid for the user within the server's drift window. */
export function wrongTotpCode(username: string): string {
  const current = Math.floor(Date.now() / TOTP_PERIOD_MS);
  const valid = new Set([-2, -1, 0, 1, 2, 3].map((delta) => totpCode(username, current + delta)));
  for (let candidate = 123_456; ; candidate = (candidate + 111_111) % 1_000_000) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** The login page, as a person finds it: open the app while logged out. */
export async function openLoginPage(page: Page): Promise<void> {
  await page.goto('/');
  await expectH1(page, 'Logg inn');
}

/** Fills and submits the password step on the login page the browser is on. */
export async function submitPassword(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Brukernavn', { exact: true }).fill(username);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await paceLoginRequest('password');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
}

/**
 * Waits for the TOTP step after a correct password. Fails with the alert's text if the app shows
 * one instead (wrong password, locked account, rate limit …).
 */
export async function expectTotpStep(page: Page): Promise<void> {
  const totpHeading = page.getByRole('heading', { level: 1, name: 'Bekreft innloggingen', exact: true });
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await totpHeading.or(alert).first().waitFor();
  if (!(await totpHeading.isVisible())) {
    throw new Error(`Forventet TOTP-steget, men siden viste varselet: «${(await alert.first().innerText()).trim()}»`);
  }
}

/** Enters a fresh TOTP code and waits until the app shows its main menu (logged in). */
export async function submitTotp(page: Page, username: string): Promise<void> {
  // Paced before the code is made, so that a wait cannot make the code go stale.
  await paceLoginRequest('totp');
  await page.getByLabel('Engangskode', { exact: true }).fill(await freshTotpCode(username));
  await page.getByRole('button', { name: 'Bekreft', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await mainMenu(page).or(alert).first().waitFor();
  if (!(await mainMenu(page).isVisible())) {
    throw new Error(`Innloggingen ble ikke fullført; siden viste varselet: «${(await alert.first().innerText()).trim()}»`);
  }
}

/**
 * Logs in through the real UI: the login page, password, then the TOTP step with a code computed
 * from the demo user's deterministic secret. Ends on the page the app lands on after login.
 */
export async function loginAs(page: Page, username: string): Promise<void> {
  await openLoginPage(page);
  await completeLogin(page, username);
}

/** The login form is already showing (e.g. after a redirect): log in from there. */
export async function completeLogin(page: Page, username: string): Promise<void> {
  await submitPassword(page, username);
  await expectTotpStep(page);
  await submitTotp(page, username);
}

/** "Logg ut" in the header, and the app shows the login page again. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Logg ut', exact: true }).click();
  await expectH1(page, 'Logg inn');
  await eventually(
    () => mainMenu(page).count(),
    (menus) => expect(menus, 'hovedmenyen skal være borte etter utlogging').toBe(0),
  );
}
