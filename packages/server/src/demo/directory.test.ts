import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, COMMON_LANGUAGES, SERVICE_STATUSES, TARGET_GROUPS, type OpeningHours } from '@rusfag/core';
import { describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY, type DemoDirectoryOrganization, type DemoLocation, type DemoService } from './directory.js';
import { demoOrganization, type DemoUnit } from './organizations.js';

/** The demo service directory: real services from the seed documents, with nothing invented. */

function units(unit: DemoUnit, into = new Map<string, DemoUnit>()): Map<string, DemoUnit> {
  into.set(unit.key, unit);
  for (const child of unit.children ?? []) units(child, into);
  return into;
}

const UNITS = units(demoOrganization);
const DISTRICT_KEYS = new Set([...UNITS.values()].filter((u) => u.kind === 'district').map((u) => u.key));
const TARGET_CODES = new Set(TARGET_GROUPS.map((t) => t.code));
const CATEGORY_CODES = new Set(CATEGORIES.map((t) => t.code));
const LANGUAGE_CODES = new Set(COMMON_LANGUAGES.map((l) => l.code));

const services: { org: DemoDirectoryOrganization; service: DemoService }[] = DEMO_DIRECTORY.flatMap((org) =>
  org.services.map((service) => ({ org, service })),
);
const locations: { org: DemoDirectoryOrganization; location: DemoLocation }[] = DEMO_DIRECTORY.flatMap((org) =>
  org.locations.map((location) => ({ org, location })),
);

/** Oslo's built-up area, as the brief defines it for example coordinates. */
const OSLO = { minLat: 59.85, maxLat: 59.97, minLon: 10.65, maxLon: 10.95 };

const SEEDS_DIR = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));
const SEEDS_TEXT = existsSync(SEEDS_DIR)
  ? readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(`${SEEDS_DIR}${name}`, 'utf8'))
      .join('\n')
  : null;

function inSeeds(text: string): boolean {
  return SEEDS_TEXT !== null && SEEDS_TEXT.includes(text);
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkHours(key: string, h: OpeningHours): void {
  for (const rule of h.weekly) {
    expect(rule.weekday, key).toBeGreaterThanOrEqual(1);
    expect(rule.weekday, key).toBeLessThanOrEqual(7);
    expect(rule.opensAt, key).toMatch(TIME);
    expect(rule.closesAt, key).toMatch(TIME);
    expect(rule.opensAt, key).not.toBe('24:00');
  }
  for (const ex of h.exceptions) {
    expect(ex.from, key).toMatch(DATE);
    expect(ex.to, key).toMatch(DATE);
    expect(ex.from <= ex.to, key).toBe(true);
    expect(ex.reason.length, key).toBeGreaterThan(0);
    if (ex.closed) {
      expect(ex.opensAt ?? null, key).toBeNull();
    } else {
      expect(ex.opensAt, key).toMatch(TIME);
      expect(ex.closesAt, key).toMatch(TIME);
    }
  }
}

function areaKeys(service: DemoService): string[] {
  return service.area === 'city' ? [] : service.area;
}

describe('DEMO_DIRECTORY', () => {
  it('has at least 30 services in several organisations', () => {
    expect(services.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_DIRECTORY.length).toBeGreaterThanOrEqual(10);
  });

  it('has unique keys for organisations, services and locations, and unique organisation names', () => {
    const orgKeys = DEMO_DIRECTORY.map((o) => o.key);
    expect(new Set(orgKeys).size).toBe(orgKeys.length);
    const serviceKeys = services.map((s) => s.service.key);
    expect(new Set(serviceKeys).size).toBe(serviceKeys.length);
    const locationKeys = locations.map((l) => l.location.key);
    expect(new Set(locationKeys).size).toBe(locationKeys.length);
    // dir_organization has a unique index on lower(name).
    const names = DEMO_DIRECTORY.map((o) => o.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('refers only to organisation units that exist in the demo organisation', () => {
    for (const org of DEMO_DIRECTORY) {
      expect(UNITS.has(org.stewardKey), `${org.key}: steward ${org.stewardKey}`).toBe(true);
      if (org.orgUnitKey !== undefined) expect(UNITS.has(org.orgUnitKey), `${org.key}: unit ${org.orgUnitKey}`).toBe(true);
    }
    for (const { location } of locations) {
      if (location.districtKey !== undefined) {
        expect(DISTRICT_KEYS.has(location.districtKey), `${location.key}: ${location.districtKey}`).toBe(true);
      }
    }
    for (const { service } of services) {
      for (const key of areaKeys(service)) expect(DISTRICT_KEYS.has(key), `${service.key}: area ${key}`).toBe(true);
      if (service.area !== 'city') expect(service.area.length, service.key).toBeGreaterThan(0);
    }
  });

  it('uses only valid taxonomy, language and status codes', () => {
    for (const { service } of services) {
      expect(service.targetGroups.length, service.key).toBeGreaterThan(0);
      expect(service.categories.length, service.key).toBeGreaterThan(0);
      for (const code of service.targetGroups) expect(TARGET_CODES.has(code), `${service.key}: ${code}`).toBe(true);
      for (const code of service.categories) expect(CATEGORY_CODES.has(code), `${service.key}: ${code}`).toBe(true);
      expect(service.languages.length, service.key).toBeGreaterThan(0);
      for (const code of service.languages) {
        expect(code, service.key).toMatch(/^[a-z]{2}$/);
        expect(LANGUAGE_CODES.has(code), `${service.key}: ${code}`).toBe(true);
      }
      expect(SERVICE_STATUSES).toContain(service.status);
    }
  });

  it('covers every category and target group', () => {
    const usedTargets = new Set(services.flatMap((s) => s.service.targetGroups));
    const usedCategories = new Set(services.flatMap((s) => s.service.categories));
    expect([...TARGET_CODES].filter((c) => !usedTargets.has(c))).toEqual([]);
    expect([...CATEGORY_CODES].filter((c) => !usedCategories.has(c))).toEqual([]);
  });

  it('offers services only at locations of their own organisation', () => {
    for (const org of DEMO_DIRECTORY) {
      const own = new Set(org.locations.map((l) => l.key));
      for (const service of org.services) {
        for (const key of service.locations) expect(own.has(key), `${service.key} at ${key}`).toBe(true);
      }
    }
  });

  it('has plausible descriptions, ages and sources', () => {
    for (const { service } of services) {
      expect(service.name.length, service.key).toBeGreaterThanOrEqual(2);
      expect(service.name.length, service.key).toBeLessThanOrEqual(200);
      expect(service.description.length, service.key).toBeGreaterThan(40);
      expect(service.description.length, service.key).toBeLessThan(700);
      expect(service.source, service.key).toMatch(/seed 00[1-4]/);
      if (service.minimumAge !== undefined && service.maximumAge !== undefined) {
        expect(service.minimumAge, service.key).toBeLessThanOrEqual(service.maximumAge);
      }
    }
    expect(services.filter((s) => s.service.descriptionEn).length).toBeGreaterThanOrEqual(10);
  });

  it('keeps coordinates inside Oslo and marks made-up addresses and coordinates as example data', () => {
    for (const { location } of locations) {
      expect(location.latitude === undefined, location.key).toBe(location.longitude === undefined);
      if (location.latitude !== undefined && location.longitude !== undefined) {
        expect(location.latitude, location.key).toBeGreaterThanOrEqual(OSLO.minLat);
        expect(location.latitude, location.key).toBeLessThanOrEqual(OSLO.maxLat);
        expect(location.longitude, location.key).toBeGreaterThanOrEqual(OSLO.minLon);
        expect(location.longitude, location.key).toBeLessThanOrEqual(OSLO.maxLon);
        // The seeds give no coordinates, so any coordinates are example data.
        expect(location.example, location.key).toBe(true);
      }
      if (location.postalCode !== undefined) expect(location.postalCode, location.key).toMatch(/^\d{4}$/);
    }
    expect(locations.filter((l) => l.location.latitude !== undefined).length).toBeGreaterThanOrEqual(10);
  });

  it('marks addresses that are not in the seeds as example data', () => {
    if (SEEDS_TEXT === null) {
      console.warn(`[directory.test] ${SEEDS_DIR} finnes ikke; sjekken av adresser mot kildedokumentene hoppes over.`);
      return;
    }
    for (const { location } of locations) {
      if (location.address !== undefined && !inSeeds(location.address)) expect(location.example, location.key).toBe(true);
    }
  });

  it('has phone numbers and web addresses only where they appear verbatim in the seeds', () => {
    if (SEEDS_TEXT === null) {
      console.warn(`[directory.test] ${SEEDS_DIR} finnes ikke; sjekken av telefonnumre og nettadresser hoppes over.`);
      return;
    }
    for (const { service } of services) {
      for (const phone of service.phones ?? []) expect(inSeeds(phone.number), `${service.key}: ${phone.number}`).toBe(true);
      if (service.website !== undefined) expect(inSeeds(service.website), `${service.key}: ${service.website}`).toBe(true);
    }
    for (const org of DEMO_DIRECTORY) {
      if (org.website !== undefined) expect(inSeeds(org.website), `${org.key}: ${org.website}`).toBe(true);
    }
  });

  it('has at least one confidential location, and every service there has a public way in', () => {
    const confidential = locations.filter((l) => l.location.confidential === true);
    expect(confidential.length).toBeGreaterThanOrEqual(1);
    const keys = new Set(confidential.map((l) => l.location.key));
    for (const { service } of services) {
      if (!service.locations.some((k) => keys.has(k))) continue;
      const hasPhone = (service.phones ?? []).length > 0;
      expect(hasPhone || (service.howToGetIn ?? '').length > 0, service.key).toBe(true);
    }
  });

  it('marks every opening-hours schedule as example data (the seeds state none) and keeps them valid', () => {
    const withHours = services.filter((s) => s.service.hours !== undefined);
    expect(withHours.length).toBeGreaterThanOrEqual(5);
    for (const { service } of withHours) {
      expect(service.hoursExample, service.key).toBe(true);
      checkHours(service.key, service.hours!);
    }
    for (const { service } of services) {
      if (service.hoursExample) expect(service.hours, service.key).toBeDefined();
    }
  });

  it('has services that are not active, where the seeds show a pilot or course has ended', () => {
    expect(services.filter((s) => s.service.status !== 'active').length).toBeGreaterThanOrEqual(3);
  });

  it('answers "lavterskel tilbud for pårørende i Sagene, åpent nå" with at least two services', () => {
    const hits = services.filter(
      ({ service }) =>
        service.categories.includes('lavterskel') &&
        service.targetGroups.includes('parorende') &&
        (service.area === 'city' || service.area.includes('sagene')) &&
        service.hours !== undefined &&
        service.status === 'active',
    );
    expect(hits.length).toBeGreaterThanOrEqual(2);
  });

  it('has services for young people, children as next of kin and pregnant women', () => {
    const by = (code: string) => services.filter((s) => s.service.targetGroups.includes(code)).length;
    expect(by('ungdom')).toBeGreaterThanOrEqual(3);
    expect(by('parorende')).toBeGreaterThanOrEqual(3);
    expect(by('barn-som-parorende')).toBeGreaterThanOrEqual(2);
    expect(by('gravide')).toBeGreaterThanOrEqual(1);
  });
});
