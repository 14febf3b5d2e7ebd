import type { HoursException, OpeningHours, ServiceStatus, WeeklyHours } from '@rusfag/core';

/**
 * Demo data for the service directory (tjenesteoversikten, HSDS 3.0): real services named in the
 * seed documents in ../shared/seeds/, with descriptions written from what those documents say.
 *
 * - 001 = Ruspolitisk handlingsplan, Bydel St. Hanshaugen (2020); §4 describes the district's
 *   services, §5 is the measure plan.
 * - 002 = Oppsummering rådslag 8. desember 2016 (Velferdsetaten), incl. the list of participants.
 * - 003 = Arbeidsplan 2018 for KoRus Oslo.
 * - 004 = Oslostandard for rusfaglig arbeid (utkast), Tiltak 1–14 and the appendices.
 *
 * Rules kept here: phone numbers and web addresses only where they appear in the seeds (the test
 * checks this); the seeds give no street addresses, coordinates or opening hours, so every
 * location with coordinates or a made-up address is `example: true` and every schedule is
 * `hoursExample: true` — the public pages label both "eksempeldata". Example coordinates lie in
 * the district named by `districtKey`.
 */

export interface DemoLocation {
  key: string;
  name: string;
  /** Street address only if it appears in the seeds; otherwise omit. If you add one for the demo anyway, set example: true. */
  address?: string;
  postalCode?: string;
  city?: string;
  /** District key from organizations.ts ('sagene', 'sth', …) where the location lies, if known. */
  districtKey?: string;
  latitude?: number;
  longitude?: number;
  /** e.g. shelters / crisis housing: the address is never shown publicly. */
  confidential?: boolean;
  wheelchairAccessible?: boolean | null;
  accessibilityNote?: string;
  /** true when address/coordinates are made-up example data (shown publicly as "eksempeldata"). */
  example: boolean;
}

export interface DemoService {
  key: string;
  name: string;
  nameEn?: string;
  alternateName?: string;
  /** Norwegian, 1–4 sentences, facts from the seeds in our own words. */
  description: string;
  descriptionEn?: string;
  /** Codes from TARGET_GROUPS (at least one). */
  targetGroups: string[];
  /** Codes from CATEGORIES (at least one). */
  categories: string[];
  /** 'city' for city-wide services, otherwise district keys ('sth', 'alna', 'sagene', …). */
  area: 'city' | string[];
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  /** null = unknown from the seeds. */
  referralRequired: boolean | null;
  freeOfCharge: boolean | null;
  feesDescription?: string;
  /** Application process, e.g. "Møt opp uten avtale" (only where the seeds support it). */
  howToGetIn?: string;
  /** ISO 639-1; ['nb'] unless the seeds say more. */
  languages: string[];
  status: ServiceStatus;
  /** Opening hours: only when the seeds state them, else example hours with hoursExample: true, or omit. */
  hours?: OpeningHours;
  hoursExample?: boolean;
  /** Keys of the organisation's locations where it is offered (may be empty). */
  locations: string[];
  /** ONLY numbers that appear in the seeds; never invent. */
  phones?: { number: string; description?: string }[];
  /** Only URLs that appear in the seeds. */
  website?: string;
  /** Where the facts come from: 'seed 001 §5.2', 'seed 002', … */
  source: string;
}

export interface DemoDirectoryOrganization {
  key: string;
  name: string;
  description: string;
  /** When the organisation is part of Oslo kommune: its key in organizations.ts (e.g. 'ute', 'sth'). */
  orgUnitKey?: string;
  /** The org unit whose directory editors maintain this record (external organisations: 'vel'). */
  stewardKey: string;
  /** Only if in the seeds. */
  website?: string;
  locations: DemoLocation[];
  services: DemoService[];
}

// ---------------------------------------------------------------------------------------------
// Example opening hours. The seeds state no opening hours at all, so every schedule below is
// example data (hoursExample: true). They are spread over days, evenings and weekends so that
// "åpent nå" has answers at most times of the week.

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function days(weekdays: number[], opensAt: string, closesAt: string): WeeklyHours[] {
  return weekdays.map((weekday) => ({ weekday, opensAt, closesAt }));
}

function hours(weekly: WeeklyHours[], exceptions: HoursException[] = []): OpeningHours {
  return { weekly, exceptions };
}

/** Christmas and New Year 2026/27 closing, used by the day-time services. */
const HOLIDAYS_2026: HoursException[] = [
  { from: '2026-12-24', to: '2026-12-26', closed: true, reason: 'Julaften og juledagene' },
  { from: '2026-12-31', to: '2027-01-01', closed: true, reason: 'Nyttårsaften og første nyttårsdag' },
];

const ROUND_THE_CLOCK = hours(days(EVERY_DAY, '00:00', '24:00'));

const NB = ['nb'];

// ---------------------------------------------------------------------------------------------

export const DEMO_DIRECTORY: DemoDirectoryOrganization[] = [
  // ------------------------------------------------------------------ Velferdsetaten
  {
    key: 'velferdsetaten',
    name: 'Velferdsetaten',
    description:
      'Velferdsetaten er Oslo kommunes fagetat i det rusfaglige arbeidet. Etaten driver byomfattende tiltak, mange av dem i sentrum, og rusinstitusjoner, og skal sammen med bydelene utvikle sin rolle som fagetat.',
    orgUnitKey: 'vel',
    stewardKey: 'vel',
    locations: [
      {
        key: 'prindsen-overnatting',
        name: 'Prindsen mottakssenter – overnatting',
        confidential: true,
        example: false,
      },
      {
        key: 'krisesenter-kvinner',
        name: 'Krisesenterplasser for kvinner',
        address: 'Eksempelveien 1',
        city: 'Oslo',
        districtKey: 'gamle-oslo',
        latitude: 59.9071,
        longitude: 10.7868,
        confidential: true,
        example: true,
      },
      {
        key: 'feltpleien-sentrum',
        name: 'Feltpleien i sentrum',
        districtKey: 'gamle-oslo',
        latitude: 59.9128,
        longitude: 10.7601,
        example: true,
      },
      {
        key: 'sproyterommet',
        name: 'Sprøyterommet',
        districtKey: 'gamle-oslo',
        latitude: 59.9141,
        longitude: 10.7579,
        example: true,
      },
    ],
    services: [
      {
        key: 'prindsen-mottakssenter',
        name: 'Prindsen mottakssenter',
        nameEn: 'Prindsen reception centre',
        description:
          'Prindsen mottakssenter er Velferdsetatens akuttilbud i sentrum og ble på rådslaget i 2016 regnet blant de viktigste aktørene i rusarbeidet der. Fordi det ikke finnes et eget akuttilbud for dem under 24 år, blir også unge voksne plassert her. Adressen til overnattingen vises ikke offentlig.',
        descriptionEn:
          'Prindsen is the Welfare Agency’s emergency service in the city centre, named at the 2016 consultation as one of the key services there. Because there is no separate emergency service for people under 24, young adults are also placed here. The address of the overnight accommodation is not published.',
        targetGroups: ['voksne', 'unge-voksne'],
        categories: ['akutt', 'bolig', 'lavterskel'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        howToGetIn:
          'Adressen til overnattingen er ikke offentlig. Ta kontakt med NAV-kontoret i bydelen din, som har ansvar for midlertidig bolig, eller med Uteseksjonen i sentrum.',
        languages: NB,
        status: 'active',
        hours: ROUND_THE_CLOCK,
        hoursExample: true,
        locations: ['prindsen-overnatting'],
        source: 'seed 002 (Tilbudene i sentrum; Behov for fremtidig kommunalt institusjonsapparat; deltakerliste: «Prindsen mottakssenter, VEL»); seed 001 §4 (NAV: midlertidig bolig)',
      },
      {
        key: 'krisesenter-kvinner-rus',
        name: 'Krisesentertilbud for kvinner med rusproblemer',
        nameEn: 'Crisis shelter places for women with substance-use problems',
        description:
          'Byrådets russtrategi slår fast at egne plasser i rusinstitusjon for kvinner skal opprettholdes, også et krisesentertilbud for kvinner med rusproblemer. Bakgrunnen er blant annet at mange voldsutsatte kvinner blir avvist på vanlige krisesentre på grunn av rus. Adressen er skjult.',
        descriptionEn:
          'The city council’s substance-use strategy keeps separate institution places for women, including crisis shelter places for women with substance-use problems, since many women exposed to violence are turned away from ordinary shelters because of substance use. The address is confidential.',
        targetGroups: ['voksne'],
        categories: ['akutt', 'bolig'],
        area: 'city',
        eligibility: 'Kvinner med rusproblemer som trenger beskyttelse.',
        referralRequired: null,
        freeOfCharge: null,
        howToGetIn:
          'Adressen er hemmelig. Ta kontakt med NAV-kontoret eller ruskonsulenten i bydelen din; den du først møter, skal sørge for at du får hjelp videre.',
        languages: NB,
        status: 'active',
        hours: ROUND_THE_CLOCK,
        hoursExample: true,
        locations: ['krisesenter-kvinner'],
        source: 'seed 004 (Kunnskapsgrunnlag: kvinner og menn; Tiltak 11 «én dør inn»); seed 002 (Behov for fremtidig kommunalt institusjonsapparat)',
      },
      {
        key: 'feltpleien',
        name: 'Feltpleien',
        nameEn: 'Street nursing (Feltpleien)',
        description:
          'Feltpleien gir helsehjelp til personer med rusproblemer i sentrum og ble på rådslaget i 2016 nevnt blant de viktige aktørene der. Oslostandarden setter som kvalitetskrav til feltpleietjenester at de er gratis, uten timebestilling, med fleksible åpningstider, og både stedsbaserte og ambulante.',
        descriptionEn:
          'Feltpleien provides health care to people with substance-use problems in the city centre. The Oslo standard requires street-nursing services to be free of charge, without appointments, with flexible opening hours, and offered both on site and on the move.',
        targetGroups: ['voksne'],
        categories: ['helse', 'lavterskel'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: true,
        howToGetIn: 'Møt opp uten timebestilling.',
        languages: NB,
        status: 'active',
        hours: hours([...days(WEEKDAYS, '09:00', '20:00'), ...days([6, 7], '12:00', '17:00')]),
        hoursExample: true,
        locations: ['feltpleien-sentrum'],
        source: 'seed 002 (Tilbudene i sentrum); seed 004 (Vedlegg 1: Kvalitetskriterier for feltpleietjenester)',
      },
      {
        key: 'sproyterommet',
        name: 'Sprøyterommet',
        description:
          'Sprøyterommet er et lavterskel helsetiltak i Oslo sentrum for personer som injiserer rusmidler. Det ble nevnt blant de viktige aktørene i sentrum på rådslaget i 2016.',
        targetGroups: ['voksne'],
        categories: ['helse', 'lavterskel'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours(days(EVERY_DAY, '09:00', '21:00')),
        hoursExample: true,
        locations: ['sproyterommet'],
        source: 'seed 002 (Tilbudene i sentrum)',
      },
      {
        key: 'nyttig-arbeid',
        name: 'Nyttig arbeid',
        alternateName: 'Fyll dagene',
        description:
          'Nyttig arbeid er et av arbeidstilbudene i Velferdsetatens Fyll dagene, som samler arbeidstilbud og aktiviteter for personer med rusproblemer. Byrådet vil utvide ordningen, slik at flere kommer ut i arbeid og meningsfull aktivitet og flere arbeidsgivere bidrar til at personer med rusproblemer kan delta i det ordinære arbeidslivet.',
        targetGroups: ['voksne'],
        categories: ['arbeid-og-aktivitet'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        website: 'https://www.oslo.kommune.no/helse-og-omsorg/rusomsorg/fyll-dagene-arbeidstilbud-og-aktiviteter/alle-tilbud/nyttig-arbeid/',
        source: 'seed 004 (Tiltak 3; Tips til tjenester); seed 001 §5 (Aktiviteter, sysselsetting og arbeid, tiltak b)',
      },
      {
        key: 'rusinstitusjoner',
        name: 'Opphold i Velferdsetatens rusinstitusjoner',
        description:
          'Velferdsetatens rusinstitusjoner gir planlagte og målrettede opphold i endrings- og mestringsarbeid med rusproblemene og bestemte livsområder. Før innflytting i egen bolig lages en plan sammen med bydelen, som koordinerer overgangen med sjekklisten «Fra institusjon til egen bolig».',
        targetGroups: ['voksne'],
        categories: ['bolig', 'behandling'],
        area: 'city',
        referralRequired: true,
        freeOfCharge: null,
        howToGetIn: 'Opphold avtales gjennom bydelen din, som også koordinerer overgangen til egen bolig.',
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 004 (Tiltak 2 Bolig; Tiltak 5 Rusproblemer); seed 001 §3 (Bolig) og §5 (Permanente boliger med oppfølging)',
      },
    ],
  },

  // ------------------------------------------------------------------ Uteseksjonen
  {
    key: 'uteseksjonen',
    name: 'Uteseksjonen',
    description:
      'Uteseksjonen er Velferdsetatens oppsøkende tjeneste i Oslo, med erfaringskonsulenter i arbeidet. Seksjonen har blant annet kartlagt miljøet ved Vaterland og driver likemannsprosjektet Perspektiv.',
    orgUnitKey: 'ute',
    stewardKey: 'ute',
    locations: [
      {
        key: 'uteseksjonen-sentrum',
        name: 'Uteseksjonen i sentrum',
        districtKey: 'gamle-oslo',
        latitude: 59.9133,
        longitude: 10.7622,
        example: true,
      },
    ],
    services: [
      {
        key: 'uteseksjonen-oppsokende',
        name: 'Uteseksjonen – oppsøkende arbeid',
        nameEn: 'Outreach Service (Uteseksjonen)',
        description:
          'Uteseksjonen arbeider oppsøkende og ambulant der unge og voksne faktisk oppholder seg, og ble på rådslaget i 2016 trukket fram som en av de viktigste aktørene i sentrum. Oslostandarden regner Uteseksjonen blant tjenestene som skal bidra med planlagte og systematiske tiltak i endrings- og mestringsarbeidet.',
        descriptionEn:
          'The Outreach Service works on the street and wherever young people and adults actually spend their time, and was named at the 2016 consultation as one of the key services in the city centre. The Oslo standard counts it among the services that offer planned, systematic help with substance-use problems.',
        targetGroups: ['ungdom', 'unge-voksne', 'voksne'],
        categories: ['lavterskel', 'radgivning'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Uteseksjonen oppsøker folk der de er; du trenger ingen avtale.',
        languages: NB,
        status: 'active',
        hours: hours(days(EVERY_DAY, '10:00', '22:00'), []),
        hoursExample: true,
        locations: ['uteseksjonen-sentrum'],
        source: 'seed 002 (Foreslåtte tiltak; Tilbudene i sentrum); seed 004 (Tiltak 5); seed 003 (Perspektiv, Radius)',
      },
      {
        key: 'perspektiv',
        name: 'Perspektiv',
        alternateName: 'Likemannsprosjektet Perspektiv',
        description:
          'Perspektiv er et likemannsprosjekt for unge som oppholder seg mye i Oslo sentrum. Prosjektet drives av Uteseksjonen, og KoRus Oslo sitter i styringsgruppen.',
        targetGroups: ['ungdom', 'unge-voksne'],
        categories: ['selvhjelp-og-likepersoner', 'lavterskel'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['uteseksjonen-sentrum'],
        source: 'seed 003 (Behandling og oppfølging: likemannsprosjektet «Perspektiv»); seed 002 (deltakerliste)',
      },
    ],
  },

  // ------------------------------------------------------------------ KoRus Oslo
  {
    key: 'korus-oslo',
    name: 'KoRus Oslo',
    description:
      'KoRus Oslo er det regionale kompetansesenteret for rusfeltet, organisert i Velferdsetatens avdeling for forebygging og sentrumsarbeid. Senteret styrker praksisfeltet innen forebygging, tidlig intervensjon og rusbehandling; hovedmålgruppen er ansatte i kommunen og i spesialisthelsetjenesten. Rustelefonen er lagt under KoRus Oslo.',
    orgUnitKey: 'korus',
    stewardKey: 'korus',
    website: 'https://korusoslo.no',
    locations: [],
    services: [
      {
        key: 'rustelefonen',
        name: 'Rustelefonen',
        nameEn: 'Drug and alcohol helpline (Rustelefonen)',
        description:
          'Rustelefonen er en av de nasjonale kunnskapskildene om rus og nås på telefon 08588. Tjenesten er organisert i Velferdsetaten under KoRus Oslo, som bidrar med fagstoff, og de to utreder sammen en forebyggingsapp for ungdom og russ.',
        descriptionEn:
          'Rustelefonen is one of the national sources of knowledge about alcohol and drugs, reached on 08588. It is part of the Welfare Agency under KoRus Oslo, which provides content; together they are developing a prevention app for young people.',
        targetGroups: ['ungdom', 'unge-voksne', 'voksne'],
        categories: ['radgivning'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Ring 08588.',
        languages: NB,
        status: 'active',
        locations: [],
        phones: [{ number: '08588', description: 'Rustelefonen' }],
        source: 'seed 003 (Nettressurser: «RUSTelefonen 08588»; Organisering; Forebygging: APP for ungdom og russ)',
      },
      {
        key: 'kurs-individuell-plan',
        name: 'Kurs i individuell plan for bruker og ansatt sammen',
        description:
          'KoRus Oslo holdt i 2018 to kurs om bruk av individuell plan sammen med A-larm. På kursene deltok en ansatt sammen med en bruker av tjenesten sin. Kursene var en del av arbeidsplanen for 2018 og er ikke et løpende tilbud.',
        targetGroups: ['voksne'],
        categories: ['radgivning', 'selvhjelp-og-likepersoner'],
        area: 'city',
        eligibility: 'En ansatt og en bruker av tjenesten deltok sammen.',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'defunct',
        locations: [],
        source: 'seed 003 (Behandling og oppfølging: kurs om individuell plan i samarbeid med A-larm)',
      },
    ],
  },

  // ------------------------------------------------------------------ Helseetaten
  {
    key: 'helseetaten',
    name: 'Helseetaten',
    description:
      'Helseetaten er Oslo kommunes fagetat for helse, med blant annet den allmennmedisinske legevakten. Etaten samarbeider med bydelene og KoRus Oslo om tiltak for unge og voksne med rusproblemer.',
    orgUnitKey: 'hel',
    stewardKey: 'hel',
    locations: [],
    services: [
      {
        key: 'ungdom-og-rus-legevakten',
        name: 'Ungdom og rus på Legevakten',
        nameEn: 'Young people and substances at the Oslo emergency clinic',
        description:
          'Ungdom og rus er et tiltak på Legevakten i Oslo som følger opp alle unge som kommer dit der rus er en del av problembildet. Tiltaket registrerer også hvor ofte unge trenger medisinsk hjelp for rusforgiftning, oftest av alkohol. KoRus Oslo har samarbeidet med RBUP Øst og Sør og Helseetaten om evaluering og metodeutvikling.',
        descriptionEn:
          'A service at the Oslo emergency clinic (Legevakten) that follows up every young person who comes in where alcohol or drugs are part of the picture, and records how often young people need medical help for intoxication.',
        targetGroups: ['ungdom'],
        categories: ['akutt', 'helse', 'radgivning'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Unge som kommer til Legevakten i Oslo på grunn av rus, blir fulgt opp av tiltaket.',
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 003 (Tidlig intervensjon: «Ungdom og rus» på Legevakten); seed 001 §3 (Unge og rusproblemer)',
      },
      {
        key: 'frisklivspilot',
        name: 'Frisklivstilbud for personer med rusproblemer (pilot)',
        description:
          'Helseetaten og bydelene Frogner og Nordre Aker prøvde i 2021–2022 ut et frisklivstilbud for personer med rusproblemer, med hjelp til bedre kosthold og tannhelse, mer fysisk aktivitet og mindre røyking, og eventuelt til å endre rusvaner. Pilotperioden er over; Oslostandarden anbefaler at bydelene bygger et slikt tilbud inn i den vanlige oppfølgingen.',
        targetGroups: ['voksne'],
        categories: ['helse'],
        area: ['frogner', 'nordre-aker'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'inactive',
        locations: [],
        source: 'seed 004 (Tiltak 4 Fysisk og psykisk helse); seed 001 §5 (Helse, tiltak b)',
      },
    ],
  },

  // ------------------------------------------------------------------ Bydel St. Hanshaugen
  {
    key: 'bydel-st-hanshaugen',
    name: 'Bydel St. Hanshaugen',
    description:
      'Bydel St. Hanshaugen har en ruspolitisk handlingsplan (2020) med mål om å forebygge, gi tidlig hjelp og øke livskvaliteten ved rusproblemer. Tjenestene her er beskrevet i planens kapittel 4 og tiltaksplan.',
    orgUnitKey: 'sth',
    stewardKey: 'sth',
    locations: [
      {
        key: 'sth-psykisk-helse-rus',
        name: 'Enhet for psykisk helse og rus, St. Hanshaugen',
        districtKey: 'sth',
        latitude: 59.9262,
        longitude: 10.7412,
        example: true,
      },
      {
        key: 'marienlyst-fritidsklubb',
        name: 'Marienlyst fritidsklubb',
        districtKey: 'sth',
        latitude: 59.9305,
        longitude: 10.7318,
        example: true,
      },
      {
        key: 'haugenkafeen',
        name: 'Haugenkafeen',
        districtKey: 'sth',
        latitude: 59.9288,
        longitude: 10.7452,
        example: true,
      },
      {
        key: 'sth-helsestasjon',
        name: 'Helsestasjonen i Bydel St. Hanshaugen',
        districtKey: 'sth',
        latitude: 59.9228,
        longitude: 10.738,
        example: true,
      },
    ],
    services: [
      {
        key: 'sth-rusteam',
        name: 'Rusteamet, St. Hanshaugen',
        nameEn: 'Substance-use team, St. Hanshaugen',
        description:
          'Rusteamet gir individuell oppfølging til innbyggere med rusproblemer, med vekt på ressurser og mestring innen rus, helse, bolig, aktivitet, arbeid, utdanning, nettverk og struktur i hverdagen. Teamet samarbeider tett med NAV om økonomisk støtte, veiledning og helseavklaring. Alle som får tjenester for rusproblemer, skal ha en fast kontaktperson.',
        descriptionEn:
          'The substance-use team gives individual follow-up to residents with substance-use problems, focusing on resources and coping with substance use, health, housing, activity, work, education, network and daily structure, in close cooperation with NAV. Everyone receiving services gets one permanent contact person.',
        targetGroups: ['voksne'],
        categories: ['radgivning'],
        area: ['sth'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §4 (Tjenester til voksne og eldre med rusproblemer) og §5 (Tidligere innsats, tiltak g)',
      },
      {
        key: 'sth-ruskonsulent-unge',
        name: 'Ruskonsulent for unge',
        nameEn: 'Substance-use counsellor for young people',
        description:
          'Bydelen opprettet i 2019 en egen stilling som ruskonsulent for unge. Ruskonsulenten samarbeider med skolehelsetjenesten og gir individuell oppfølging og behandling når rus er hovedutfordringen. Unge under 23 år som får påtaleunnlatelse med ruskontrakt, får samtaler og oppfølging hos ruskonsulenten.',
        descriptionEn:
          'Since 2019 the district has a dedicated substance-use counsellor for young people, who works with the school health service and offers individual follow-up and treatment. Young people under 23 with a drug contract instead of prosecution are followed up by the counsellor.',
        targetGroups: ['ungdom', 'unge-voksne'],
        categories: ['radgivning', 'behandling'],
        area: ['sth'],
        eligibility: 'Ungdom og unge voksne i bydelen. Oppfølging ved ruskontrakt gjelder unge under 23 år.',
        referralRequired: null,
        freeOfCharge: null,
        howToGetIn: 'Helsesykepleieren på skolen kan henvise deg, eller du kan ta kontakt med bydelen selv.',
        languages: NB,
        status: 'active',
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §4 (Primærforebyggende tiltak; Samarbeid med andre instanser) og §5 (Økt livskvalitet, generelle tiltak)',
      },
      {
        key: 'sth-hap',
        name: 'Hasjavvenningsprogrammet (HAP)',
        nameEn: 'Cannabis cessation programme (HAP)',
        alternateName: 'HAP',
        description:
          'Ungdom med moderat til alvorlig cannabisavhengighet kan få tett oppfølging og behandling gjennom hasjavvenningsprogrammet hos ruskonsulenten for unge. Byrådet vil at HAP skal tilbys i alle bydeler, og KoRus Oslo gir de ansatte i programmet veiledning og opplæring i motiverende samtale.',
        descriptionEn:
          'Young people with moderate to severe cannabis dependence can get close follow-up and treatment through the cannabis cessation programme, run by the district’s substance-use counsellor for young people.',
        targetGroups: ['ungdom', 'unge-voksne'],
        categories: ['behandling'],
        area: ['sth'],
        eligibility: 'Ungdom med moderat til alvorlig cannabisavhengighet.',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §4 (Samarbeid med andre instanser) og §5 (Tidligere innsats, tiltak h); seed 003 (Tidlig intervensjonsarbeid med barn og ungdom)',
      },
      {
        key: 'sth-fact',
        name: 'FACT-team St. Hanshaugen',
        nameEn: 'FACT team St. Hanshaugen',
        description:
          'FACT-teamet er et tverrfaglig samhandlingsteam der bydelen og Lovisenberg distriktspsykiatriske senter (DPS) gir et helhetlig behandlingstilbud. Teamet arbeider med mennesker som har alvorlige psykiske lidelser, og med personer som har rus- og psykiske helseproblemer samtidig. Arbeidet er ambulant og fleksibelt.',
        targetGroups: ['voksne'],
        categories: ['behandling', 'helse'],
        area: ['sth'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §4 (Tjenester til voksne og eldre med rusproblemer); seed 004 (Tiltak 4)',
      },
      {
        key: 'fact-ung',
        name: 'FACT Ung',
        nameEn: 'FACT Youth',
        description:
          'FACT Ung er et FACT-team for ungdom som Bydel St. Hanshaugen piloterer sammen med Lovisenberg og Bydel Grünerløkka. Teamet er en del av bydelens samarbeid med Nic Waals Institutt om felles inntaksteam og lavterskel psykososiale tjenester der barn og unge er.',
        descriptionEn:
          'FACT Youth is a flexible assertive community treatment team for young people, piloted by St. Hanshaugen together with Lovisenberg hospital and the Grünerløkka district, as part of a shared intake team with the Nic Waal Institute.',
        targetGroups: ['ungdom'],
        categories: ['behandling', 'helse'],
        area: ['sth', 'grunerlokka'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §4 (FACT-team) og §5 (Forebyggingsoffensiv, tiltak c)',
      },
      {
        key: 'sth-rask-psykisk-helsehjelp',
        name: 'Rask psykisk helsehjelp',
        nameEn: 'Prompt Mental Health Care',
        description:
          'Rask psykisk helsehjelp er for voksne over 18 år med søvnvansker, depresjon eller angst i mild til moderat grad. Målet er tidlig hjelp til å mestre plagene og sterkere tilknytning til arbeid. Behandlingen bygger på kognitiv terapi.',
        descriptionEn:
          'Prompt Mental Health Care is for adults over 18 with mild to moderate sleep problems, depression or anxiety. It offers early help to cope and to stay attached to work, based on cognitive therapy.',
        targetGroups: ['voksne'],
        categories: ['helse', 'behandling'],
        area: ['sth'],
        eligibility: 'Voksne over 18 år med søvnvansker, depresjon eller angst i mild til moderat grad.',
        minimumAge: 18,
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §4 (Tjenester til voksne og eldre med rusproblemer)',
      },
      {
        key: 'sth-ips',
        name: 'Individuell jobbstøtte (IPS)',
        nameEn: 'Individual Placement and Support (IPS)',
        description:
          'Individuell jobbstøtte hjelper brukere som er motivert for jobb, men har vansker med å komme i arbeid: med søknader, jobbstart og med å stå i jobben. En jobbspesialist følger opp hver enkelt, og eneste forutsetning er at du ønsker ordinært arbeid og er i behandling. Bydelen vil gi IPS til flere med rusproblemer.',
        descriptionEn:
          'IPS helps people who want a job but find it hard to get one: writing applications, starting work and keeping the job. A job specialist follows each person; the only requirement is wanting ordinary work while in treatment.',
        targetGroups: ['voksne', 'unge-voksne'],
        categories: ['arbeid-og-aktivitet'],
        area: ['sth'],
        eligibility: 'Ønske om å være i ordinært arbeid, og å være i behandling.',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §4 og §5 (Aktiviteter, sysselsetting og arbeid, tiltak b); seed 004 (Tiltak 3–4, IPS)',
      },
      {
        key: 'sth-flexbo',
        name: 'Flexbo – fleksibel booppfølging',
        nameEn: 'Flexbo – flexible housing support',
        alternateName: 'Fleksibelt booppfølgings- og aktiviseringsteam',
        description:
          'Flexbo hjelper personer med rus og psykiske lidelser med å etablere seg i egen bolig, og følger dem opp etter at de har flyttet inn. Målgruppen har skiftende behov og vansker med tjenester som bare gis til faste tider. Boligene ligger spredt i bydelen, og Flexbo driver også aktiviteter som gir beboerne en mer meningsfull hverdag og et fellesskap.',
        descriptionEn:
          'Flexbo helps people with substance-use and mental health problems settle in a home of their own and follows them up afterwards, for people who struggle with services offered only at fixed times. It also runs activities that give residents a community.',
        targetGroups: ['voksne'],
        categories: ['bolig', 'arbeid-og-aktivitet'],
        area: ['sth'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §4 (Flexbo)',
      },
      {
        key: 'sth-oslokassa',
        name: 'Oslokassa',
        nameEn: 'Oslokassa – bird-box workshop',
        description:
          'Oslokassa er for personer med rusproblemer som ikke er klare for ordinært arbeid. Deltakerne dekorerer fugle- og flaggermuskasser, henger dem opp i byrommet og følger dem opp, med vekt på miljøvern og byforskjønnelse. Arbeidet gir kontakt med publikum, fellesskap og mestringsfølelse.',
        descriptionEn:
          'Oslokassa is for people with substance-use problems who are not ready for ordinary work. Participants decorate bird and bat boxes, put them up around the city and look after them — green, creative work that builds community and confidence.',
        targetGroups: ['voksne'],
        categories: ['arbeid-og-aktivitet'],
        area: ['sth'],
        eligibility: 'Personer med rusproblemer som ikke er klare for ordinært arbeid.',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §4 (Oslokassa)',
      },
      {
        key: 'sth-samlokaliserte-boliger',
        name: 'Samlokaliserte boliger med bemanning',
        description:
          'Bydelen har 45 samlokaliserte boliger for personer med rus og psykiske lidelser, med døgnbemanning eller bemanning dag og kveld. Beboerne trenger langvarige og koordinerte tjenester, og hver har en individuell plan for å forebygge og håndtere kriser. Målet er stabilitet, relasjoner, mestring og inkludering.',
        targetGroups: ['voksne'],
        categories: ['bolig'],
        area: ['sth'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §4 (Tjenester til voksne og eldre med rusproblemer)',
      },
      {
        key: 'sth-moteplasser',
        name: 'Sosiale møteplasser og aktivitetsgrupper',
        nameEn: 'Social meeting places and activity groups',
        description:
          'Bydelen har sosiale møteplasser for personer over 18 år med psykiske lidelser og rusutfordringer, med meningsfulle aktiviteter, sosialt fellesskap og vekt på god ernæring. Aktivitetsgruppene – blant annet yoga, løpetrening, ballspill og turgruppe – ledes av en ergoterapeut som også gir individuelle råd om trening og kosthold.',
        descriptionEn:
          'Social meeting places for people over 18 with mental health and substance-use problems, with activities, company and good food. Activity groups such as yoga, running, ball games and walks are led by an occupational therapist.',
        targetGroups: ['voksne'],
        categories: ['lavterskel', 'arbeid-og-aktivitet'],
        area: ['sth'],
        minimumAge: 18,
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours(days(WEEKDAYS, '10:00', '14:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §4 (Tjenester til voksne og eldre med rusproblemer)',
      },
      {
        key: 'marienlyst-fritidsklubb',
        name: 'Marienlyst fritidsklubb',
        nameEn: 'Marienlyst youth club',
        description:
          'Marienlyst fritidsklubb har juniorklubb for barn fra 10 til 12 år og ungdomsklubb for bydelens ungdom. Klubben er en uforpliktende arena som gir tilhørighet til barn og unge som ikke finner seg til rette i de organiserte fritidstilbudene; manglende tilknytning er en av de største risikofaktorene for problematisk rusbruk.',
        descriptionEn:
          'Marienlyst youth club has a junior club for ages 10–12 and a youth club. It is a no-commitment place to belong for young people who do not fit into organised leisure activities.',
        targetGroups: ['ungdom'],
        categories: ['lavterskel'],
        area: ['sth'],
        minimumAge: 10,
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Kom innom i åpningstiden.',
        languages: NB,
        status: 'active',
        hours: hours(
          [...days([1, 3, 4], '18:00', '22:00'), ...days([5], '18:00', '23:00'), ...days([2], '15:00', '17:30')],
          [...HOLIDAYS_2026, { from: '2027-07-01', to: '2027-08-08', closed: true, reason: 'Sommerstengt' }],
        ),
        hoursExample: true,
        locations: ['marienlyst-fritidsklubb'],
        source: 'seed 001 §4 (Skolefritidsordningen Etter Skoletid, fritidsklubber og Haugenkafeen)',
      },
      {
        key: 'haugenkafeen',
        name: 'Haugenkafeen',
        description:
          'Haugenkafeen er bydelens ungdomskafé. Som fritidsklubbene er den en uforpliktende arena som gir tilknytning til unge som ikke finner seg til rette i de organiserte fritidstilbudene.',
        targetGroups: ['ungdom'],
        categories: ['lavterskel'],
        area: ['sth'],
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Kom innom i åpningstiden.',
        languages: NB,
        status: 'active',
        hours: hours(days([2, 3, 4], '15:00', '21:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['haugenkafeen'],
        source: 'seed 001 §4 (Skolefritidsordningen Etter Skoletid, fritidsklubber og Haugenkafeen)',
      },
      {
        key: 'sth-oppfolgingssamtale',
        name: 'Oppfølgingssamtale ved rusproblemer – også for pårørende',
        nameEn: 'Follow-up conversation about substance use – also for next of kin',
        description:
          'Alle som henvender seg til bydelens tjenester med behov for hjelp ved rusproblemer, eller som er pårørende, skal få tilbud om en oppfølgingssamtale. Pårørende, også barn som pårørende, skal systematisk spørres om hva som kan avlaste og støtte dem, og bydelen hjelper med kontakt til selvhjelpsgrupper og bruker- og pårørendeorganisasjoner.',
        descriptionEn:
          'Anyone who contacts the district’s services for help with substance-use problems, including next of kin, is offered a follow-up conversation. Next of kin — children too — are asked what would relieve and support them, and helped to find self-help groups and user and family organisations.',
        targetGroups: ['voksne', 'parorende', 'barn-som-parorende'],
        categories: ['radgivning'],
        area: ['sth'],
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Ta kontakt med en av bydelens tjenester; den du først møter, skal sørge for at du blir fulgt opp.',
        languages: NB,
        status: 'active',
        locations: ['sth-psykisk-helse-rus'],
        source: 'seed 001 §5 (Tidligere innsats, tiltak a, d og e); seed 004 (Tiltak 4 og 11)',
      },
      {
        key: 'sth-jordmor-helsestasjon',
        name: 'Jordmortjenesten og helsestasjonen',
        nameEn: 'Midwife service and child health centre',
        description:
          'Rundt 80 prosent av de gravide i bydelen bruker jordmortjenesten, og rus er tema i alle svangerskapskontroller. Helsestasjonen følger opp nesten alle familier med barn under skolealder, med foreldreveiledning og støttesamtaler, og kartlegger blant annet risiko for psykiske problemer og problematisk rusbruk.',
        descriptionEn:
          'About 80 per cent of pregnant women in the district use the midwife service, and alcohol and drugs are discussed at every antenatal check. The child health centre follows almost all families with young children, with parenting guidance and support.',
        targetGroups: ['gravide'],
        categories: ['helse', 'radgivning'],
        area: ['sth'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['sth-helsestasjon'],
        source: 'seed 001 §4 (Universelle forebyggende tiltak; Primærforebyggende tiltak)',
      },
      {
        key: 'sth-barneverntjenesten',
        name: 'Barneverntjenesten – når foreldre eller unge ruser seg',
        description:
          'Barneverntjenesten er i kontakt med familier der barn er utsatt og rus kan være en del av problemene, hos en eller begge foreldrene eller hos den unge selv. Når foreldre ruser seg, kan tjenesten gi råd og veiledning gjennom støttesamtaler, hjelpe familien i kontakt med riktige instanser og bidra til behandling.',
        targetGroups: ['barn-som-parorende', 'parorende', 'ungdom'],
        categories: ['radgivning'],
        area: ['sth'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §4 (Barn og unge som lever i familier med rusproblemer)',
      },
    ],
  },

  // ------------------------------------------------------------------ Bydel Sagene
  {
    key: 'bydel-sagene',
    name: 'Bydel Sagene',
    description:
      'Bydel Sagene har en Enhet for psykisk helse og rus som samarbeider tett med bydelens kommunale legesenter og har egne flytmøter med NAV og boligkontoret. I 2018/2019 hadde Sagene flest kartlagte med rusproblemer per innbygger av bydelene i Oslo.',
    orgUnitKey: 'sagene',
    stewardKey: 'sagene',
    locations: [
      {
        key: 'sagene-lms',
        name: 'Sagene lokalmedisinske senter',
        districtKey: 'sagene',
        latitude: 59.9372,
        longitude: 10.7548,
        example: true,
      },
    ],
    services: [
      {
        key: 'sagene-lms',
        name: 'Sagene lokalmedisinske senter',
        nameEn: 'Sagene local medical centre',
        description:
          'Sagene lokalmedisinske senter er et kommunalt legesenter, særlig tilrettelagt for innbyggere i Bydel Sagene som trenger sammensatte helsetjenester over tid, og samarbeider tett med Enhet for psykisk helse og rus. Senteret er samtidig et vanlig fastlegekontor som andre kan velge. Legene arbeider også på helsestasjonen, i skolehelsetjenesten og på Møllehjulet bosenter.',
        descriptionEn:
          'A municipal GP centre for Sagene residents who need coordinated health care over time, working closely with the district’s mental health and substance-use unit. It is also an ordinary GP practice that anyone can choose.',
        targetGroups: ['voksne', 'eldre'],
        categories: ['helse'],
        area: ['sagene'],
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Du kan velge senteret som fastlegekontor; Enhet for psykisk helse og rus kan anbefale et bytte.',
        languages: NB,
        status: 'active',
        hours: hours(days(WEEKDAYS, '08:00', '16:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['sagene-lms'],
        website: 'https://www.oslo.kommune.no/helse-og-omsorg/helsetjenester/sagene-lokalmedisinske-senter/',
        source: 'seed 004 (Tiltak 4; Vedlegg 2: Sagene lokalmedisinske senter; Tips til tjenester)',
      },
      {
        key: 'sagene-primaerhelseteam',
        name: 'Primærhelseteam ved Sagene lokalmedisinske senter (pilot)',
        description:
          'Sagene lokalmedisinske senter deltok i Helsedirektoratets nasjonale pilot «Primærhelseteam» fra april 2018 til mars 2023. Et team av fastlege, sykepleier og helsesekretær prioriterte pasienter med kroniske sykdommer, psykiske helseutfordringer, rusavhengighet, utviklingshemning, funksjonsnedsettelse og eldre. Pilotperioden er over.',
        targetGroups: ['voksne', 'eldre'],
        categories: ['helse'],
        area: ['sagene'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'inactive',
        locations: ['sagene-lms'],
        source: 'seed 004 (Vedlegg 2: Sagene lokalmedisinske senter)',
      },
      {
        key: 'sagene-hjemmetjeneste-eldre',
        name: 'Hjemmetjenesten – aldring, alkohol og legemidler',
        description:
          'Hjemmetjenesten i Bydel Sagene har sammen med KoRus Oslo laget en rutinehåndbok om aldring, alkohol og legemidler for eldre som får tjenester hjemme. Håndboken er en del av arbeidet med tidlig innsats for eldre, der KoRus Oslo sprer kunnskap om aldring, alkohol og legemiddelbruk.',
        targetGroups: ['eldre'],
        categories: ['helse'],
        area: ['sagene'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 004 (Vedlegg 4: Rutinehåndbok om aldring, alkohol og legemidler); seed 003 (Eldre: aldring, alkohol og legemiddelbruk)',
      },
    ],
  },

  // ------------------------------------------------------------------ Haarklous plass (Sagene)
  {
    key: 'haarklous-plass',
    name: 'Haarklous plass',
    description:
      'Møteplass med gratis mat på Sagene, nevnt i oppsummeringen av byens rådslag om rusfeltet i 2016. Hvem som driver stedet, står ikke i kildedokumentene.',
    stewardKey: 'sagene',
    locations: [
      {
        key: 'haarklous-plass',
        name: 'Haarklous plass',
        address: 'Haarklous plass',
        city: 'Oslo',
        districtKey: 'sagene',
        latitude: 59.9391,
        longitude: 10.7563,
        example: true,
      },
    ],
    services: [
      {
        key: 'haarklous-plass',
        name: 'Haarklous plass – møteplass med gratis mat',
        nameEn: 'Haarklous plass – drop-in with free food',
        description:
          'Haarklous plass på Sagene hadde ifølge rådslaget i 2016 mellom 30 og 50 besøkende hver dag, og maten er gratis. Rådslaget pekte på at væresteder med matservering og helsehjelp i bydelene kan motvirke ensomhet og isolasjon.',
        descriptionEn:
          'According to the 2016 consultation, Haarklous plass in Sagene had 30–50 visitors a day, with free food. Drop-in places with meals and health care in the districts can counter loneliness and isolation.',
        targetGroups: ['voksne'],
        categories: ['lavterskel'],
        area: ['sagene'],
        referralRequired: false,
        freeOfCharge: true,
        feesDescription: 'Gratis mat.',
        howToGetIn: 'Kom innom.',
        languages: NB,
        status: 'active',
        hours: hours(days(WEEKDAYS, '10:00', '15:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['haarklous-plass'],
        source: 'seed 002 (Hvilke behov er det for differensiering og desentralisering?)',
      },
    ],
  },

  // ------------------------------------------------------------------ Bydel Alna
  {
    key: 'bydel-alna',
    name: 'Bydel Alna',
    description:
      'Bydel Alna ble i 2020 revidert av Kommunerevisjonen for hvordan bydelen følger opp personer med ruslidelser. Rusteamet i bydelen har laget et kartleggingsskjema som Oslostandarden bruker som eksempel.',
    orgUnitKey: 'alna',
    stewardKey: 'alna',
    locations: [
      {
        key: 'alna-rusteam',
        name: 'Rusteamet i Bydel Alna',
        districtKey: 'alna',
        latitude: 59.9402,
        longitude: 10.8895,
        example: true,
      },
    ],
    services: [
      {
        key: 'alna-rusteam',
        name: 'Rusteamet, Alna',
        nameEn: 'Substance-use team, Alna',
        description:
          'Rusteamet i Bydel Alna følger opp innbyggere med rusproblemer og har laget et eget kartleggingsskjema for nye brukere. Skjemaet vurderer livskvaliteten på levekårsområdene i BrukerPlan og om det er behov for individuell plan, og om tilbudet er gitt.',
        descriptionEn:
          'The Alna substance-use team follows up residents with substance-use problems. Its intake form for new users assesses quality of life across the BrukerPlan life areas and the need for an individual plan.',
        targetGroups: ['voksne'],
        categories: ['radgivning'],
        area: ['alna'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: ['alna-rusteam'],
        source: 'seed 004 (Tiltak 7; Vedlegg 3: Kartlegging i Bydel Alna; Kunnskapsgrunnlag: Kommunerevisjonen 2020)',
      },
    ],
  },

  // ------------------------------------------------------------------ Bydel Stovner
  {
    key: 'bydel-stovner',
    name: 'Bydel Stovner',
    description:
      'Bydel Stovner driver Fix it, som Oslostandarden trekker fram som eksempel på arbeid i tilknytning til bomiljøet.',
    orgUnitKey: 'stovner',
    stewardKey: 'stovner',
    locations: [],
    services: [
      {
        key: 'fix-it',
        name: 'Fix it',
        alternateName: 'Arbeid i kommunale boliger',
        description:
          'Fix it i Bydel Stovner gir arbeid i kommunale boliger. Oslostandarden nevner tilbudet som eksempel på arbeidstrening og arbeidsplasser i tilknytning til bomiljøet for personer med rusproblemer.',
        targetGroups: ['voksne'],
        categories: ['arbeid-og-aktivitet'],
        area: ['stovner'],
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        website: 'https://www.oslo.kommune.no/helse-og-omsorg/rusomsorg/fyll-dagene-arbeidstilbud-og-aktiviteter/alle-tilbud/fixit/',
        source: 'seed 004 (Tiltak 3; Tips til tjenester: «Fix It i bydel Stovner; Arbeid i kommunale boliger»)',
      },
    ],
  },

  // ------------------------------------------------------------------ Kastanjen aktivitetshus
  {
    key: 'kastanjen-aktivitetshus',
    name: 'Kastanjen aktivitetshus',
    description:
      'Kastanjen er et samarbeid mellom bydelene Frogner, Ullern og Vestre Aker, Blå Kors, Frelsesarméen, Ivareta og Sykepleie på Hjul. Kildene sier ikke hvilken av bydelene som driver huset; her vedlikeholdes oppføringen av Bydel Frogner.',
    stewardKey: 'frogner',
    website: 'https://www.oslo.kommune.no/helse-og-omsorg/rusomsorg/fyll-dagene-arbeidstilbud-og-aktiviteter/alle-tilbud/kastanjen-aktivitetshus/',
    locations: [
      {
        key: 'kastanjen',
        name: 'Kastanjen aktivitetshus',
        districtKey: 'frogner',
        latitude: 59.9268,
        longitude: 10.7138,
        example: true,
      },
    ],
    services: [
      {
        key: 'kastanjen-motested',
        name: 'Kastanjen – sosialt møtested',
        nameEn: 'Kastanjen – social meeting place',
        description:
          'Kastanjen er et sosialt møtested for personer med utfordringer knyttet til rus som hører til bydelene Frogner, Ullern eller Vestre Aker. Stedet vil inspirere til aktivitet, sosialt samvær og økt livskvalitet.',
        descriptionEn:
          'Kastanjen is a social meeting place for people with substance-use problems from the Frogner, Ullern and Vestre Aker districts, encouraging activity, company and a better quality of life.',
        targetGroups: ['voksne'],
        categories: ['lavterskel', 'arbeid-og-aktivitet'],
        area: ['frogner', 'ullern', 'vestre-aker'],
        eligibility: 'Tilhørighet til Bydel Frogner, Ullern eller Vestre Aker.',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours(days(WEEKDAYS, '10:00', '15:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['kastanjen'],
        website: 'https://www.oslo.kommune.no/helse-og-omsorg/rusomsorg/fyll-dagene-arbeidstilbud-og-aktiviteter/alle-tilbud/kastanjen-aktivitetshus/',
        source: 'seed 004 (Tiltak 3; faktaboks «Kastanjen aktivitetshus»; Tips til tjenester)',
      },
      {
        key: 'kastanjen-kveld',
        name: 'Rusfrie kveldstilbud på Kastanjen',
        nameEn: 'Substance-free evenings at Kastanjen',
        description:
          'På kveldstid har Kastanjen rusfrie tilbud som er åpne for alle, uten krav om å høre til en bestemt bydel.',
        descriptionEn: 'In the evenings Kastanjen runs substance-free activities open to everyone, whichever district they live in.',
        targetGroups: ['voksne'],
        categories: ['lavterskel', 'arbeid-og-aktivitet'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        howToGetIn: 'Åpent for alle på kveldstid, uten krav om bydelstilhørighet.',
        languages: NB,
        status: 'active',
        hours: hours(days([2, 4], '17:00', '21:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['kastanjen'],
        source: 'seed 004 (faktaboks «Kastanjen aktivitetshus»)',
      },
    ],
  },

  // ------------------------------------------------------------------ Specialist health service
  {
    key: 'oslo-universitetssykehus',
    name: 'Oslo universitetssykehus (OUS)',
    description:
      'Oslo universitetssykehus er en del av spesialisthelsetjenesten, som har ansvar for tverrfaglig spesialisert rusbehandling (TSB). Bydelene henviser til spesialisthelsetjenesten når det trengs utredning, diagnostisering og behandling av alvorlige rusproblemer.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'lar',
        name: 'Legemiddelassistert rehabilitering (LAR)',
        nameEn: 'Opioid agonist treatment (LAR)',
        alternateName: 'LAR',
        description:
          'LAR gis av spesialisthelsetjenesten, og bydelen skal henvise dit ved behov med en henvisning som er utfyllende nok til å vurdere retten til helsehjelp. Rådslaget i 2016 etterlyste flere tilbud om nedtrapping for dem som ønsker det – «en motorvei ut, ikke bare inn i LAR» – og pekte på at en stor gruppe i LAR er eldre.',
        descriptionEn:
          'Medication-assisted rehabilitation (LAR) is provided by the specialist health service; the district refers patients. The 2016 consultation called for more help to taper off for those who want to leave LAR.',
        targetGroups: ['voksne', 'eldre'],
        categories: ['behandling'],
        area: 'city',
        referralRequired: true,
        freeOfCharge: null,
        howToGetIn: 'Bydelen henviser til spesialisthelsetjenesten.',
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 004 (Tiltak 5); seed 002 (Behandling, rehabilitering og ettervern; institusjonsapparat)',
      },
      {
        key: 'lasso',
        name: 'Lavterskel LAR (LASSO)',
        alternateName: 'LASSO',
        description:
          'LASSO er et lavterskel tilbud om legemiddelassistert rehabilitering i spesialisthelsetjenesten. Bydelene henviser til LASSO på samme måte som til ordinær LAR.',
        targetGroups: ['voksne'],
        categories: ['behandling', 'lavterskel'],
        area: 'city',
        referralRequired: true,
        freeOfCharge: null,
        howToGetIn: 'Bydelen henviser til spesialisthelsetjenesten.',
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 004 (Tiltak 5)',
      },
      {
        key: 'rusakuttmottak',
        name: 'Rusakuttmottak (RAM)',
        nameEn: 'Acute substance-use admission unit (RAM)',
        alternateName: 'RAM',
        description:
          'RAM er spesialisthelsetjenestens akuttmottak for rusproblemer. Deltakerne på rådslaget i 2016 ønsket at det skal bli lettere å henvise til og få plass på RAM, blant annet for å begrense skadene ved tilbakefall, og at hjelpen skal være lett tilgjengelig når man er motivert.',
        descriptionEn:
          'RAM is the specialist health service’s acute admission unit for substance-use problems. The 2016 consultation asked for easier referral to RAM so that help is at hand when a person is motivated.',
        targetGroups: ['voksne'],
        categories: ['akutt', 'behandling'],
        area: 'city',
        referralRequired: true,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 002 (Hva kjennetegner gode forløp innenfor behandling, rehabilitering og ettervern?)',
      },
    ],
  },
  {
    key: 'lovisenberg',
    name: 'Lovisenberg Diakonale Sykehus',
    description:
      'Lovisenberg er en del av spesialisthelsetjenesten i Oslo. Lovisenberg distriktspsykiatriske senter (DPS) er med i FACT-teamet i Bydel St. Hanshaugen, og Nic Waals Institutt er Lovisenbergs barne- og ungdomspsykiatriske poliklinikk.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'nic-waals-institutt',
        name: 'Nic Waals Institutt',
        nameEn: 'Nic Waal Institute',
        description:
          'Nic Waals Institutt er en barne- og ungdomspsykiatrisk poliklinikk som gir behandling til barn og ungdom fra 0 til 18 år og til gravide i Oslo kommune. Bydel St. Hanshaugen samarbeider med instituttet gjennom et felles inntaksteam og piloteringen av FACT Ung.',
        descriptionEn:
          'The Nic Waal Institute is a child and adolescent psychiatric outpatient clinic treating children and young people aged 0–18 and pregnant women in Oslo.',
        targetGroups: ['ungdom', 'gravide'],
        categories: ['behandling', 'helse'],
        area: 'city',
        eligibility: 'Barn og ungdom 0–18 år, og gravide, i Oslo kommune.',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 001 §5 (Forebyggingsoffensiv, tiltak c, med fotnote om Nic Waals Institutt)',
      },
    ],
  },

  // ------------------------------------------------------------------ User and next-of-kin organisations
  {
    key: 'rio',
    name: 'Rusmisbrukernes interesseorganisasjon (RIO)',
    description:
      'RIO er en brukerorganisasjon for personer med rusproblemer. RIO deltok på byens rådslag i 2016 og sitter i KoRus Oslos faste brukerråd, som møtes inntil fire ganger i året.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'rio',
        name: 'RIO – brukerorganisasjon for personer med rusproblemer',
        nameEn: 'RIO – user organisation for people with substance-use problems',
        description:
          'Personer og familier med rusproblemer skal oppfordres og hjelpes til å delta i selvhjelpsgrupper og organisere seg i brukerorganisasjoner. RIO er en slik organisasjon, og bringer brukernes erfaringer inn i KoRus Oslos arbeid gjennom brukerrådet.',
        descriptionEn:
          'RIO is a user organisation for people with substance-use problems and brings their experience into KoRus Oslo’s work through its user council.',
        targetGroups: ['voksne'],
        categories: ['selvhjelp-og-likepersoner'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 003 (Brukermedvirkning: brukerråd/referansegruppe); seed 002 (deltakerliste); seed 001 §5 (Tidligere innsats, tiltak d)',
      },
    ],
  },
  {
    key: 'a-larm',
    name: 'A-larm',
    description:
      'A-larm er en bruker- og pårørendeorganisasjon på rusfeltet og sitter i KoRus Oslos referansegruppe sammen med BAR, LMS, RIO og proLAR.',
    stewardKey: 'vel',
    locations: [
      {
        key: 'a-larm',
        name: 'A-larm',
        districtKey: 'grunerlokka',
        latitude: 59.9229,
        longitude: 10.7588,
        example: true,
      },
    ],
    services: [
      {
        key: 'a-larm',
        name: 'A-larm – bruker- og pårørendearbeid',
        nameEn: 'A-larm – support for users and next of kin',
        description:
          'A-larm er en bruker- og pårørendeorganisasjon på rusfeltet og gir brukere og pårørende en stemme, blant annet i KoRus Oslos referansegruppe. I 2018 holdt A-larm og KoRus Oslo kurs i individuell plan der ansatte og brukere deltok sammen.',
        descriptionEn:
          'A-larm is an organisation for people who use or have used substances and their next of kin, and gives them a voice, for example in KoRus Oslo’s reference group.',
        targetGroups: ['voksne', 'parorende'],
        categories: ['selvhjelp-og-likepersoner', 'lavterskel'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours(days(WEEKDAYS, '09:00', '15:00'), HOLIDAYS_2026),
        hoursExample: true,
        locations: ['a-larm'],
        source: 'seed 003 (Brukermedvirkning: referansegruppen; kurs om individuell plan i samarbeid med A-larm)',
      },
    ],
  },
  {
    key: 'lms',
    name: 'Landsforbundet mot stoffmisbruk (LMS)',
    description:
      'LMS er en av de fem bruker- og pårørendeorganisasjonene i KoRus Oslos referansegruppe.',
    stewardKey: 'vel',
    locations: [
      {
        key: 'lms',
        name: 'LMS',
        districtKey: 'sagene',
        latitude: 59.9358,
        longitude: 10.7601,
        example: true,
      },
    ],
    services: [
      {
        key: 'lms-parorende',
        name: 'LMS – støtte og møteplass for pårørende',
        nameEn: 'LMS – support and meeting place for next of kin',
        description:
          'LMS er en av bruker- og pårørendeorganisasjonene i KoRus Oslos referansegruppe. Rådslaget i 2016 la vekt på at pårørende trenger egne tilbud, gjerne ved at de får møte hverandre, og at pårørende- og likemannsarbeid er en nyttig tilnærming.',
        descriptionEn:
          'LMS is one of the user and next-of-kin organisations in KoRus Oslo’s reference group. The 2016 consultation stressed that next of kin need their own services, such as meeting one another, and that peer work helps.',
        targetGroups: ['parorende'],
        categories: ['lavterskel', 'selvhjelp-og-likepersoner'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours([...days(WEEKDAYS, '10:00', '15:00'), ...days([4], '18:00', '21:00')], HOLIDAYS_2026),
        hoursExample: true,
        locations: ['lms'],
        source: 'seed 003 (Brukermedvirkning: referansegruppen); seed 002 (Innspill på overordnet nivå)',
      },
    ],
  },
  {
    key: 'prolar',
    name: 'proLAR – Nasjonalt forbund for folk i LAR',
    description:
      'proLAR er et nasjonalt forbund for folk i legemiddelassistert rehabilitering (LAR) og sitter i KoRus Oslos brukerråd.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'prolar',
        name: 'proLAR – for folk i LAR',
        description:
          'proLAR er et nasjonalt forbund for folk i legemiddelassistert rehabilitering og sitter i KoRus Oslos brukerråd. Forbundet deltok på rådslaget i 2016, der det ble etterlyst flere tilbud om nedtrapping for dem som ønsker å komme ut av LAR.',
        targetGroups: ['voksne'],
        categories: ['selvhjelp-og-likepersoner'],
        area: 'city',
        eligibility: 'Personer i LAR.',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 003 (Brukermedvirkning: brukerråd); seed 002 (deltakerliste; Behandling, rehabilitering og ettervern)',
      },
    ],
  },
  {
    key: 'bar',
    name: 'Barn av rusmisbrukere (BAR)',
    description:
      'BAR – Barn av rusmisbrukere er en organisasjon for barn og unge som pårørende. BAR sitter i KoRus Oslos referansegruppe og samarbeider om å innføre Bedre tverrfaglig innsats (BTI) i bydelene.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'bar',
        name: 'BAR – for barn og unge som pårørende',
        nameEn: 'BAR – for children of parents with substance-use problems',
        description:
          'BAR – Barn av rusmisbrukere er en organisasjon for barn og unge som har foreldre med rusproblemer. BAR er med i KoRus Oslos referansegruppe og i arbeidet med Bedre tverrfaglig innsats (BTI) i bydelene. På rådslaget i 2016 ble det foreslått å se nærmere på hvordan BAR arbeider, også med søsken, som ofte er en glemt gruppe.',
        descriptionEn:
          'BAR is an organisation for children and young people whose parents have substance-use problems. It takes part in KoRus Oslo’s reference group and in introducing early cross-sector intervention (BTI) in the districts.',
        targetGroups: ['barn-som-parorende', 'parorende'],
        categories: ['selvhjelp-og-likepersoner', 'lavterskel'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours([...days([3], '17:00', '20:00'), ...days([7], '12:00', '16:00')], HOLIDAYS_2026),
        hoursExample: true,
        locations: [],
        source: 'seed 002 (Hvordan sikre involvering av pårørende; deltakerliste: «Barn av rusmisbruker (BAR)»); seed 003 (BTI; referansegruppen)',
      },
    ],
  },
  {
    key: 'ivareta',
    name: 'Ivareta',
    description:
      'Ivareta er en organisasjon for pårørende og en av samarbeidspartnerne bak Kastanjen aktivitetshus.',
    stewardKey: 'vel',
    locations: [
      {
        key: 'ivareta',
        name: 'Ivareta',
        districtKey: 'sth',
        latitude: 59.9241,
        longitude: 10.7463,
        example: true,
      },
    ],
    services: [
      {
        key: 'ivareta-parorende',
        name: 'Ivareta – møteplass og samtaler for pårørende',
        nameEn: 'Ivareta – meeting place and conversations for next of kin',
        description:
          'Ivareta er en organisasjon for pårørende og samarbeidspartner i Kastanjen aktivitetshus. Byrådet vil at kommunen skal legge til rette for lavterskel møteplasser for pårørende, og rådslaget i 2016 etterlyste pårørendegrupper der fagfolk hjelper med organisering og tema.',
        descriptionEn:
          'Ivareta is an organisation for next of kin and a partner in the Kastanjen activity house. The city wants low-threshold meeting places and groups for next of kin.',
        targetGroups: ['parorende'],
        categories: ['lavterskel', 'selvhjelp-og-likepersoner', 'radgivning'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours([...days(WEEKDAYS, '09:00', '16:00'), ...days([2], '17:00', '20:00')], HOLIDAYS_2026),
        hoursExample: true,
        locations: ['ivareta'],
        source: 'seed 004 (faktaboks «Kastanjen aktivitetshus»); seed 001 §5 (Tidligere innsats, tiltak f); seed 002 (Hvordan øke brukermedvirkning og inkludere pårørende?)',
      },
    ],
  },
  {
    key: 'bla-kors',
    name: 'Blå Kors',
    description:
      'Blå Kors er en ideell organisasjon som deltok på byens rådslag i 2016 og er samarbeidspartner i Kastanjen aktivitetshus.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'bla-kors-senter',
        name: 'Blå Kors senter – behandling',
        description:
          'Blå Kors deltok på byens rådslag om rusfeltet i 2016 og er med i samarbeidet om Kastanjen aktivitetshus. Ved Blå Kors senter i Oslo er det arbeidet med å tilrettelegge og tilpasse rusbehandling for pasienter med etnisk minoritetsbakgrunn.',
        targetGroups: ['voksne'],
        categories: ['behandling'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 004 (faktaboks «Kastanjen aktivitetshus»; litteraturliste: Freng 2008, Blå Kors senter); seed 002 (deltakerliste)',
      },
    ],
  },
  {
    key: 'ja-det-nytter',
    name: 'Ja det nytter',
    description: 'Ja det nytter er en organisasjon som deltok med to representanter på byens rådslag om rusfeltet i 2016.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'ja-det-nytter',
        name: 'Ja det nytter – erfaringsbasert forebygging',
        description:
          'Ja det nytter deltok på byens rådslag om rusfeltet i 2016. Rådslaget la vekt på at erfaringskonsulenter og likepersonsarbeid gir god og relevant kunnskap, og at undervisning om rus for elever må handle om konsekvenser her og nå, ikke være skremselspropaganda.',
        targetGroups: ['ungdom'],
        categories: ['selvhjelp-og-likepersoner'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 002 (deltakerliste; Foreslåtte tiltak; Barnehage og skole)',
      },
    ],
  },

  // ------------------------------------------------------------------ Other services in the city centre
  {
    key: 'motestedet',
    name: 'Møtestedet',
    description: 'Møtestedet er et tilbud i Oslo sentrum som var representert på byens rådslag om rusfeltet i 2016.',
    stewardKey: 'vel',
    locations: [
      {
        key: 'motestedet',
        name: 'Møtestedet',
        districtKey: 'gamle-oslo',
        latitude: 59.9119,
        longitude: 10.7646,
        example: true,
      },
    ],
    services: [
      {
        key: 'motestedet',
        name: 'Møtestedet',
        nameEn: 'Møtestedet drop-in centre',
        description:
          'Møtestedet er et lavterskel tilbud i Oslo sentrum. På rådslaget i 2016 ble det nevnt blant de viktige aktørene i sentrum, sammen med Uteseksjonen, Feltpleien, 24Sju, Sprøyterommet og Prindsen.',
        descriptionEn:
          'Møtestedet is a low-threshold drop-in in the city centre, named at the 2016 consultation among the key services there.',
        targetGroups: ['voksne'],
        categories: ['lavterskel'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours([...days(WEEKDAYS, '08:00', '15:00'), ...days([6], '10:00', '14:00')], HOLIDAYS_2026),
        hoursExample: true,
        locations: ['motestedet'],
        source: 'seed 002 (Tilbudene i sentrum; deltakerliste)',
      },
    ],
  },
  {
    key: 'gatehospitalet',
    name: 'Gatehospitalet',
    description: 'Gatehospitalet var representert på byens rådslag om rusfeltet i 2016.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'gatehospitalet',
        name: 'Gatehospitalet',
        description:
          'Gatehospitalet gir helsehjelp til personer med rusproblemer og var med på rådslaget i 2016. Rådslaget etterlyste steder der brukere kan legge seg inn for å hvile, spise og hente krefter, og egne tilbud til rusavhengige med somatiske helseproblemer.',
        targetGroups: ['voksne'],
        categories: ['helse'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 002 (deltakerliste; Behandling, rehabilitering og ettervern; institusjonsapparat)',
      },
    ],
  },
  {
    key: '24sju',
    name: '24Sju',
    description: '24Sju er et tilbud i Oslo sentrum som gir akutthjelp til unge tilreisende.',
    stewardKey: 'vel',
    locations: [
      {
        key: '24sju',
        name: '24Sju',
        districtKey: 'gamle-oslo',
        latitude: 59.9136,
        longitude: 10.7667,
        example: true,
      },
    ],
    services: [
      {
        key: '24sju',
        name: '24Sju',
        nameEn: '24Sju – emergency help for young people',
        description:
          '24Sju gir akutthjelp til unge som kommer tilreisende til Oslo, og ble på rådslaget i 2016 nevnt blant de viktige aktørene i sentrum. Rådslaget spurte om Uteseksjonen burde kobles inn før 24Sju.',
        descriptionEn:
          '24Sju gives emergency help to young people arriving in Oslo from elsewhere, and was named at the 2016 consultation among the key services in the city centre.',
        targetGroups: ['ungdom', 'unge-voksne'],
        categories: ['akutt', 'lavterskel'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: ROUND_THE_CLOCK,
        hoursExample: true,
        locations: ['24sju'],
        source: 'seed 002 (Tilbudene i sentrum; Oslo som storby; deltakerliste: «24Sju»)',
      },
    ],
  },
  {
    key: 'stedet',
    name: 'Stedet',
    description: 'Stedet var representert på byens rådslag om rusfeltet i 2016, sammen med Skaperverket.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'stedet',
        name: 'Stedet',
        nameEn: 'Stedet – a place run by its participants',
        description:
          'Stedet er et tilbud der deltakerne selv bestemmer hva som skjer. På rådslaget i 2016 ble det trukket fram som et godt eksempel for dem som skal begynne et vanlig liv etter mange år med rus: man møter mennesker, har en sosial arena og blir utfordret ut fra egne ressurser.',
        descriptionEn:
          'At Stedet the participants decide what happens. The 2016 consultation highlighted it for people starting ordinary life after many years of substance use: a place to meet people and be challenged according to one’s own resources.',
        targetGroups: ['voksne'],
        categories: ['arbeid-og-aktivitet', 'selvhjelp-og-likepersoner', 'lavterskel'],
        area: 'city',
        referralRequired: null,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        locations: [],
        source: 'seed 002 (Arbeid og aktivitet; deltakerliste: «Stedet og Skaperverket», «Stedet»)',
      },
    ],
  },
  {
    key: 'familievernkontoret',
    name: 'Familievernkontoret',
    description: 'Familievernkontoret er et lavterskeltilbud for familier.',
    stewardKey: 'vel',
    locations: [],
    services: [
      {
        key: 'familievernkontoret',
        name: 'Familievernkontoret',
        nameEn: 'Family counselling office',
        description:
          'Familievernkontoret er ifølge rådslaget i 2016 et lavterskeltilbud for familier i noen bydeler. Rådslaget pekte på at familien bør inviteres til samarbeid når familien eller barnet sliter, og at foreldre trenger å snakke sammen om ungdomstid, rus og risiko.',
        descriptionEn:
          'The family counselling office is a low-threshold service for families. When a family or a child is struggling, the family should be invited to work together on it.',
        targetGroups: ['parorende', 'barn-som-parorende', 'voksne'],
        categories: ['lavterskel', 'radgivning'],
        area: 'city',
        referralRequired: false,
        freeOfCharge: null,
        languages: NB,
        status: 'active',
        hours: hours(days(WEEKDAYS, '08:00', '15:30'), [
          { from: '2026-12-23', to: '2026-12-23', closed: false, opensAt: '08:00', closesAt: '12:00', reason: 'Lille julaften' },
          ...HOLIDAYS_2026,
        ]),
        hoursExample: true,
        locations: [],
        source: 'seed 002 (Hva er særskilte utfordringer?; Hvordan sikre involvering av pårørende)',
      },
    ],
  },
];
