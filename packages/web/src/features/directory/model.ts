import {
  VERIFY_REMIND_MONTHS,
  VERIFY_STALE_MONTHS,
  isStale,
  type DirectoryVocabulary,
  type Language,
  type LocationDetail,
  type OrganizationSummary,
  type ServiceStatus,
  type StaffServiceSummary,
} from '@rusfag/core';
import type { MessageKey, Translate } from '../../app/i18n';

/**
 * The editors' side of the service directory (tjenesteoversikten): paths, answers of the API and
 * the words for states. The public pages (/tjenester) are rendered by the server, not this app.
 */

export const DIRECTORY_PATH = '/tjenesteoversikt';
export const NEW_SERVICE_PATH = `${DIRECTORY_PATH}/tjenester/ny`;
export const ORGANIZATIONS_PATH = `${DIRECTORY_PATH}/organisasjoner`;
/** The queue of services to verify: a tab of the list, in the URL. */
export const QUEUE_TAB = 'bor-bekreftes';
export const TAB_PARAM = 'fane';
export const ORGANIZATION_PARAM = 'organisasjon';

export const servicePath = (id: string): string => `${DIRECTORY_PATH}/tjenester/${encodeURIComponent(id)}`;
export const organizationPath = (id: string): string => `${ORGANIZATIONS_PATH}/${encodeURIComponent(id)}`;
export const queuePath = `${DIRECTORY_PATH}?${TAB_PARAM}=${QUEUE_TAB}`;
/** The public page of a service (server-rendered, outside the React app: a plain link). */
export const publicServicePath = (id: string): string => `/tjenester/${encodeURIComponent(id)}`;

export interface ServiceListResponse {
  services: StaffServiceSummary[];
}
export interface OrganizationListResponse {
  organizations: OrganizationSummary[];
}
export interface LocationListResponse {
  locations: LocationDetail[];
}
export interface ServiceChange {
  id: string;
  changedAt: string;
  actorName: string;
  action: string;
  changes: Record<string, unknown>;
}
export interface ServiceHistoryResponse {
  changes: ServiceChange[];
}
export type Vocabulary = DirectoryVocabulary;

const STATUS_KEYS: Record<ServiceStatus, MessageKey> = {
  active: 'directory.status.active',
  temporarily_closed: 'directory.status.temporarily_closed',
  inactive: 'directory.status.inactive',
  defunct: 'directory.status.defunct',
};

export function statusLabel(t: Translate, status: ServiceStatus): string {
  return t(STATUS_KEYS[status]);
}

/** Where a service stands in the review workflow, as a word. */
export type Publication = 'draft' | 'published' | 'changed';

export function publicationOf(service: { publicationState: 'draft' | 'published'; hasUnpublishedChanges: boolean }): Publication {
  if (service.publicationState === 'draft') return 'draft';
  return service.hasUnpublishedChanges ? 'changed' : 'published';
}

const PUBLICATION_KEYS: Record<Publication, MessageKey> = {
  draft: 'directory.publication.draft',
  published: 'directory.publication.published',
  changed: 'directory.publication.changed',
};
const PUBLICATION_TAGS: Record<Publication, string> = {
  draft: 'pkt-tag--gray',
  published: 'pkt-tag--green',
  changed: 'pkt-tag--yellow',
};

export function publicationLabel(t: Translate, publication: Publication): string {
  return t(PUBLICATION_KEYS[publication]);
}

export function publicationTag(publication: Publication): string {
  return PUBLICATION_TAGS[publication];
}

/** A term's name in the language of the page (terms have both). */
export function termName(term: { name: string; nameEn: string }, language: Language): string {
  return language === 'en' && term.nameEn ? term.nameEn : term.name;
}

/** Whole months from one calendar day to another ('2026-03-12' → '2026-11-23' is 8). */
export function monthsBetween(from: string, to: string): number {
  const [fy = 0, fm = 0, fd = 0] = from.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** yes / no / unknown for the three-way questions (referral, free of charge, wheelchair). */
export type Tristate = 'yes' | 'no' | 'unknown';

export function tristateOf(value: boolean | null | undefined): Tristate {
  return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

export function booleanOf(value: Tristate): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

let nextKey = 0;
/** A key for a row of a repeated group (phones, hours), stable while the form is open. */
export const rowKey = (): string => `row-${Date.now().toString(36)}-${++nextKey}`;

/**
 * '8' → '08:00', '8.30' → '08:30', '0830' → '08:30', '24' → '24:00': the ways people type a time,
 * into the HH:MM the server reads. Anything else is left as typed, for the check to point at.
 */
export function normaliseTime(text: string): string {
  const value = text.trim();
  if (value === '') return '';
  let match = /^(\d{1,2})$/.exec(value);
  if (match) return `${match[1]!.padStart(2, '0')}:00`;
  match = /^(\d{1,2})[:.,](\d{2})$/.exec(value);
  if (match) return `${match[1]!.padStart(2, '0')}:${match[2]}`;
  match = /^(\d{2})(\d{2})$/.exec(value);
  if (match) return `${match[1]}:${match[2]}`;
  return value;
}

/** Collapses a path onto the longest known field path it starts with ('categories.0' → 'categories'). */
export function placeErrors(errors: Partial<Record<string, string>>, known: ReadonlySet<string>): Partial<Record<string, string>> {
  const placed: Partial<Record<string, string>> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (message === undefined) continue;
    let target = path;
    while (!known.has(target) && target.includes('.')) target = target.slice(0, target.lastIndexOf('.'));
    if (!known.has(target)) target = path;
    if (placed[target] === undefined) placed[target] = message;
  }
  return placed;
}

export type Freshness = 'fresh' | 'due' | 'stale';

/**
 * Verified within 6 months, due for verification (6), or shown to the public as not verified (12):
 * core's one rule (isStale), as the server's queue and the public pages use it.
 */
export function freshnessOf(lastVerifiedOn: string | null, today: string, status?: string): Freshness {
  if (isStale(lastVerifiedOn, today, VERIFY_STALE_MONTHS)) return 'stale';
  if (status !== 'defunct' && isStale(lastVerifiedOn, today, VERIFY_REMIND_MONTHS)) return 'due';
  return 'fresh';
}
