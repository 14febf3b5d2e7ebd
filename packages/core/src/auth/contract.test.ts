import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangePasswordRequest, LoginRequest, TotpRequest, Username } from './contract.js';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';

const issuesOf = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('Username', () => {
  it.each([
    ['kari.nordmann', 'kari.nordmann'],
    ['  Kari.Nordmann  ', 'kari.nordmann'],
    ['OLA_N-1', 'ola_n-1'],
    ['a1b', 'a1b'],
    ['0.-_', '0.-_'],
    ['x'.repeat(64), 'x'.repeat(64)],
  ])('normalises %j to %j', (input, output) => {
    expect(Username.parse(input)).toBe(output);
  });

  it.each([
    ['kari nordmann', 'username_format'],
    ['kåre', 'username_format'],
    ['.kari', 'username_format'],
    ['-kari', 'username_format'],
    ['kari@oslo.kommune.no', 'username_format'],
    ['kari\tnordmann', 'username_format'],
  ])('refuses %j with the message code %s, so the server can translate it', (input, code) => {
    const result = Username.safeParse(input);
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toEqual([{ path: '', message: code }]);
  });

  it('refuses a username shorter than 3 or longer than 64 characters after trimming', () => {
    expect(Username.safeParse('ab').success).toBe(false);
    expect(Username.safeParse('  ab  ').success).toBe(false);
    expect(Username.safeParse('').success).toBe(false);
    expect(Username.safeParse('x'.repeat(65)).success).toBe(false);
    expect(Username.safeParse(42).success).toBe(false);
  });

  it('gives the same result for any casing and surrounding spaces', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,63}$/), fc.boolean(), (name, upper) => {
        const written = ` ${upper ? name.toUpperCase() : name}\t`;
        expect(Username.parse(written)).toBe(name);
      }),
    );
  });
});

describe('LoginRequest', () => {
  it('trims the username, keeps the password exactly as typed and drops unknown fields', () => {
    expect(LoginRequest.parse({ username: '  Kari.Nordmann ', password: '  mellomrom teller  ', remember: true })).toEqual({
      username: 'Kari.Nordmann',
      password: '  mellomrom teller  ',
    });
  });

  it('requires both fields, and caps the password at the policy maximum', () => {
    expect(issuesOf(LoginRequest.safeParse({})).map((i) => i.path).sort()).toEqual(['password', 'username']);
    expect(LoginRequest.safeParse({ username: '   ', password: 'x' }).success).toBe(false);
    expect(LoginRequest.safeParse({ username: 'kari', password: '' }).success).toBe(false);
    expect(LoginRequest.safeParse({ username: 'kari', password: 'x'.repeat(PASSWORD_MAX_LENGTH) }).success).toBe(true);
    expect(LoginRequest.safeParse({ username: 'kari', password: 'x'.repeat(PASSWORD_MAX_LENGTH + 1) }).success).toBe(false);
    expect(LoginRequest.safeParse({ username: 'k'.repeat(65), password: 'x' }).success).toBe(false);
  });
});

describe('TotpRequest', () => {
  it('takes six digits, trimmed', () => {
    expect(TotpRequest.parse({ code: '012345' })).toEqual({ code: '012345' });
    expect(TotpRequest.parse({ code: ' 123456\n' })).toEqual({ code: '123456' });
  });

  it.each(['12345', '1234567', 'abcdef', '123 456', '١٢٣٤٥٦', ''])('refuses %j with totp_format', (code) => {
    expect(issuesOf(TotpRequest.safeParse({ code }))).toEqual([{ path: 'code', message: 'totp_format' }]);
  });

  it('refuses a code sent as a number or left out', () => {
    expect(TotpRequest.safeParse({ code: 123456 }).success).toBe(false);
    expect(TotpRequest.safeParse({}).success).toBe(false);
  });
});

describe('ChangePasswordRequest', () => {
  it('needs the current password and leaves the strength of the new one to the policy check', () => {
    expect(ChangePasswordRequest.safeParse({ currentPassword: '', newPassword: 'et langt nytt passord' }).success).toBe(false);
    expect(ChangePasswordRequest.parse({ currentPassword: 'gammelt', newPassword: 'kort' })).toEqual({ currentPassword: 'gammelt', newPassword: 'kort' });
  });
});
