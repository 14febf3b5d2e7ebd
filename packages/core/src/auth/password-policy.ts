/**
 * Password rules after NIST SP 800-63B / ASVS 2.1: at least 12 characters, no composition rules,
 * long passphrases allowed, and no password that is on a list of commonly used ones.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// Passwords of 12+ characters that appear high on public breach lists, and the obvious local ones.
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwertyuiop123',
  'password1234',
  'password12345',
  'passord12345',
  'passord123456',
  'passordpassord',
  'passwordpassword',
  'sommer2026!!',
  'oslokommune1',
  'oslokommune123',
  'velkommen1234',
  'velkommen12345',
  'iloveyou1234',
  'abcdefghijkl',
  '111111111111',
  '000000000000',
  'aaaaaaaaaaaa',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_username';

export function checkPassword(password: string, username?: string): PasswordProblem | null {
  // Count code points, not UTF-16 units, so "æøå" count as three characters.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'too_common';
  if (/^(.)\1+$/u.test(password)) return 'too_common';
  if (username && username.length >= 4 && lower.includes(username.toLowerCase())) return 'contains_username';
  return null;
}
