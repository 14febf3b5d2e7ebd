import type { ServiceInput } from '@rusfag/core';
import type { Trx } from '../platform/context.js';
import { writePublicSnapshot } from '../modules/directory/public-service.js';
import { replaceServiceParts, serviceColumns, termIdsByCode } from '../modules/directory/repository.js';
import { rebuildWords } from '../modules/directory/public-repository.js';
import { DEMO_DIRECTORY } from './directory.js';

/**
 * Loads the demo service directory (demo/directory.ts: real services named in the seed documents)
 * and publishes it. Verification dates are spread so the freshness queue and the public
 * "ikke bekreftet" mark have something to show: most are recent, a few are 7 and 13 months old.
 */
export async function seedDemoDirectory(trx: Trx, units: ReadonlyMap<string, string>, editorId: string | null, editorName: string, today: string): Promise<number> {
  const unit = (key: string) => {
    const id = units.get(key);
    if (!id) throw new Error(`Demo directory: unknown unit ${key}`);
    return id;
  };
  const termIds = await termIdsByCode(trx);
  const monthsBefore = (months: number, days: number) => {
    const date = new Date(`${today}T12:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() - months);
    date.setUTCDate(date.getUTCDate() - days);
    return date.toISOString().slice(0, 10);
  };
  let count = 0;
  for (const org of DEMO_DIRECTORY) {
    const { id: organizationId } = await trx
      .insertInto('dir_organization')
      .values({
        name: org.name,
        description: org.description,
        website: org.website ?? '',
        org_unit_id: org.orgUnitKey ? unit(org.orgUnitKey) : null,
        steward_unit_id: unit(org.stewardKey),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const locations = new Map<string, string>();
    for (const location of org.locations) {
      const { id } = await trx
        .insertInto('dir_location')
        .values({
          organization_id: organizationId,
          name: location.name,
          address: location.address ?? '',
          postal_code: location.postalCode ?? '',
          city: location.city ?? '',
          district_unit_id: location.districtKey ? unit(location.districtKey) : null,
          latitude: location.latitude ?? null,
          longitude: location.longitude ?? null,
          confidential: location.confidential ?? false,
          wheelchair_accessible: location.wheelchairAccessible ?? null,
          accessibility_note: location.accessibilityNote ?? '',
          example: location.example,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      locations.set(location.key, id);
    }
    for (const service of org.services) {
      const input: ServiceInput = {
        organizationId,
        name: service.name,
        nameEn: service.nameEn ?? '',
        alternateName: service.alternateName ?? '',
        description: service.description,
        descriptionEn: service.descriptionEn ?? '',
        url: service.website ?? '',
        email: '',
        status: service.status,
        statusNote: '',
        howToGetIn: service.howToGetIn ?? '',
        howToGetInEn: '',
        eligibility: service.eligibility ?? '',
        eligibilityEn: '',
        minimumAge: service.minimumAge ?? null,
        maximumAge: service.maximumAge ?? null,
        referralRequired: service.referralRequired,
        freeOfCharge: service.freeOfCharge,
        feesDescription: service.feesDescription ?? '',
        cityWide: service.area === 'city',
        districtIds: service.area === 'city' ? [] : service.area.map(unit),
        targetGroups: service.targetGroups,
        categories: service.categories,
        languages: service.languages,
        locationIds: service.locations.map((key) => {
          const id = locations.get(key);
          if (!id) throw new Error(`Demo directory: ${service.key} names unknown location ${key}`);
          return id;
        }),
        phones: (service.phones ?? []).map((phone) => ({ number: phone.number, description: phone.description ?? '' })),
        contacts: [],
        hours: service.hours ?? { weekly: [], exceptions: [] },
        hoursNote: '',
      };
      const ids = [
        ...service.targetGroups.map((code) => termIds.get(`target_group:${code}`)),
        ...service.categories.map((code) => termIds.get(`category:${code}`)),
      ];
      if (ids.some((id) => !id)) throw new Error(`Demo directory: ${service.key} has an unknown term`);
      // Every 9th record was last checked 13 months ago, every 7th 7 months ago, the rest within 2 months.
      const verified = count % 9 === 4 ? monthsBefore(13, count) : count % 7 === 3 ? monthsBefore(7, count) : monthsBefore(0, (count * 5) % 60);
      const publishedAt = new Date(`${verified}T09:00:00Z`);
      const { id } = await trx
        .insertInto('dir_service')
        .values({
          ...serviceColumns(input),
          hours_example: service.hoursExample ?? false,
          publication_state: 'published',
          published_at: publishedAt,
          published_by: editorId,
          last_verified_on: verified,
          last_verified_by: editorId,
          last_verified_by_name: editorName,
          updated_at: publishedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceServiceParts(trx, id, input, ids as string[]);
      await trx.insertInto('dir_change').values({ service_id: id, actor_id: editorId, actor_name: editorName, action: 'import', changes: JSON.stringify({ source: service.source }) as never }).execute();
      await writePublicSnapshot(trx, id, publishedAt);
      count++;
    }
  }
  await rebuildWords(trx);
  return count;
}
