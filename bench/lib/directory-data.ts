/**
 * A generated service directory for the directory suite: organisations, locations and services
 * in the style of the demo directory (packages/server/src/demo/directory.ts), from a fixed seed, so
 * every run gets the same directory, ids included.
 *
 * - Names and descriptions are composed from the demo's vocabulary (lavterskel, pårørende,
 *   rusbehandling, samtale, bolig, arbeid, aktivitet, LAR, oppfølging …), one of 13 kinds of
 *   service per record, each with its own categories, target groups, sentences and hours.
 * - Taxonomy codes are those of dir_taxonomy_term (the migration's starting vocabulary).
 * - Districts are the demo's 15 (B01–B15); about one service in five is city-wide.
 * - Locations lie around their district's centre, inside Oslo; about 3 % are confidential
 *   (the public sees no address or coordinates), about 4 % have no coordinates. Addresses are
 *   made up and marked `example`, as the demo does.
 * - Opening hours: mostly weekdays 08:00–15:30, some evenings, weekends, round the clock, or past
 *   midnight; Christmas, New Year and summer closing as exceptions. Every schedule passes core's
 *   validateOpeningHours (checked here).
 * - No phone numbers and no contact persons (the demo's rule: never invent them).
 */
import { validateOpeningHours, type HoursException, type OpeningHours, type ServiceStatus, type WeeklyHours } from '@rusfag/core';

export interface DirectoryShape {
  services: number;
  locations: number;
  organizations: number;
}

/** The issue's size: 5,000 services and 8,000 locations (about 600 organisations). */
export const FULL_DIRECTORY: DirectoryShape = { services: 5_000, locations: 8_000, organizations: 600 };

/** About 8.3 services per organisation, as in the full shape. */
export function defaultOrganizations(services: number): number {
  return Math.max(1, Math.round((services * FULL_DIRECTORY.organizations) / FULL_DIRECTORY.services));
}

export function directoryShapeText(shape: DirectoryShape): string {
  return `${shape.services} services, ${shape.locations} locations, ${shape.organizations} organisations`;
}

export const DISTRICT_CODES = ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12', 'B13', 'B14', 'B15'] as const;
export type DistrictCode = (typeof DISTRICT_CODES)[number];

export interface GeneratedOrganization {
  id: string;
  name: string;
  description: string;
  website: string;
  /** District the organisation belongs to, or null for a city-wide one (stewarded by Velferdsetaten). */
  district: DistrictCode | null;
}

export interface GeneratedLocation {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  address: string;
  postalCode: string;
  city: string;
  district: DistrictCode;
  latitude: number | null;
  longitude: number | null;
  confidential: boolean;
  wheelchairAccessible: boolean | null;
  accessibilityNote: string;
  transportation: string;
  example: boolean;
}

export interface GeneratedService {
  id: string;
  organizationId: string;
  kind: string;
  name: string;
  nameEn: string;
  alternateName: string;
  description: string;
  descriptionEn: string;
  status: ServiceStatus;
  statusNote: string;
  howToGetIn: string;
  eligibility: string;
  minimumAge: number | null;
  maximumAge: number | null;
  referralRequired: boolean | null;
  freeOfCharge: boolean | null;
  feesDescription: string;
  cityWide: boolean;
  districts: DistrictCode[];
  targetGroups: string[];
  categories: string[];
  languages: string[];
  locationIds: string[];
  hours: OpeningHours;
  hoursProfile: HoursProfile;
  lastVerifiedOn: string;
}

export interface GeneratedDirectory {
  shape: DirectoryShape;
  seed: number;
  organizations: GeneratedOrganization[];
  locations: GeneratedLocation[];
  services: GeneratedService[];
  counts: {
    organizations: number;
    locations: number;
    services: number;
    /** Services the public search can show (active or temporarily closed). */
    searchable: number;
    cityWide: number;
    confidentialLocations: number;
    locationsWithoutCoordinates: number;
    serviceLocationLinks: number;
    weeklyRules: number;
    exceptions: number;
    hoursProfiles: Record<HoursProfile, number>;
    descriptionChars: { min: number; max: number; mean: number };
    withEnglish: number;
  };
}

// ---------------------------------------------------------------- random

/** mulberry32: small, fast, good enough for test data (as plan-data.ts). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick,
    chance: (p: number) => next() < p,
    /** One of the keys, with the given weights. */
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    /** `count` different items of the list, in list order. */
    some: <T>(list: readonly T[], count: number): T[] => {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
      return [...chosen].sort((x, y) => x - y).map((i) => list[i] as T);
    },
  };
}
type Random = ReturnType<typeof prng>;

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------- places

/** The demo's districts: name, centre (as core's DISTRICT_CENTRES), neighbourhoods, postal codes. */
const DISTRICTS: Record<DistrictCode, { name: string; lat: number; lon: number; places: string[]; postal: [number, number] }> = {
  B01: { name: 'Gamle Oslo', lat: 59.9066, lon: 10.7787, places: ['Grønland', 'Tøyen', 'Kampen', 'Vålerenga', 'Gamlebyen', 'Ensjø'], postal: [150, 194] },
  B02: { name: 'Grünerløkka', lat: 59.925, lon: 10.77, places: ['Grünerløkka', 'Sofienberg', 'Rodeløkka', 'Carl Berner', 'Hasle', 'Dælenenga'], postal: [550, 580] },
  B03: { name: 'Sagene', lat: 59.937, lon: 10.755, places: ['Sagene', 'Torshov', 'Bjølsen', 'Sandaker', 'Iladalen', 'Voldsløkka'], postal: [451, 477] },
  B04: { name: 'St. Hanshaugen', lat: 59.927, lon: 10.74, places: ['Bislett', 'Adamstuen', 'Fagerborg', 'Bolteløkka', 'Ila', 'Hammersborg'], postal: [165, 177] },
  B05: { name: 'Frogner', lat: 59.92, lon: 10.706, places: ['Majorstuen', 'Frogner', 'Skillebekk', 'Uranienborg', 'Bygdøy', 'Homansbyen'], postal: [250, 369] },
  B06: { name: 'Ullern', lat: 59.926, lon: 10.65, places: ['Ullern', 'Skøyen', 'Lilleaker', 'Bestum', 'Montebello', 'Hoff'], postal: [275, 283] },
  B07: { name: 'Vestre Aker', lat: 59.96, lon: 10.67, places: ['Røa', 'Vinderen', 'Holmenkollen', 'Slemdal', 'Hovseter', 'Voksen'], postal: [370, 791] },
  B08: { name: 'Nordre Aker', lat: 59.955, lon: 10.76, places: ['Grefsen', 'Kjelsås', 'Tåsen', 'Nydalen', 'Ullevål', 'Korsvoll'], postal: [850, 891] },
  B09: { name: 'Bjerke', lat: 59.938, lon: 10.825, places: ['Økern', 'Veitvet', 'Linderud', 'Årvoll', 'Risløkka', 'Tonsenhagen'], postal: [580, 598] },
  B10: { name: 'Grorud', lat: 59.96, lon: 10.88, places: ['Grorud', 'Romsås', 'Ammerud', 'Kalbakken', 'Rødtvet', 'Nordtvet'], postal: [950, 972] },
  B11: { name: 'Stovner', lat: 59.962, lon: 10.925, places: ['Stovner', 'Vestli', 'Haugenstua', 'Rommen', 'Fossum', 'Høybråten'], postal: [975, 988] },
  B12: { name: 'Alna', lat: 59.93, lon: 10.86, places: ['Furuset', 'Lindeberg', 'Haugerud', 'Trosterud', 'Tveita', 'Hellerud'], postal: [661, 688] },
  B13: { name: 'Østensjø', lat: 59.89, lon: 10.83, places: ['Bøler', 'Manglerud', 'Oppsal', 'Abildsø', 'Godlia', 'Skullerud'], postal: [665, 690] },
  B14: { name: 'Nordstrand', lat: 59.86, lon: 10.79, places: ['Nordstrand', 'Lambertseter', 'Ljan', 'Ekeberg', 'Simensbråten', 'Bekkelaget'], postal: [1150, 1170] },
  B15: { name: 'Søndre Nordstrand', lat: 59.835, lon: 10.815, places: ['Holmlia', 'Mortensrud', 'Bjørndal', 'Prinsdal', 'Hauketo', 'Seterbråten'], postal: [1250, 1290] },
};

const CENTRAL_PLACES = ['Oslo', 'Oslo sentrum', 'Storgata', 'Vaterland', 'Kvadraturen'];

const STREETS = [
  'Eksempelveien', 'Eksempelgata', 'Prøvegata', 'Modellveien', 'Mønsterveien', 'Testbakken', 'Lindealleen',
  'Bjørkeveien', 'Skolegata', 'Kirkeveien', 'Torggata', 'Parkveien', 'Stasjonsveien', 'Bekkeveien', 'Granittveien',
];

// ---------------------------------------------------------------- kinds of service

type HoursProfile = 'none' | 'office' | 'officeEvening' | 'evening' | 'extended' | 'weekend' | 'night' | 'allDay';
export type { HoursProfile };

interface Kind {
  key: string;
  /** Norwegian name stems, with an English one each. */
  names: [string, string][];
  /** Category codes with their probability; the first is always taken. */
  categories: [string, number][];
  targetGroups: [string, number][];
  sentences: string[];
  sentencesEn: string[];
  hours: Partial<Record<HoursProfile, number>>;
  /** P(referral required = true), P(free of charge = true). */
  referral: number;
  free: number;
  /** Weight of the kind among all services. */
  weight: number;
}

const KINDS: Kind[] = [
  {
    key: 'samtale',
    weight: 12,
    names: [
      ['Samtaletilbud ved rusproblemer', 'Counselling for substance-use problems'],
      ['Støttesamtaler', 'Supportive conversations'],
      ['Oppfølgingssamtaler', 'Follow-up conversations'],
      ['Rådgivning om rus', 'Advice on substance use'],
      ['Samtaler om alkohol og hverdag', 'Talking about alcohol and everyday life'],
      ['Motiverende samtaler', 'Motivational interviewing'],
      ['Rusrådgivning', 'Substance-use advice'],
      ['Åpen samtaletime', 'Open counselling hour'],
    ],
    categories: [['radgivning', 1], ['lavterskel', 0.4], ['helse', 0.15]],
    targetGroups: [['voksne', 0.85], ['parorende', 0.45], ['unge-voksne', 0.3], ['eldre', 0.1]],
    sentences: [
      'Du kan få samtaler om rus, psykisk helse og hverdagen, alene eller sammen med noen du stoler på.',
      'Samtalene bygger på motiverende intervju, og du bestemmer selv hva dere skal snakke om.',
      'Vi kartlegger sammen hva du trenger, og hjelper deg videre til rusbehandling hvis du ønsker det.',
      'Tilbudet passer for deg som er usikker på eget forbruk av alkohol, cannabis eller andre rusmidler.',
      'Pårørende kan også få egne samtaler, med eller uten at den som ruser seg er med.',
      'Oppfølgingen kan skje på kontoret, på telefon, på video eller der du bor.',
    ],
    sentencesEn: [
      'You can talk about substance use, mental health and everyday life, alone or with someone you trust.',
      'We help you on to treatment if you want it.',
    ],
    hours: { office: 6, officeEvening: 2, evening: 1, none: 1 },
    referral: 0.1,
    free: 0.85,
  },
  {
    key: 'parorende',
    weight: 9,
    names: [
      ['Pårørendegruppe', 'Group for next of kin'],
      ['Samtaletilbud for pårørende', 'Counselling for next of kin'],
      ['Kurs for pårørende', 'Course for next of kin'],
      ['Støtte til pårørende', 'Support for next of kin'],
      ['Samtalegruppe for barn som pårørende', 'Group for children as next of kin'],
      ['Familiesamtaler ved rus', 'Family conversations about substance use'],
      ['Pårørendeskole', 'School for next of kin'],
    ],
    categories: [['radgivning', 1], ['selvhjelp-og-likepersoner', 0.5], ['lavterskel', 0.4]],
    targetGroups: [['parorende', 1], ['barn-som-parorende', 0.35], ['ungdom', 0.1]],
    sentences: [
      'Tilbudet er for deg som er pårørende til noen som har et rusproblem, enten du er forelder, partner, søsken eller venn.',
      'I gruppen møter du andre pårørende som vet hvordan det er, og dere deler erfaringer med støtte fra en samtaleleder.',
      'Barn og unge som pårørende får snakke med en voksen om hvordan de har det hjemme.',
      'Du kan få samtaler alene, sammen med familien eller i gruppe.',
      'Vi gir råd om hvordan du kan sette grenser og ta vare på deg selv.',
      'Mange pårørende får det bedre av å snakke med noen utenfor familien.',
    ],
    sentencesEn: [
      'For next of kin of someone with a substance-use problem: parents, partners, siblings and friends.',
      'Talk alone, with your family or in a group.',
    ],
    hours: { office: 4, officeEvening: 3, evening: 3, none: 1 },
    referral: 0.03,
    free: 0.9,
  },
  {
    key: 'lavterskel',
    weight: 10,
    names: [
      ['Møteplass med gratis mat', 'Drop-in with free food'],
      ['Værested', 'Drop-in centre'],
      ['Brukerkafé', 'Café for users'],
      ['Åpen møteplass', 'Open meeting place'],
      ['Lavterskel aktivitetssenter', 'Low-threshold activity centre'],
      ['Dagsenter', 'Day centre'],
      ['Sosialt møtested', 'Social meeting place'],
      ['Kveldsåpent værested', 'Evening drop-in'],
    ],
    categories: [['lavterskel', 1], ['arbeid-og-aktivitet', 0.5], ['helse', 0.2]],
    targetGroups: [['voksne', 1], ['unge-voksne', 0.2], ['eldre', 0.15]],
    sentences: [
      'Her kan du komme innom uten avtale, få et måltid, en kopp kaffe og noen å snakke med.',
      'Møteplassen har aktiviteter som turer, matlaging, spill og kurs, og brukerne er med og bestemmer.',
      'Ansatte og likepersoner kan hjelpe deg med kontakt med NAV, fastlege, bolig og rusbehandling.',
      'Stedet er rusfritt, men du blir ikke avvist fordi du har ruset deg.',
      'En sykepleier er til stede noen dager i uka for sårstell og enkel helsehjelp.',
      'Væresteder med matservering og helsehjelp i bydelene kan motvirke ensomhet og isolasjon.',
    ],
    sentencesEn: ['Drop in without an appointment for a meal, a coffee and someone to talk to.', 'Activities, trips and courses.'],
    hours: { office: 3, extended: 2, evening: 2, weekend: 2, officeEvening: 1 },
    referral: 0,
    free: 0.9,
  },
  {
    key: 'behandling',
    weight: 10,
    names: [
      ['Poliklinisk rusbehandling', 'Outpatient substance-use treatment'],
      ['Dagbehandling for rusavhengighet', 'Day treatment for addiction'],
      ['Rusbehandling for unge voksne', 'Treatment for young adults'],
      ['Døgnbehandling', 'Residential treatment'],
      ['Avrusning', 'Detoxification'],
      ['Tverrfaglig spesialisert rusbehandling (TSB)', 'Specialised substance-use treatment (TSB)'],
      ['Rusbehandling i gruppe', 'Group treatment'],
      ['Ettervern etter rusbehandling', 'Aftercare following treatment'],
    ],
    categories: [['behandling', 1], ['helse', 0.5]],
    targetGroups: [['voksne', 1], ['unge-voksne', 0.35], ['eldre', 0.1], ['gravide', 0.05]],
    sentences: [
      'Rusbehandlingen består av individuelle samtaler, gruppebehandling og samarbeid med familien.',
      'Behandlingen er en del av tverrfaglig spesialisert rusbehandling (TSB) og gis etter henvisning fra fastlege eller NAV.',
      'Vi tilbyr utredning, avrusning og behandling av samtidige rus- og psykiske lidelser.',
      'Etter rusbehandlingen får du hjelp til å planlegge ettervern, bolig og aktivitet.',
      'Pårørende inviteres til egne samtaler og til pårørendekurs.',
      'Ventetiden er vanligvis noen uker; ta kontakt for å høre om ledig plass.',
    ],
    sentencesEn: ['Treatment with individual and group sessions, in cooperation with the family.', 'Referral from a GP or NAV.'],
    hours: { office: 6, allDay: 2, officeEvening: 1 },
    referral: 0.85,
    free: 0.6,
  },
  {
    key: 'lar',
    weight: 4,
    names: [
      ['LAR-oppfølging', 'Follow-up in LAR'],
      ['Lavterskel LAR', 'Low-threshold LAR'],
      ['Legemiddelassistert rehabilitering (LAR)', 'Opioid agonist treatment (LAR)'],
      ['Utlevering av LAR-medisiner', 'LAR medication dispensing'],
      ['Nedtrapping i LAR', 'Tapering off in LAR'],
    ],
    categories: [['behandling', 1], ['helse', 0.6], ['lavterskel', 0.25]],
    targetGroups: [['voksne', 1], ['eldre', 0.3]],
    sentences: [
      'LAR er en del av rusbehandling i spesialisthelsetjenesten, med substitusjonsmedisin og oppfølging.',
      'Du får medisinen utlevert og har fast kontakt med en sykepleier og en lege.',
      'Vi hjelper deg med nedtrapping hvis du ønsker å avslutte LAR.',
      'Oppfølgingen omfatter også bolig, arbeid og aktivitet, og samarbeid med bydelen.',
      'Mange i LAR er eldre og trenger hjelp med helse og tannhelse.',
    ],
    sentencesEn: ['Medication-assisted rehabilitation with regular follow-up by a nurse and a doctor.'],
    hours: { office: 5, extended: 2, weekend: 1 },
    referral: 0.8,
    free: 0.7,
  },
  {
    key: 'bolig',
    weight: 9,
    names: [
      ['Boligoppfølging', 'Housing support'],
      ['Bolig med bemanning', 'Staffed housing'],
      ['Housing First', 'Housing First'],
      ['Midlertidig bolig', 'Temporary housing'],
      ['Oppfølging i egen bolig', 'Support in your own home'],
      ['Botrening', 'Independent living training'],
      ['Samlokaliserte boliger', 'Clustered housing'],
      ['Fleksibel booppfølging', 'Flexible housing support'],
    ],
    categories: [['bolig', 1], ['lavterskel', 0.3], ['akutt', 0.08]],
    targetGroups: [['voksne', 1], ['unge-voksne', 0.25]],
    sentences: [
      'Vi hjelper deg å få og beholde en bolig, og følger deg opp hjemme så ofte du trenger.',
      'Oppfølgingen gjelder praktiske ting som husleie, innkjøp og kontakt med naboer og utleier.',
      'Boligene har ansatte til stede hele døgnet.',
      'Tilbudet er for deg som har en ruslidelse og trenger hjelp til å bo.',
      'Etter rusbehandling kan en trygg bolig være avgjørende for å klare seg videre.',
      'Søknad om kommunal bolig går gjennom NAV-kontoret i bydelen.',
    ],
    sentencesEn: ['Help to find and keep a home, with follow-up where you live.'],
    hours: { office: 5, allDay: 2, none: 2 },
    referral: 0.5,
    free: 0.4,
  },
  {
    key: 'arbeid',
    weight: 8,
    names: [
      ['Arbeidstrening', 'Work training'],
      ['Individuell jobbstøtte (IPS)', 'Individual placement and support (IPS)'],
      ['Aktivitetstilbud', 'Activities'],
      ['Arbeid med bistand', 'Supported employment'],
      ['Dagsverk', 'Day labour'],
      ['Nyttig arbeid', 'Useful work'],
      ['Aktivitetsgruppe', 'Activity group'],
      ['Jobbklubb', 'Job club'],
      ['Kunst- og verkstedtilbud', 'Art and workshop'],
    ],
    categories: [['arbeid-og-aktivitet', 1], ['lavterskel', 0.3]],
    targetGroups: [['voksne', 1], ['unge-voksne', 0.4]],
    sentences: [
      'Du får arbeid og aktivitet som gir struktur i hverdagen, med lønn eller dagpenger.',
      'En jobbspesialist hjelper deg å finne og beholde en jobb i det vanlige arbeidslivet.',
      'Aktivitetene er for eksempel snekring, sykkelverksted, kantine, turer og trening.',
      'Tilbudet passer for deg som er i eller har vært i rusbehandling og vil tilbake i arbeid.',
      'Vi samarbeider tett med NAV og oppfølgingstjenesten i bydelen.',
    ],
    sentencesEn: ['Work and activities that give structure to the day.', 'We work closely with NAV.'],
    hours: { office: 7, officeEvening: 1, weekend: 1 },
    referral: 0.35,
    free: 0.85,
  },
  {
    key: 'akutt',
    weight: 3,
    names: [
      ['Akuttmottak', 'Emergency reception'],
      ['Døgnåpen rustelefon', '24-hour helpline'],
      ['Akutt overnatting', 'Emergency overnight stay'],
      ['Krisesenterplasser', 'Crisis shelter places'],
      ['Rusakutt', 'Substance-use emergency'],
      ['Nattåpent mottak', 'Night reception'],
    ],
    categories: [['akutt', 1], ['helse', 0.5], ['bolig', 0.2]],
    targetGroups: [['voksne', 1], ['unge-voksne', 0.3], ['ungdom', 0.1]],
    sentences: [
      'Ved akutt behov for hjelp kan du ta kontakt hele døgnet.',
      'Mottaket gir akutt helsehjelp ved rusforgiftning, abstinenser og overdose.',
      'Du kan få en seng for natten og hjelp videre dagen etter.',
      'Adressen til overnattingen vises ikke offentlig; kontakt tjenesten for å avtale.',
      'Ring 113 ved fare for liv.',
    ],
    sentencesEn: ['Emergency help around the clock.', 'Call 113 if life is in danger.'],
    hours: { allDay: 6, night: 3, extended: 1 },
    referral: 0.05,
    free: 0.8,
  },
  {
    key: 'ungdom',
    weight: 8,
    names: [
      ['Ruskonsulent for unge', 'Substance-use counsellor for young people'],
      ['Ungdomslos', 'Youth pilot'],
      ['Hasjavvenning', 'Cannabis cessation'],
      ['Fritidsklubb', 'Youth club'],
      ['Ungdomsteam', 'Youth team'],
      ['Samtaletilbud for ungdom', 'Counselling for young people'],
      ['Oppfølging av unge med rusproblemer', 'Follow-up of young people with substance-use problems'],
      ['Helsestasjon for ungdom', 'Youth health clinic'],
    ],
    categories: [['radgivning', 1], ['lavterskel', 0.6], ['helse', 0.25], ['arbeid-og-aktivitet', 0.15]],
    targetGroups: [['ungdom', 1], ['unge-voksne', 0.6], ['parorende', 0.15]],
    sentences: [
      'Tilbudet er for ungdom som er bekymret for eget eller andres bruk av rus.',
      'Du kan snakke med en ruskonsulent om cannabis, alkohol, skole, familie og venner.',
      'Foreldre og andre pårørende kan også ta kontakt for råd og veiledning.',
      'Samtalene er gratis, og du kan være anonym.',
      'Vi samarbeider med skolehelsetjenesten, utekontakten og barnevernet.',
      'Hasjavvenningsprogrammet gir strukturert hjelp til å slutte med cannabis.',
    ],
    sentencesEn: ['For young people worried about their own or others’ substance use.', 'Parents can ask for advice too.'],
    hours: { office: 4, officeEvening: 3, evening: 2 },
    referral: 0.05,
    free: 0.97,
  },
  {
    key: 'helse',
    weight: 7,
    names: [
      ['Helsetjeneste for rusavhengige', 'Health care for people who use drugs'],
      ['Sprøyteutdeling', 'Needle exchange'],
      ['Tannhelse for rusavhengige', 'Dental care for people who use drugs'],
      ['Feltpleie', 'Street nursing'],
      ['Helserom', 'Health room'],
      ['Vaksinasjon og testing', 'Vaccination and testing'],
      ['Primærhelseteam', 'Primary care team'],
    ],
    categories: [['helse', 1], ['lavterskel', 0.6]],
    targetGroups: [['voksne', 1], ['eldre', 0.2]],
    sentences: [
      'Sykepleiere og lege gir helsehjelp, sårstell, vaksiner og testing for hepatitt og hiv.',
      'Du trenger ikke time, og du trenger ikke å oppgi navn.',
      'Vi deler ut rent brukerutstyr og nalokson, og gir råd om tryggere bruk.',
      'Helsehjelpen er tilpasset deg som har et rusproblem og ikke bruker fastlegen.',
      'Tannbehandling er gratis for rusavhengige som får kommunale tjenester.',
    ],
    sentencesEn: ['Nurses and a doctor give health care, wound care, vaccines and tests.'],
    hours: { office: 4, extended: 2, evening: 1, night: 1 },
    referral: 0.05,
    free: 0.95,
  },
  {
    key: 'gravide',
    weight: 2,
    names: [
      ['Oppfølging av gravide med rusproblemer', 'Support for pregnant women who use substances'],
      ['Jordmor og helsestasjon', 'Midwife and child health clinic'],
      ['Familieambulatorium', 'Family outpatient clinic'],
      ['Svangerskapsomsorg ved rus', 'Antenatal care and substance use'],
    ],
    categories: [['helse', 1], ['behandling', 0.4], ['radgivning', 0.3]],
    targetGroups: [['gravide', 1], ['voksne', 0.3], ['parorende', 0.2]],
    sentences: [
      'Gravide som bruker rusmidler får tett oppfølging av jordmor og lege gjennom svangerskapet.',
      'Oppfølgingen fortsetter etter fødselen, til barnet begynner på skolen.',
      'Partneren og andre pårørende kan være med på samtalene.',
      'Vi samarbeider med spesialisthelsetjenesten og barnevernet når det trengs.',
    ],
    sentencesEn: ['Close follow-up by a midwife and a doctor during pregnancy.'],
    hours: { office: 8, none: 1 },
    referral: 0.4,
    free: 1,
  },
  {
    key: 'eldre',
    weight: 3,
    names: [
      ['Eldre og alkohol', 'Older people and alcohol'],
      ['Hjemmetjenesten – alkohol og legemidler', 'Home care – alcohol and medicines'],
      ['Seniorsamtaler om rus', 'Conversations for seniors'],
      ['Aktivitetssenter for eldre', 'Activity centre for older people'],
    ],
    categories: [['helse', 1], ['radgivning', 0.5], ['arbeid-og-aktivitet', 0.2]],
    targetGroups: [['eldre', 1], ['parorende', 0.3]],
    sentences: [
      'Eldre tåler mindre alkohol, og mange bruker legemidler som ikke passer sammen med rus.',
      'Hjemmetjenesten kan se etter tegn på rusproblemer og tilby samtale og oppfølging.',
      'Pårørende til eldre med rusproblemer kan få råd om hvordan de kan hjelpe.',
      'Seniorsenteret har aktiviteter, lunsj og samtalegrupper.',
    ],
    sentencesEn: ['Older people tolerate less alcohol, and many take medicines that do not mix with it.'],
    hours: { office: 7, extended: 1, none: 1 },
    referral: 0.2,
    free: 0.7,
  },
  {
    key: 'selvhjelp',
    weight: 6,
    names: [
      ['Likepersonsarbeid', 'Peer support'],
      ['Selvhjelpsgruppe', 'Self-help group'],
      ['Brukerorganisasjon', 'User organisation'],
      ['AA-møter', 'AA meetings'],
      ['Likepersonstjeneste', 'Peer service'],
      ['Samtalegruppe med likepersoner', 'Peer conversation group'],
      ['Erfaringskonsulenter', 'Peer consultants'],
    ],
    categories: [['selvhjelp-og-likepersoner', 1], ['lavterskel', 0.5], ['radgivning', 0.2]],
    targetGroups: [['voksne', 1], ['parorende', 0.25], ['unge-voksne', 0.2]],
    sentences: [
      'Likepersoner har selv erfaring med rus og vet hva det vil si å komme seg ut av det.',
      'Gruppene møtes fast hver uke, og alle er velkomne uten påmelding.',
      'Organisasjonen arbeider for brukermedvirkning og rettighetene til personer med rusproblemer.',
      'Du kan få en likeperson som følger deg til møter med NAV, lege og rusbehandling.',
    ],
    sentencesEn: ['Peers with their own experience of substance use.', 'Groups meet every week; everyone is welcome.'],
    hours: { evening: 4, officeEvening: 2, weekend: 2, office: 2 },
    referral: 0,
    free: 0.95,
  },
];

/**
 * Compound nouns in the Norwegian way (samtale + gruppe = samtalegruppe), with their inflected
 * forms: real descriptions use many more distinct words than the sentences above, and the word
 * list for typo tolerance (dir_public_word) should be of a realistic size (several thousand).
 */
const COMPOUND_FIRST = [
  'rus', 'samtale', 'aktivitet', 'bolig', 'arbeids', 'helse', 'pårørende', 'ungdoms', 'familie', 'oppfølgings', 'tur', 'mat',
  'kunst', 'musikk', 'trenings', 'sykkel', 'snekker', 'kafé', 'natt', 'dag', 'kvelds', 'helge', 'sommer', 'vinter',
  'likeperson', 'bruker', 'hasj', 'alkohol', 'spill', 'skole', 'jobb', 'nettverks', 'mestrings', 'motivasjons', 'livsstils',
  'fritids', 'kultur', 'friluft', 'kurs', 'foreldre', 'søsken', 'mødre', 'fedre', 'senior', 'tannhelse', 'ernærings',
];
const COMPOUND_SECOND = [
  ['gruppe', 'gruppen', 'grupper'], ['tilbud', 'tilbudet', 'tilbudene'], ['kurs', 'kurset', 'kursene'], ['team', 'teamet', 'teamene'],
  ['verksted', 'verkstedet', 'verksteder'], ['program', 'programmet', 'programmer'], ['senter', 'senteret', 'sentre'],
  ['prosjekt', 'prosjektet', 'prosjekter'], ['møte', 'møtet', 'møter'], ['kveld', 'kvelden', 'kvelder'], ['trening', 'treningen', 'treninger'],
  ['veiledning', 'veiledningen', 'veiledninger'], ['støtte', 'støtten', 'støtter'], ['plan', 'planen', 'planer'], ['klubb', 'klubben', 'klubber'],
  ['time', 'timen', 'timer'], ['forum', 'forumet', 'fora'], ['leir', 'leiren', 'leirer'], ['uke', 'uken', 'uker'], ['vert', 'verten', 'verter'],
];

const KIND_WEIGHTS: Record<string, number> = Object.fromEntries(KINDS.map((k, i) => [String(i), k.weight]));

/** Sentences any service may carry. */
const GENERAL_SENTENCES = [
  'Vi samarbeider med NAV, fastlegen, spesialisthelsetjenesten og frivillige organisasjoner.',
  'Du kan ha med deg en pårørende eller en annen du stoler på.',
  'Tilbudet følger Oslostandard for rusfaglig arbeid.',
  'Brukerne er med og utvikler tilbudet.',
  'Alle ansatte har taushetsplikt.',
  'Tolk kan bestilles ved behov.',
  'Individuell plan og koordinator kan avtales ved behov for langvarig oppfølging.',
  'Oppfølgingen tilpasses den enkelte, og du kan ta en pause og komme tilbake senere.',
];

/** Organisations: a name pattern and the kinds of service such an organisation offers. */
const ORGANIZATION_TYPES: { pattern: string; kinds: string[]; blurb: string }[] = [
  { pattern: '{place} frivilligsentral', kinds: ['lavterskel', 'selvhjelp', 'arbeid', 'parorende'], blurb: 'Frivilligsentralen er en møteplass for frivillige og innbyggere i nærmiljøet.' },
  { pattern: '{place} aktivitetshus', kinds: ['arbeid', 'lavterskel'], blurb: 'Aktivitetshuset gir arbeid, aktivitet og et sosialt fellesskap.' },
  { pattern: '{place} helsehus', kinds: ['helse', 'samtale', 'eldre', 'lar'], blurb: 'Helsehuset samler helsetjenester for innbyggerne i bydelen.' },
  { pattern: 'Ungdomshuset {place}', kinds: ['ungdom'], blurb: 'Ungdomshuset er et trygt sted for unge med aktiviteter og voksne å snakke med.' },
  { pattern: 'Kirkens Bymisjon {place}', kinds: ['lavterskel', 'bolig', 'parorende', 'helse'], blurb: 'Diakonal stiftelse med lavterskeltilbud, bolig og helsehjelp.' },
  { pattern: 'Blå Kors {place}', kinds: ['behandling', 'samtale', 'parorende', 'lavterskel'], blurb: 'Blå Kors driver rusbehandling, samtaletilbud og tilbud til pårørende.' },
  { pattern: 'Frelsesarmeen {place}', kinds: ['lavterskel', 'bolig', 'akutt'], blurb: 'Frelsesarmeen har væresteder, boliger og akutt overnatting.' },
  { pattern: 'Stiftelsen {place}tunet', kinds: ['bolig', 'behandling', 'arbeid'], blurb: 'Stiftelsen driver bolig, behandling og arbeidstrening.' },
  { pattern: 'Brukerforeningen {place}', kinds: ['selvhjelp', 'lavterskel'], blurb: 'En brukerorganisasjon for og med personer med rusproblemer.' },
  { pattern: 'Pårørendesenteret {place}', kinds: ['parorende'], blurb: 'Pårørendesenteret gir støtte og samtaler til pårørende.' },
  { pattern: '{place} rusklinikk', kinds: ['behandling', 'lar', 'akutt'], blurb: 'Klinikken gir tverrfaglig spesialisert rusbehandling.' },
  { pattern: '{place} DPS', kinds: ['behandling', 'samtale', 'lar'], blurb: 'Distriktspsykiatrisk senter med poliklinikk for rus og psykisk helse.' },
  { pattern: '{place} boligstiftelse', kinds: ['bolig'], blurb: 'Boligstiftelsen leier ut boliger med oppfølging.' },
  { pattern: '{place} arbeidssamvirke', kinds: ['arbeid'], blurb: 'Arbeidssamvirket gir arbeidstrening og varig tilrettelagt arbeid.' },
  { pattern: '{place} legesenter', kinds: ['helse', 'lar', 'gravide'], blurb: 'Legesenteret har fastleger, sykepleiere og LAR-oppfølging.' },
  { pattern: 'Familievernkontoret {place}', kinds: ['parorende', 'gravide', 'samtale'], blurb: 'Familievernet gir samtaler til par og familier.' },
  { pattern: 'Rusteamet {place}', kinds: ['samtale', 'bolig', 'lar', 'parorende'], blurb: 'Bydelens rusteam gir råd, oppfølging og samtaler.' },
  { pattern: 'Ungdomsteamet {place}', kinds: ['ungdom'], blurb: 'Ungdomsteamet følger opp unge med rusproblemer og deres foreldre.' },
  { pattern: 'Oppfølgingstjenesten {place}', kinds: ['samtale', 'bolig', 'arbeid'], blurb: 'Oppfølgingstjenesten gir helhetlig oppfølging i hjemmet.' },
  { pattern: 'Helsestasjonen {place}', kinds: ['gravide', 'ungdom'], blurb: 'Helsestasjonen følger opp gravide, barn og unge.' },
  { pattern: '{place} seniorsenter', kinds: ['eldre'], blurb: 'Seniorsenteret har aktiviteter og samtalegrupper for eldre.' },
  { pattern: 'Feltsykepleien {place}', kinds: ['helse', 'akutt'], blurb: 'Sykepleiere som møter folk der de er.' },
];

const TIMES_OPEN = ['08:00', '08:00', '08:00', '08:00', '08:00', '08:30', '09:00'];
const TIMES_CLOSE = ['15:30', '15:30', '15:30', '15:30', '15:30', '15:00', '16:00'];
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function days(weekdays: readonly number[], opensAt: string, closesAt: string): WeeklyHours[] {
  return weekdays.map((weekday) => ({ weekday, opensAt, closesAt }));
}

function weeklyHours(random: Random, profile: HoursProfile): WeeklyHours[] {
  switch (profile) {
    case 'none':
      return [];
    case 'office': {
      const open = random.pick(TIMES_OPEN);
      const close = random.pick(TIMES_CLOSE);
      // Some close early on Fridays.
      if (random.chance(0.15)) return [...days([1, 2, 3, 4], open, close), ...days([5], open, '14:00')];
      return days(WEEKDAYS, open, close);
    }
    case 'officeEvening': {
      const evenings = random.pick([[2], [4], [2, 4], [1, 3]]);
      return [...days(WEEKDAYS, random.pick(TIMES_OPEN), random.pick(TIMES_CLOSE)), ...days(evenings, '17:00', random.pick(['20:00', '21:00']))];
    }
    case 'evening':
      return days(random.pick([[1, 2, 3, 4], WEEKDAYS, [2, 4], [1, 3, 5]]), random.pick(['17:00', '18:00']), random.pick(['21:00', '22:00']));
    case 'extended':
      return days(EVERY_DAY, random.pick(['08:00', '09:00', '10:00']), random.pick(['20:00', '22:00']));
    case 'weekend':
      return [...days(random.chance(0.5) ? [3] : [], '12:00', '16:00'), ...days([6, 7], random.pick(['11:00', '12:00']), random.pick(['16:00', '17:00']))];
    case 'night':
      // Past midnight: Friday 20:00–02:00 runs into Saturday.
      return random.chance(0.5) ? days([5, 6], '20:00', '02:00') : days(EVERY_DAY, '22:00', '08:00');
    case 'allDay':
      return days(EVERY_DAY, '00:00', '24:00');
  }
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function exceptionsFor(random: Random, profile: HoursProfile, today: string): HoursException[] {
  if (profile === 'none' || profile === 'allDay') return [];
  const year = today.slice(5) > '12-26' ? Number(today.slice(0, 4)) + 1 : Number(today.slice(0, 4));
  const summer = today.slice(5) > '07-31' ? year + 1 : year;
  const exceptions: HoursException[] = [];
  if (random.chance(0.6)) {
    if (random.chance(0.3)) {
      exceptions.push({ from: `${year}-12-24`, to: `${year}-12-24`, closed: false, opensAt: '10:00', closesAt: '14:00', reason: 'Julaften: kort dag' });
      exceptions.push({ from: `${year}-12-25`, to: `${year}-12-26`, closed: true, reason: 'Juledagene' });
    } else {
      exceptions.push({ from: `${year}-12-24`, to: `${year}-12-26`, closed: true, reason: 'Julaften og juledagene' });
    }
    exceptions.push({ from: `${year}-12-31`, to: `${year + 1}-01-01`, closed: true, reason: 'Nyttårsaften og første nyttårsdag' });
  }
  if (random.chance(0.22)) exceptions.push({ from: `${summer}-07-06`, to: `${summer}-07-31`, closed: true, reason: 'Sommerstengt' });
  if (random.chance(0.05)) {
    const day = addDays(today, random.int(3, 60));
    // Not on top of Christmas or New Year.
    if (!exceptions.some((e) => e.from <= day && day <= e.to)) exceptions.push({ from: day, to: day, closed: true, reason: 'Stengt på grunn av fagdag' });
  }
  return exceptions;
}

function sentenceList(random: Random, sentences: readonly string[], count: number): string[] {
  return random.some(sentences, count);
}

function listText(items: readonly string[], and = 'og'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const GROUP_PHRASES: Record<string, string> = {
  ungdom: 'ungdom',
  'unge-voksne': 'unge voksne',
  voksne: 'voksne',
  eldre: 'eldre',
  parorende: 'pårørende',
  'barn-som-parorende': 'barn som pårørende',
  gravide: 'gravide',
};

const ADJECTIVES = ['et lavterskel', 'et gratis', 'et fast', 'et åpent', 'et frivillig', 'et kommunalt', 'et byomfattende', 'et nytt', 'et etablert'];

function chooseTerms(random: Random, terms: readonly [string, number][]): string[] {
  const chosen = terms.filter(([, p], index) => index === 0 || random.chance(p)).map(([code]) => code);
  return [...new Set(chosen)];
}

function ages(random: Random, groups: readonly string[]): { min: number | null; max: number | null } {
  if (random.chance(0.45)) return { min: null, max: null };
  if (groups.includes('ungdom')) return { min: random.pick([12, 13, 15, 16]), max: random.pick([18, 21, 23, 25]) };
  if (groups.includes('unge-voksne')) return { min: random.pick([16, 18]), max: random.pick([25, 30]) };
  if (groups.includes('eldre')) return { min: random.pick([60, 65, 67]), max: null };
  if (groups.includes('barn-som-parorende')) return { min: random.pick([6, 8, 10]), max: 18 };
  return { min: 18, max: null };
}

const OTHER_LANGUAGES = ['ar', 'so', 'ur', 'pl', 'ti', 'fa', 'ru', 'uk'];

function isoDaysAgo(today: string, days: number): string {
  return addDays(today, -days);
}

/**
 * The directory of the given shape. `today` (Oslo date) anchors verification dates and the
 * holiday exceptions, so the hours stay meaningful whenever the benchmark runs.
 */
export function generateDirectory(shape: DirectoryShape, today: string, seed = 20_261_126): GeneratedDirectory {
  const random = prng(seed);
  const kindByKey = new Map(KINDS.map((k) => [k.key, k]));

  // ---------------------------------------------------------------- organisations
  const organizations: (GeneratedOrganization & { type: (typeof ORGANIZATION_TYPES)[number]; place: string })[] = [];
  const names = new Set<string>();
  for (let i = 0; i < shape.organizations; i++) {
    // One in eight is city-wide (central), the rest belong to a district.
    const district = random.chance(0.125) ? null : random.pick(DISTRICT_CODES);
    let name = '';
    let type = ORGANIZATION_TYPES[0]!;
    let place = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      type = random.pick(ORGANIZATION_TYPES);
      place = district ? random.pick(DISTRICTS[district].places) : random.pick(CENTRAL_PLACES);
      name = type.pattern.replace('{place}', place);
      if (!names.has(name.toLocaleLowerCase('nb'))) break;
    }
    // Beyond the name patterns (very large shapes): a number keeps names unique.
    for (let n = 2; names.has(name.toLocaleLowerCase('nb')); n++) name = `${type.pattern.replace('{place}', place)} ${n}`;
    names.add(name.toLocaleLowerCase('nb'));
    const area = district ? `i Bydel ${DISTRICTS[district].name}` : 'for hele Oslo';
    organizations.push({
      id: uuid(random),
      name,
      description: `${type.blurb} ${name} har tilbud ${area}.`,
      website: '',
      district,
      type,
      place,
    });
  }

  // Services and locations per organisation: every organisation has at least one of each, the
  // rest are spread with skewed weights (a few large organisations, many small ones).
  const weights = organizations.map(() => 0.2 + random.next() ** 3 * 6);
  const allot = (total: number): number[] => {
    const counts: number[] = organizations.map(() => (total >= organizations.length ? 1 : 0));
    let left = total - counts.reduce((a, b) => a + b, 0);
    const sum = weights.reduce((a, b) => a + b, 0);
    // Proportional share first, then one at a time by weighted draw for the remainder.
    weights.forEach((w, i) => {
      const share = Math.floor((w / sum) * left * 0.9);
      counts[i] = (counts[i] ?? 0) + share;
    });
    left = total - counts.reduce((a, b) => a + b, 0);
    while (left > 0) {
      let r = random.next() * sum;
      let i = 0;
      for (; i < weights.length - 1; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) break;
      }
      counts[i] = (counts[i] ?? 0) + 1;
      left--;
    }
    return counts;
  };
  const servicesPerOrg = allot(shape.services);
  const locationsPerOrg = allot(shape.locations);

  // ---------------------------------------------------------------- locations
  const locations: GeneratedLocation[] = [];
  const locationsOf = new Map<string, GeneratedLocation[]>();
  organizations.forEach((org, index) => {
    const own: GeneratedLocation[] = [];
    const count = locationsPerOrg[index] ?? 0;
    const shelterKinds = org.type.kinds.includes('akutt') || org.type.kinds.includes('bolig');
    for (let i = 0; i < count; i++) {
      // Most locations lie in the organisation's district; city-wide organisations are everywhere.
      const district = org.district && random.chance(0.8) ? org.district : random.pick(DISTRICT_CODES);
      const d = DISTRICTS[district];
      const place = random.pick(d.places);
      const confidential = random.chance(shelterKinds ? 0.12 : 0.015);
      const withCoordinates = confidential || random.chance(0.96);
      const number = random.int(1, 120);
      const name =
        i === 0 && count === 1
          ? org.name
          : confidential
            ? random.pick(['Skjermet botilbud', 'Krisesenterplasser', 'Akuttovernatting', 'Skjermet avdeling']) + ` ${i + 1}`
            : random.pick([`${org.name}, ${place}`, `${org.name} – avdeling ${place}`, `${place} ${random.pick(['møtested', 'kontor', 'senter', 'base'])}`]);
      const wheel = random.next();
      own.push({
        id: uuid(random),
        organizationId: org.id,
        name: name.slice(0, 200),
        description: random.chance(0.3) ? random.pick(['Inngang fra bakgården.', 'I andre etasje.', 'Ved siden av NAV-kontoret.', 'Ring på ved hovedinngangen.']) : '',
        address: `${random.pick(STREETS)} ${number}`,
        postalCode: String(random.int(d.postal[0], d.postal[1])).padStart(4, '0'),
        city: 'Oslo',
        district,
        // Around the district's centre: about ±1.3 km north–south, ±1.4 km east–west.
        latitude: withCoordinates ? Math.round((d.lat + (random.next() - 0.5) * 0.024) * 1e5) / 1e5 : null,
        longitude: withCoordinates ? Math.round((d.lon + (random.next() - 0.5) * 0.05) * 1e5) / 1e5 : null,
        confidential,
        wheelchairAccessible: wheel < 0.6 ? true : wheel < 0.8 ? false : null,
        accessibilityNote: random.chance(0.25) ? random.pick(['Trinnfri inngang og HC-toalett.', 'Heis til alle etasjer.', 'Trapp med fem trinn, ingen heis.']) : '',
        transportation: random.chance(0.3) ? random.pick(['Buss og trikk stopper like ved.', 'Fem minutter fra T-banen.', 'Nærmeste holdeplass er to minutter unna.']) : '',
        example: true,
      });
    }
    locations.push(...own);
    locationsOf.set(org.id, own);
  });

  // ---------------------------------------------------------------- services
  const services: GeneratedService[] = [];
  const lengths: number[] = [];
  organizations.forEach((org, index) => {
    const count = servicesPerOrg[index] ?? 0;
    const own = locationsOf.get(org.id) ?? [];
    // Locations are dealt round-robin so that every location is used; some services get one more.
    const dealt: GeneratedLocation[][] = Array.from({ length: count }, () => []);
    own.forEach((location, i) => dealt[i % Math.max(1, count)]?.push(location));
    for (let s = 0; s < count; s++) {
      // Mostly the organisation's kinds, sometimes anything.
      const kind = random.chance(0.85)
        ? kindByKey.get(random.pick(org.type.kinds))!
        : KINDS[Number(random.weighted(KIND_WEIGHTS))]!;
      const [stem, stemEn] = random.pick(kind.names);
      const targetGroups = chooseTerms(random, kind.targetGroups);
      const categories = chooseTerms(random, kind.categories);
      const cityWide = org.district === null ? random.chance(0.85) : random.chance(0.1);
      const serviceLocations = dealt[s] ?? [];
      if (serviceLocations.length === 0 && own.length > 0) serviceLocations.push(random.pick(own));
      if (random.chance(0.2) && own.length > serviceLocations.length) {
        const extra = random.pick(own);
        if (!serviceLocations.includes(extra)) serviceLocations.push(extra);
      }
      const districts = cityWide
        ? []
        : [...new Set([...(org.district ? [org.district] : []), ...serviceLocations.map((l) => l.district), ...(random.chance(0.15) ? [random.pick(DISTRICT_CODES)] : [])])].sort();
      if (!cityWide && districts.length === 0) districts.push(random.pick(DISTRICT_CODES));
      const areaText = cityWide ? 'i hele Oslo' : `i Bydel ${listText(districts.map((code) => DISTRICTS[code].name))}`;
      const name = random.chance(0.45) ? `${stem}, ${org.place}` : random.chance(0.3) ? `${stem} – ${org.name}` : stem;
      const referralRequired = random.chance(0.12) ? null : random.chance(kind.referral);
      const freeOfCharge = random.chance(0.12) ? null : random.chance(kind.free);
      const groupsText = listText(targetGroups.map((code) => GROUP_PHRASES[code] ?? code));
      const sentences = [
        `${stem} er ${random.pick(ADJECTIVES)} tilbud for ${groupsText} ${areaText}, drevet av ${org.name}.`,
        ...sentenceList(random, kind.sentences, random.int(2, 4)),
        ...sentenceList(random, GENERAL_SENTENCES, random.int(0, 2)),
      ];
      if (random.chance(0.7)) {
        const compounds = Array.from({ length: random.int(1, 3) }, () => `${random.pick(COMPOUND_FIRST)}${random.pick(random.pick(COMPOUND_SECOND))}`);
        sentences.push(`${random.pick(['I tillegg har vi', 'Vi tilbyr også', 'Det er også mulig å delta i', 'Spør gjerne om'])} ${listText(compounds)}.`);
      }
      if (freeOfCharge === true && referralRequired === false) sentences.push('Tilbudet er gratis og krever ikke henvisning.');
      else if (freeOfCharge === true && referralRequired === true) sentences.push('Tilbudet er gratis, men krever henvisning fra fastlege eller NAV.');
      else if (freeOfCharge === false && referralRequired === false) sentences.push('Det er en egenandel, men du trenger ikke henvisning.');
      else if (referralRequired === true) sentences.push('Du trenger henvisning fra fastlege eller NAV.');
      const description = sentences.join(' ');
      lengths.push(description.length);
      const english = random.chance(0.25);
      const profile = random.weighted(kind.hours as Record<HoursProfile, number>);
      const hours: OpeningHours = { weekly: weeklyHours(random, profile), exceptions: exceptionsFor(random, profile, today) };
      const problems = validateOpeningHours(hours);
      if (problems.length) throw new Error(`generated hours are invalid (${profile}): ${JSON.stringify(problems.slice(0, 2))}`);
      const statusDraw = random.next();
      const status: ServiceStatus = statusDraw < 0.95 ? 'active' : statusDraw < 0.98 ? 'temporarily_closed' : statusDraw < 0.995 ? 'inactive' : 'defunct';
      const languages = ['nb', ...(random.chance(0.3) ? ['en'] : []), ...(random.chance(0.1) ? random.some(OTHER_LANGUAGES, random.int(1, 2)) : []), ...(random.chance(0.01) ? ['se'] : [])];
      const age = ages(random, targetGroups);
      services.push({
        id: uuid(random),
        organizationId: org.id,
        kind: kind.key,
        name: name.slice(0, 200),
        nameEn: english ? stemEn : '',
        alternateName: random.chance(0.05) ? stem.split(' ')[0] ?? '' : '',
        description,
        descriptionEn: english ? `${stemEn} for ${cityWide ? 'all of Oslo' : `the ${listText(districts.map((code) => DISTRICTS[code].name), 'and')} district`}, run by ${org.name}. ${sentenceList(random, kind.sentencesEn, 2).join(' ')}` : '',
        status,
        statusNote: status === 'temporarily_closed' ? random.pick(['Midlertidig stengt på grunn av oppussing.', 'Stengt i en periode på grunn av flytting.']) : '',
        howToGetIn:
          referralRequired === true
            ? 'Be fastlegen eller NAV om å sende en henvisning.'
            : random.pick(['Møt opp uten avtale.', 'Ring eller send e-post for å avtale en første samtale.', 'Kom innom i åpningstiden.', '']),
        eligibility: random.chance(0.35) ? random.pick(['For deg som bor i bydelen.', 'For deg over 18 år.', 'Ingen krav om diagnose.', 'For deg som har eller har hatt et rusproblem.']) : '',
        minimumAge: age.min,
        maximumAge: age.max,
        referralRequired,
        freeOfCharge,
        feesDescription: freeOfCharge === false ? 'Egenandel etter gjeldende satser.' : '',
        cityWide,
        districts,
        targetGroups,
        categories,
        languages,
        locationIds: serviceLocations.map((l) => l.id),
        hours,
        hoursProfile: profile,
        lastVerifiedOn: isoDaysAgo(today, random.int(0, 460)),
      });
    }
  });

  const profiles = { none: 0, office: 0, officeEvening: 0, evening: 0, extended: 0, weekend: 0, night: 0, allDay: 0 } as Record<HoursProfile, number>;
  for (const s of services) profiles[s.hoursProfile] += 1;
  const plain = organizations.map(({ type: _type, place: _place, ...org }) => org);
  return {
    shape,
    seed,
    organizations: plain,
    locations,
    services,
    counts: {
      organizations: plain.length,
      locations: locations.length,
      services: services.length,
      searchable: services.filter((s) => s.status === 'active' || s.status === 'temporarily_closed').length,
      cityWide: services.filter((s) => s.cityWide).length,
      confidentialLocations: locations.filter((l) => l.confidential).length,
      locationsWithoutCoordinates: locations.filter((l) => l.latitude === null).length,
      serviceLocationLinks: services.reduce((n, s) => n + s.locationIds.length, 0),
      weeklyRules: services.reduce((n, s) => n + s.hours.weekly.length, 0),
      exceptions: services.reduce((n, s) => n + s.hours.exceptions.length, 0),
      hoursProfiles: profiles,
      descriptionChars: {
        min: Math.min(...lengths),
        max: Math.max(...lengths),
        mean: Math.round(lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)),
      },
      withEnglish: services.filter((s) => s.descriptionEn !== '').length,
    },
  };
}
