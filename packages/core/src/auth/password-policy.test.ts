import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';

const codePoints = (s: string) => [...s].length;

describe('checkPassword', () => {
  it('accepts a passphrase of 12 characters or more', () => {
    expect(checkPassword('korrekt hest batteri stift')).toBeNull();
    expect(checkPassword('korrekthestb')).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('æøåæøåæøåæøå')).toBeNull();
    expect(checkPassword('æøåæøåæøåæø')).toBe('too_short');
    // Six emoji are twelve UTF-16 units but only six characters.
    expect(checkPassword('😀🎉😀🎉😀🎉')).toBe('too_short');
    expect(checkPassword('😀🎉😀🎉😀🎉😀🎉😀🎉😀🎉')).toBeNull();
  });

  it('refuses fewer than 12 characters, also when empty', () => {
    expect(checkPassword('')).toBe('too_short');
    expect(checkPassword('elleve tegn')).toBe('too_short');
    expect(checkPassword('tolv tegn ok')).toBeNull();
  });

  it('refuses more than 256 characters, counting characters', () => {
    const varied = (n: number) => Array.from({ length: n }, (_, i) => 'abcdefghij klmnopqrstuvwxyzæøå'[i % 30]).join('');
    expect(checkPassword(varied(256))).toBeNull();
    expect(checkPassword(varied(257))).toBe('too_long');
    // 256 emoji are 512 UTF-16 units and still allowed.
    const emoji = Array.from({ length: 256 }, (_, i) => (i % 2 ? '😀' : '🎉')).join('');
    expect(emoji.length).toBe(512);
    expect(checkPassword(emoji)).toBeNull();
  });

  it('refuses passwords on the common list in any case', () => {
    expect(checkPassword('password1234')).toBe('too_common');
    expect(checkPassword('PassWord1234')).toBe('too_common');
    expect(checkPassword('OsloKommune123')).toBe('too_common');
    expect(checkPassword('QWERTYUIOPAS')).toBe('too_common');
    // Near misses are not on the list.
    expect(checkPassword('password1234 og mer')).toBeNull();
  });

  it('refuses one character repeated, whatever the character', () => {
    expect(checkPassword('zzzzzzzzzzzzzzzz')).toBe('too_common');
    expect(checkPassword('øøøøøøøøøøøøøø')).toBe('too_common');
    expect(checkPassword('😀'.repeat(12))).toBe('too_common');
    expect(checkPassword('zzzzzzzzzzzzzzzy')).toBeNull();
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(checkPassword('hei jeg er kari.nordmann', 'kari.nordmann')).toBe('contains_username');
    expect(checkPassword('hei jeg er KARI.Nordmann', 'kari.nordmann')).toBe('contains_username');
    expect(checkPassword('hei jeg er kari.nordmann', 'Kari.Nordmann')).toBe('contains_username');
    expect(checkPassword('hei jeg er kari nordmann', 'kari.nordmann')).toBeNull();
  });

  it('does not check usernames shorter than 4 characters, or a missing one', () => {
    expect(checkPassword('ola er en fin gutt', 'ola')).toBeNull();
    expect(checkPassword('ola er en fin gutt', '')).toBeNull();
    expect(checkPassword('ola er en fin gutt')).toBeNull();
    expect(checkPassword('anne er en fin jente', 'anne')).toBe('contains_username');
  });

  it('reports length before anything else', () => {
    expect(checkPassword('password', 'password')).toBe('too_short');
    expect(checkPassword('a'.repeat(300))).toBe('too_long');
  });

  it('never throws, and answers by the length rules for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 20 })),
        fc.option(fc.string({ unit: 'binary', maxLength: 70 }), { nil: undefined }),
        (password, username) => {
          const result = checkPassword(password, username);
          expect([null, 'too_short', 'too_long', 'too_common', 'contains_username']).toContain(result);
          const length = codePoints(password);
          if (length < PASSWORD_MIN_LENGTH) expect(result).toBe('too_short');
          else if (length > PASSWORD_MAX_LENGTH) expect(result).toBe('too_long');
          else expect(result === 'too_short' || result === 'too_long').toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never accepts a password that holds the username, for any username of 4 or more characters', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9._-]{3,20}$/),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        (username, before, after) => {
          const password = `${before}${username.toUpperCase()}${after}`;
          const result = checkPassword(password, username);
          expect(result).not.toBeNull();
        },
      ),
    );
  });
});
