import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { currentTotpCode } from '../../platform/totp.js';
import { browser } from '../../test/api.js';
import { buildOrgTree, buildUser, cookiesFrom, sessionFor } from '../../test/factories.js';
import { describeEachEngine } from '../../test/harness.js';

describeEachEngine('auth', (get) => {
  async function setup(options: { totp?: boolean; role?: 'caseworker' | 'analyst' } = {}) {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const user = await buildUser(h.db, {
      home: tree.unitA,
      roles: [{ role: options.role ?? 'caseworker', unit: tree.unitA }],
      totp: options.totp ?? true,
    });
    return { h, tree, user };
  }

  it('answers 401 on /api/me without a session', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('refuses a login without the CSRF token', async () => {
    const { h, user } = await setup();
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
  });

  it('logs in with password and TOTP, with a new session id after each step', async () => {
    const { h, user, tree } = await setup();
    const b = browser(h);
    const step1 = await b.login(user.username, user.password);
    expect(step1.status).toBe(200);
    expect(step1.body.step).toBe('totp');
    const pendingCookie = b.cookie;
    // After a reload the web app asks where the login stands.
    expect((await b.get('/api/auth/session')).body).toEqual({ step: 'totp' });
    expect(pendingCookie).toMatch(/rusfag_session=/);
    // A password alone opens nothing.
    expect((await b.get('/api/me')).status).toBe(401);

    const wrong = await b.post('/api/auth/totp', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('totp_invalid');

    const ok = await b.post('/api/auth/totp', { code: currentTotpCode(user.totpSecret!) });
    expect(ok.status).toBe(200);
    expect(ok.body.step).toBe('done');
    expect(b.cookie).not.toBe(pendingCookie);

    expect((await b.get('/api/auth/session')).body).toEqual({ step: 'done' });
    const me = await b.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe(user.username);
    expect(me.body.user.homeUnit).toEqual({ id: user.home.id, name: user.home.name, districtName: tree.districtA.name });
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'caseworker', unitId: user.home.id })]);
    expect(me.body.permissions).toContain('self.read');
    expect(me.body.permissions).not.toContain('user.list');
    expect(me.body.csrfToken).toBe(ok.body.csrfToken);

    const events = await h.db.selectFrom('audit_event').select(['action', 'outcome']).where('resource_id', '=', user.id).orderBy('id').execute();
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(['auth.login:success', 'auth.totp:failure', 'auth.totp:success']);
  });

  it('never accepts the same TOTP code twice', async () => {
    const { h, user } = await setup();
    const code = currentTotpCode(user.totpSecret!);
    const first = browser(h);
    await first.login(user.username, user.password);
    expect((await first.post('/api/auth/totp', { code })).status).toBe(200);
    const second = browser(h);
    await second.login(user.username, user.password);
    const replay = await second.post('/api/auth/totp', { code });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('totp_invalid');
  });

  it('makes a caseworker without TOTP enrol an authenticator before anything else', async () => {
    const { h, user } = await setup({ totp: false });
    const b = browser(h);
    const step1 = await b.login(user.username, user.password);
    expect(step1.body.step).toBe('totp_enrolment');
    const enrolment = await b.get('/api/auth/totp/enrolment');
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.body.qrSvg).toMatch(/^<svg/);
    // Showing the enrolment again keeps the same secret (a reload must not invalidate the scanned code).
    expect((await b.get('/api/auth/totp/enrolment')).body.secret).toBe(enrolment.body.secret);
    const done = await b.post('/api/auth/totp/enrolment', { code: currentTotpCode(enrolment.body.secret) });
    expect(done.status).toBe(200);
    expect((await b.get('/api/me')).body.user.totpEnrolled).toBe(true);
  });

  it('lets a role without client data log in with a password alone when no TOTP is set up', async () => {
    const { h, user } = await setup({ totp: false, role: 'analyst' });
    const b = browser(h);
    expect((await b.login(user.username, user.password)).body.step).toBe('done');
    expect((await b.get('/api/me')).status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike, and logs both', async () => {
    const { h, user } = await setup();
    const wrong = await browser(h).login(user.username, 'feil passord som er langt');
    const unknown = await browser(h).login('finnes.ikke', 'feil passord som er langt');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe('Feil brukernavn eller passord.');
    const failures = await h.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'details'])
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failure')
      .execute();
    const names = failures.map((f) => (f.details as { username: string }).username);
    expect(names).toEqual(expect.arrayContaining([user.username, 'finnes.ikke']));
  });

  it('locks a username for one address after repeated failures, not for other addresses, and only for a while', async () => {
    const { h, user } = await setup();
    const attacker = browser(h, '10.6.6.6');
    for (let i = 0; i < h.config.loginMaxFailures - 1; i++) {
      expect((await attacker.login(user.username, `gjetning nummer ${i} lang`)).status).toBe(401);
    }
    const locking = await attacker.login(user.username, 'siste gjetning som er lang');
    expect(locking.status).toBe(429);
    expect(locking.body.error.code).toBe('account_locked');
    expect(locking.headers['retry-after']).toBe(String(h.config.loginLockoutSeconds));
    // Even the right password is refused from that address while the lock lasts…
    expect((await attacker.login(user.username, user.password)).status).toBe(429);
    // …but the real user, elsewhere, gets in.
    expect((await browser(h, '10.1.2.3').login(user.username, user.password)).body.step).toBe('totp');
    // When the lock has run out, the address may try again.
    await h.db.updateTable('login_attempt').set({ locked_until: new Date(Date.now() - 1000) }).where('username', '=', user.username).execute();
    expect((await attacker.login(user.username, user.password)).status).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const { h, user } = await setup();
    const idle = await sessionFor(h, user);
    const absolute = await sessionFor(h, user);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: idle.headers })).statusCode).toBe(200);
    await h.db
      .updateTable('user_session')
      .set({ last_seen_at: sql`now() - make_interval(secs => ${h.config.sessionIdleSeconds + 5})` })
      .where('id', '=', idle.sessionId)
      .execute();
    await h.db
      .updateTable('user_session')
      .set({ absolute_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', absolute.sessionId)
      .execute();
    // last_seen_at is not a change other servers are told about; a server's cached copy lives
    // SESSION_CACHE_SECONDS at most. Skip that wait here.
    h.app.rusfag.sessionCache.clear();
    for (const session of [idle, absolute]) {
      const res = await h.app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('session_expired');
      expect(String(res.headers['set-cookie'])).toMatch(/rusfag_session=;/);
    }
  });

  it('sets the session cookie HttpOnly and SameSite, Secure with the __Host- prefix behind https', async () => {
    const { h, user } = await setup();
    const res = await browser(h).login(user.username, user.password);
    const setCookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('rusfag_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it('logs out: the session is revoked and the cookie removed', async () => {
    const { h, user } = await setup();
    const session = await sessionFor(h, user);
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(401);
    const row = await h.db.selectFrom('user_session').select('revoked_reason').where('id', '=', session.sessionId).executeTakeFirstOrThrow();
    expect(row.revoked_reason).toBe('logout');
  });

  it('changes the password after checking the current one and the policy, and ends the other sessions', async () => {
    const { h, user } = await setup();
    const current = await sessionFor(h, user);
    const other = await sessionFor(h, user);
    const change = (payload: object) =>
      h.app.inject({ method: 'POST', url: '/api/me/password', headers: current.headers, payload });
    const wrongCurrent = await change({ currentPassword: 'ikke mitt passord', newPassword: 'et helt nytt langt passord' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.details).toEqual([{ path: 'currentPassword', message: 'Det nåværende passordet er feil.' }]);
    const tooShort = await change({ currentPassword: user.password, newPassword: 'kort' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details[0].path).toBe('newPassword');
    expect((await change({ currentPassword: user.password, newPassword: 'et helt nytt langt passord' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: current.headers })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: other.headers })).statusCode).toBe(401);
  });

  it('gives a working CSRF token to a browser whose session has expired', async () => {
    const { h, user } = await setup();
    const b = browser(h);
    await b.login(user.username, user.password);
    // The pending session dies (idle); the browser still sends its cookie.
    await h.db.updateTable('user_session').set({ absolute_expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    h.app.rusfag.sessionCache.clear();
    const csrf = await b.get('/api/auth/csrf');
    expect(String(csrf.headers['set-cookie'])).toMatch(/rusfag_session=;/);
    const again = await b.post('/api/auth/login', { username: user.username, password: user.password });
    expect(again.status).toBe(200);
    expect(again.body.step).toBe('totp');
  });

  it('tells a missing field from a field of the wrong type', async () => {
    const h = get();
    const b = browser(h);
    await b.get('/api/auth/csrf');
    const res = await b.post('/api/auth/login', { username: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'username', message: 'Feltet har feil type (forventet string).' },
      { path: 'password', message: 'Feltet må fylles ut.' },
    ]);
  });

  it('answers in English when asked to', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'en-GB,en;q=0.9,nb;q=0.5' } });
    expect(res.json().error.message).toBe('You must log in to do this.');
  });
});

describeEachEngine(
  'auth behind https',
  (get) => {
    it('uses the __Host- prefix and Secure', async () => {
      const h = get();
      const tree = await buildOrgTree(h.db);
      const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
      const csrf = await h.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      const cookie = cookiesFrom(csrf.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-rusfag_pre=/);
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie, 'x-csrf-token': csrf.json().csrfToken },
        payload: { username: user.username, password: user.password },
      });
      const setCookie = [res.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('__Host-rusfag_session='));
      expect(setCookie).toMatch(/Secure/);
      expect(setCookie).toMatch(/HttpOnly/);
    });
  },
  { secureCookies: true, baseUrl: 'https://rusfag.example' },
);

