import { z } from 'zod';
import { SERVICE_STATUSES } from './model.js';

/** Actions of the service directory (policy: server modules/directory/policy.ts). */
export const directoryActions = [
  'directory.read',
  'directory.edit',
  'directory.publish',
  'directory.organization.create',
  'directory.import',
] as const;
export type DirectoryAction = (typeof directoryActions)[number];

const IsoDate = z.iso.date();
const Time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'Skriv klokkeslett som TT:MM');
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).default('');

export const WeeklyHoursSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  opensAt: Time,
  closesAt: Time,
  validFrom: IsoDate.nullish(),
  validTo: IsoDate.nullish(),
});
export const HoursExceptionSchema = z.object({
  from: IsoDate,
  to: IsoDate,
  closed: z.boolean(),
  opensAt: Time.nullish(),
  closesAt: Time.nullish(),
  reason: text(200),
});
export const OpeningHoursSchema = z.object({
  weekly: z.array(WeeklyHoursSchema).max(200),
  exceptions: z.array(HoursExceptionSchema).max(400),
});

export const ServiceStatusSchema = z.enum(SERVICE_STATUSES);
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'Bruk en språkkode på to bokstaver (ISO 639-1), f.eks. «nb»');
const TermCode = z.string().regex(/^[a-z0-9-]{2,60}$/);
/** A web address: http(s) only, so a `javascript:` link can never be stored and rendered. */
const WebUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => value === '' || /^https?:\/\/[^\s<>"]+$/i.test(value), 'Skriv en nettadresse som begynner med https://');
const Email = z
  .string()
  .trim()
  .max(200)
  .refine((value) => value === '' || /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value), 'Skriv en gyldig e-postadresse');
const PhoneNumber = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[+0-9 ()-]+$/, 'Et telefonnummer kan bare ha sifre, mellomrom, + og bindestrek');

export const PhoneInput = z.object({ number: PhoneNumber, description: optionalText(200) });
export const ContactInput = z.object({
  name: optionalText(200),
  title: optionalText(200),
  email: Email.default(''),
  phone: z.union([PhoneNumber, z.literal('')]).default(''),
});

/** The editors' form for a service: a full replacement of the working copy. */
export const ServiceInput = z
  .object({
    organizationId: z.uuid(),
    name: text(200).min(2, 'Navnet må ha minst 2 tegn'),
    nameEn: optionalText(200),
    alternateName: optionalText(200),
    description: optionalText(10000),
    descriptionEn: optionalText(10000),
    url: WebUrl.default(''),
    email: Email.default(''),
    status: ServiceStatusSchema.default('active'),
    statusNote: optionalText(500),
    howToGetIn: optionalText(2000),
    howToGetInEn: optionalText(2000),
    eligibility: optionalText(2000),
    eligibilityEn: optionalText(2000),
    minimumAge: z.number().int().min(0).max(130).nullable().default(null),
    maximumAge: z.number().int().min(0).max(130).nullable().default(null),
    referralRequired: z.boolean().nullable().default(null),
    freeOfCharge: z.boolean().nullable().default(null),
    feesDescription: optionalText(1000),
    cityWide: z.boolean().default(false),
    districtIds: z.array(z.uuid()).max(30).default([]),
    targetGroups: z.array(TermCode).max(30).default([]),
    categories: z.array(TermCode).max(30).default([]),
    languages: z.array(LanguageCode).max(40).default([]),
    locationIds: z.array(z.uuid()).max(200).default([]),
    phones: z.array(PhoneInput).max(20).default([]),
    contacts: z.array(ContactInput).max(20).default([]),
    hours: OpeningHoursSchema.default({ weekly: [], exceptions: [] }),
    hoursNote: optionalText(1000),
  })
  .refine((s) => s.minimumAge === null || s.maximumAge === null || s.minimumAge <= s.maximumAge, {
    message: 'Nedre aldersgrense kan ikke være høyere enn øvre',
    path: ['maximumAge'],
  });
export type ServiceInput = z.infer<typeof ServiceInput>;

export const LocationInput = z
  .object({
    organizationId: z.uuid(),
    name: text(200).min(1, 'Stedet må ha et navn'),
    description: optionalText(2000),
    address: optionalText(300),
    postalCode: z.union([z.string().regex(/^\d{4}$/, 'Postnummer har fire sifre'), z.literal('')]).default(''),
    city: optionalText(100),
    districtId: z.uuid().nullable().default(null),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    confidential: z.boolean().default(false),
    wheelchairAccessible: z.boolean().nullable().default(null),
    accessibilityNote: optionalText(1000),
    transportation: optionalText(1000),
  })
  .refine((l) => (l.latitude === null) === (l.longitude === null), {
    message: 'Oppgi både breddegrad og lengdegrad, eller ingen av dem',
    path: ['longitude'],
  });
export type LocationInput = z.infer<typeof LocationInput>;

export const OrganizationInput = z.object({
  name: text(200).min(2, 'Navnet må ha minst 2 tegn'),
  alternateName: optionalText(200),
  description: optionalText(5000),
  descriptionEn: optionalText(5000),
  email: Email.default(''),
  website: WebUrl.default(''),
  orgUnitId: z.uuid().nullable().default(null),
  stewardUnitId: z.uuid(),
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

const NamedTerm = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const District = z.object({ code: z.string(), name: z.string() });

/**
 * The public view of a location. A confidential location keeps only its name: no address, postal
 * code, coordinates, district, description or directions (any of them could reveal where it is).
 */
export const PublicLocation = z.object({
  id: z.uuid(),
  name: z.string(),
  confidential: z.boolean(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  district: District.nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: z.string(),
  transportation: z.string(),
  wheelchairAccessible: z.boolean().nullable(),
  accessibilityNote: z.string(),
  example: z.boolean(),
});
export type PublicLocation = z.infer<typeof PublicLocation>;

/** Everything the public may see of a service: the published snapshot (dir_public_service.document). */
export const PublicService = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string(),
  alternateName: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  status: ServiceStatusSchema,
  statusNote: z.string(),
  organization: z.object({ id: z.uuid(), name: z.string(), description: z.string(), website: z.string(), email: z.string() }),
  targetGroups: z.array(NamedTerm),
  categories: z.array(NamedTerm),
  cityWide: z.boolean(),
  districts: z.array(District),
  eligibility: z.string(),
  eligibilityEn: z.string(),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  referralRequired: z.boolean().nullable(),
  freeOfCharge: z.boolean().nullable(),
  feesDescription: z.string(),
  howToGetIn: z.string(),
  howToGetInEn: z.string(),
  languages: z.array(z.string()),
  url: z.string(),
  email: z.string(),
  phones: z.array(z.object({ number: z.string(), description: z.string() })),
  contacts: z.array(z.object({ name: z.string(), title: z.string(), email: z.string(), phone: z.string() })),
  locations: z.array(PublicLocation),
  hours: OpeningHoursSchema,
  hoursNote: z.string(),
  hoursExample: z.boolean(),
  lastVerifiedOn: IsoDate.nullable(),
  /** Publicly the unit that verified, not the person. */
  lastVerifiedBy: z.string(),
  publishedAt: z.string(),
});
export type PublicService = z.infer<typeof PublicService>;

/** Public search: every filter is a URL parameter, so a search can be shared and bookmarked. */
export const PublicSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  malgruppe: z.array(TermCode).max(10).default([]),
  kategori: z.array(TermCode).max(10).default([]),
  bydel: z.string().regex(/^B\d{2}$/).optional(),
  apent: z.boolean().default(false),
  gratis: z.boolean().default(false),
  uten_henvisning: z.boolean().default(false),
  sprak: LanguageCode.optional(),
  rullestol: z.boolean().default(false),
  sorter: z.enum(['relevans', 'avstand', 'navn']).default('relevans'),
  /** Distance from a district's centre (fra=B03) or from coordinates (lat, lon). */
  fra: z.string().regex(/^B\d{2}$/).optional(),
  lat: z.number().min(57).max(72).optional(),
  lon: z.number().min(4).max(32).optional(),
  side: z.number().int().min(1).max(500).default(1),
});
export type PublicSearchQuery = z.infer<typeof PublicSearchQuery>;

export const PublicSearchHit = z.object({
  id: z.uuid(),
  name: z.string(),
  organizationName: z.string(),
  summary: z.string(),
  status: ServiceStatusSchema,
  targetGroups: z.array(NamedTerm),
  categories: z.array(NamedTerm),
  cityWide: z.boolean(),
  districts: z.array(District),
  freeOfCharge: z.boolean().nullable(),
  referralRequired: z.boolean().nullable(),
  open: z.enum(['open', 'closed', 'unknown']),
  /** Kilometres from the chosen point, when sorting by distance and the service has a public location. */
  distanceKm: z.number().nullable(),
  lastVerifiedOn: IsoDate.nullable(),
  stale: z.boolean(),
});
export type PublicSearchHit = z.infer<typeof PublicSearchHit>;

export const PublicSearchResult = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(PublicSearchHit),
  /** What the free text was read as: words corrected for typos, districts and "åpent nå" taken as filters. */
  interpretation: z.object({
    corrected: z.array(z.object({ from: z.string(), to: z.string() })),
    /** The district name read out of the text ("i Sagene" → "Sagene"), when no district was chosen. */
    district: z.string().nullable(),
    openNow: z.boolean(),
    /** Target groups and categories read out of the text ("pårørende" → målgruppe Pårørende). */
    terms: z.array(z.object({ text: z.string(), taxonomy: z.enum(['target_group', 'category']), code: z.string(), name: z.string(), nameEn: z.string() })),
    /** No service matched every word, so services matching some of them are shown. */
    relaxed: z.boolean(),
  }),
});
export type PublicSearchResult = z.infer<typeof PublicSearchResult>;

/** The editors' view of a service: the working copy and where it stands in the review workflow. */
export const ServiceDetail = z.object({
  id: z.uuid(),
  organizationName: z.string(),
  publicationState: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  /** The working copy differs from what the public sees. */
  hasUnpublishedChanges: z.boolean(),
  lastVerifiedOn: IsoDate.nullable(),
  lastVerifiedByName: z.string(),
  updatedAt: z.string(),
  input: ServiceInput,
  actions: z.array(z.enum(directoryActions)),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const StaffServiceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  status: ServiceStatusSchema,
  publicationState: z.enum(['draft', 'published']),
  hasUnpublishedChanges: z.boolean(),
  lastVerifiedOn: IsoDate.nullable(),
  /** Not verified for 6 months: the owner should check it. */
  needsVerification: z.boolean(),
  /** Not verified for 12 months: the public page says so. */
  stale: z.boolean(),
  /** When the editors were last reminded to verify it (hourly job; at most every 30 days). */
  remindedAt: z.string().nullable(),
});
export type StaffServiceSummary = z.infer<typeof StaffServiceSummary>;

export const StaffServiceList = z.object({ services: z.array(StaffServiceSummary) });
export const StaffServiceQuery = z.object({
  q: z.string().trim().max(200).optional(),
  organizationId: z.uuid().optional(),
  /** Only services not verified for 6 months (the freshness queue). */
  needsVerification: z.enum(['true', 'false']).optional(),
});

export const OrganizationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  alternateName: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  email: z.string(),
  website: z.string(),
  orgUnitId: z.uuid().nullable(),
  stewardUnitId: z.uuid(),
  stewardName: z.string(),
  services: z.number().int(),
  actions: z.array(z.enum(directoryActions)),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;
export const OrganizationList = z.object({ organizations: z.array(OrganizationSummary) });

export const LocationDetail = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  description: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  districtId: z.uuid().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  confidential: z.boolean(),
  wheelchairAccessible: z.boolean().nullable(),
  accessibilityNote: z.string(),
  transportation: z.string(),
});
export type LocationDetail = z.infer<typeof LocationDetail>;
export const LocationList = z.object({ locations: z.array(LocationDetail) });

export const ServiceChange = z.object({
  id: z.string(),
  changedAt: z.string(),
  actorName: z.string(),
  action: z.string(),
  /** Field → { from, to } for edits; empty for publish/verify. */
  changes: z.record(z.string(), z.unknown()),
});
export const ServiceHistory = z.object({ changes: z.array(ServiceChange) });

/** What the editors' form offers: terms, districts and languages. */
export const DirectoryVocabulary = z.object({
  targetGroups: z.array(NamedTerm),
  categories: z.array(NamedTerm),
  districts: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  languages: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
});
export type DirectoryVocabulary = z.infer<typeof DirectoryVocabulary>;
