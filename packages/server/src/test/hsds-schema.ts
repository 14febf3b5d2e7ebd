import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validators for the HSDS 3.0 JSON Schemas (draft 2020-12) in ./hsds-3.0: what the HSDS API and
 * export send must pass them. The schemas carry HSDS's own annotations (constraints, core,
 * datapackage_type, …), so unknown keywords are allowed; formats (uuid, uri, email, date-time) are
 * checked.
 */
const dir = path.join(import.meta.dirname, 'hsds-3.0');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as object, file);
}

const cache = new Map<string, ValidateFunction>();

/** The schema errors of `value` against schema/<object>.json; [] when it is valid. */
export function hsdsErrors(object: 'service' | 'organization' | 'location' | 'taxonomy' | 'taxonomy_term', value: unknown): string[] {
  let validate = cache.get(object);
  if (!validate) {
    validate = ajv.getSchema(`${object}.json`)!;
    cache.set(object, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${object}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Every schema error in an HSDS 3.0 export file (services, organisations, taxonomies, terms). */
export function exportErrors(file: { services: unknown[]; organizations: unknown[]; taxonomies: unknown[]; taxonomy_terms: unknown[] }): string[] {
  return [
    ...file.services.flatMap((s, i) => hsdsErrors('service', s).map((e) => `services[${i}] ${e}`)),
    ...file.organizations.flatMap((o, i) => hsdsErrors('organization', o).map((e) => `organizations[${i}] ${e}`)),
    ...file.taxonomies.flatMap((t, i) => hsdsErrors('taxonomy', t).map((e) => `taxonomies[${i}] ${e}`)),
    ...file.taxonomy_terms.flatMap((t, i) => hsdsErrors('taxonomy_term', t).map((e) => `taxonomy_terms[${i}] ${e}`)),
  ];
}
