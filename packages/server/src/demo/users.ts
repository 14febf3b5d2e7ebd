import { createHash } from 'node:crypto';
import type { Role } from '@rusfag/core';

/** One password for every demo account (printed at start); demo mode only. */
export const DEMO_PASSWORD = 'rusfag-demo-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  /** Key of the home unit in demo/organizations.ts. */
  home: string;
  roles: { role: Role; unit: string }[];
  description: string;
}

/** Fictional people, one per role (two caseworkers, so that care-team boundaries can be shown). */
export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: 'Ada Administrator', home: 'oslo', roles: [{ role: 'admin', unit: 'oslo' }], description: 'administrator, hele Oslo' },
  { username: 'planlegger.sth', displayName: 'Per Planlegger', home: 'sth', roles: [{ role: 'planner', unit: 'sth' }], description: 'planlegger, Bydel St. Hanshaugen' },
  { username: 'leder.sth', displayName: 'Lise Leder', home: 'sth-phr', roles: [{ role: 'unit_leader', unit: 'sth-phr' }], description: 'enhetsleder, psykisk helse og rus, St. Hanshaugen' },
  { username: 'ruskonsulent.sth', displayName: 'Rune Ruskonsulent', home: 'sth-rusteam', roles: [{ role: 'caseworker', unit: 'sth-rusteam' }], description: 'ruskonsulent, Rusteamet St. Hanshaugen' },
  { username: 'ruskonsulent.alna', displayName: 'Amina Ruskonsulent', home: 'alna-rusteam', roles: [{ role: 'caseworker', unit: 'alna-rusteam' }], description: 'ruskonsulent, Rusteamet Alna' },
  { username: 'analytiker', displayName: 'Anders Analytiker', home: 'vel-analyse', roles: [{ role: 'analyst', unit: 'oslo' }], description: 'analytiker, Velferdsetaten (hele byen)' },
  { username: 'redaktor', displayName: 'Randi Redaktør', home: 'ute', roles: [{ role: 'directory_editor', unit: 'vel' }], description: 'redaktør av tjenestekatalogen, Velferdsetaten' },
  { username: 'kursadmin', displayName: 'Kari Kursansvarlig', home: 'korus', roles: [{ role: 'course_admin', unit: 'korus' }], description: 'kursadministrator, KoRus Oslo' },
  { username: 'personvern', displayName: 'Peder Personvernombud', home: 'oslo', roles: [{ role: 'privacy_officer', unit: 'oslo' }], description: 'personvernombud, hele Oslo' },
];

/**
 * Demo accounts have TOTP secrets derived from their username, so the CLI can print a valid code
 * (`npm run cli -- totp-code <bruker>`) and the end-to-end tests can log in. Never in production:
 * the seed refuses to run outside demo mode.
 */
export function demoTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`rusfag-demo-totp:${username}`).digest().subarray(0, 20);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}
