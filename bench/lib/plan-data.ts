/**
 * A large, deterministic action plan for the plans suite: Bydel St. Hanshaugen, the district
 * template (Mål → Strategi → Byrådets tiltak → Bydelens tiltak), with status histories. Pure data,
 * no I/O: the same seed always gives the same plan (ids included), so runs can be compared.
 *
 * The wording is assembled from fragments in the style of the district's real plan
 * (packages/server/src/demo/plans/st-hanshaugen.ts); none of it is from a real plan.
 */
import { DEFAULT_STATUS_TERMS } from '@rusfag/core';

export interface PlanShape {
  goals: number;
  strategiesPerGoal: number;
  councilPerStrategy: number;
  /** On average: the counts per council measure vary (about ±3) but add up to councils × this. */
  districtPerCouncil: number;
  /** Status updates in all, spread over every measure (council and district) and the plan's years. */
  statuses: number;
}

/** The issue's plan: 5 × 4 × 10 × ~10 = 2,000 district measures (2,200 measures), 20,000 status updates. */
export const FULL_PLAN: PlanShape = { goals: 5, strategiesPerGoal: 4, councilPerStrategy: 10, districtPerCouncil: 10, statuses: 20_000 };

/** `5x4x10x10:20000` → a shape (the --plan flag). */
export function parsePlanShape(text: string): PlanShape | null {
  const match = /^(\d+)x(\d+)x(\d+)x(\d+):(\d+)$/.exec(text.trim());
  if (!match) return null;
  const [goals, strategiesPerGoal, councilPerStrategy, districtPerCouncil, statuses] = match.slice(1).map(Number) as [number, number, number, number, number];
  if ([goals, strategiesPerGoal, councilPerStrategy, districtPerCouncil].some((n) => n < 1 || n > 100) || statuses > 1_000_000) return null;
  return { goals, strategiesPerGoal, councilPerStrategy, districtPerCouncil, statuses };
}

export function shapeText(shape: PlanShape): string {
  return `${shape.goals}x${shape.strategiesPerGoal}x${shape.councilPerStrategy}x${shape.districtPerCouncil}:${shape.statuses}`;
}

/** Keys of demo/organizations.ts. leder.sth is unit leader at sth-phr: its subtree is what they report on. */
export const LEADER_SUBTREE_UNITS = ['sth-phr', 'sth-rusteam', 'sth-ruskonsulent-unge', 'sth-fact'] as const;
export const OTHER_STH_UNITS = ['sth', 'sth-nav', 'sth-skolehelse', 'sth-bolig', 'sth-hjemme', 'sth-flexbo'] as const;

export interface GeneratedItem {
  id: string;
  parentId: string | null;
  level: number;
  position: number;
  code: string | null;
  title: string;
  description: string;
  partners: string;
  targetGroups: string[];
  deadlineText: string;
  /** Keys of demo units (demo/organizations.ts). */
  units: string[];
}

export interface GeneratedStatus {
  itemId: string;
  statusCode: string;
  remark: string;
  reportedOn: string;
  /** ISO timestamp: the order within a day. */
  createdAt: string;
  author: 'leder.sth' | 'planlegger.sth';
}

export interface GeneratedPlan {
  title: string;
  description: string;
  startYear: number;
  endYear: number;
  items: GeneratedItem[];
  statuses: GeneratedStatus[];
  counts: {
    goals: number;
    strategies: number;
    councilMeasures: number;
    districtMeasures: number;
    measures: number;
    items: number;
    statuses: number;
    /** Measures with a responsible unit in leder.sth's subtree (they may report status on these). */
    measuresForLeader: number;
    /** Distinct reporting dates the statuses fall on. */
    reportDates: number;
    titleChars: { min: number; max: number; mean: number };
    descriptionChars: { min: number; max: number; mean: number };
  };
}

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
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

// ---------------------------------------------------------------- wording

const GOALS = [
  'Færre innbyggere utvikler rusproblemer',
  'Personer med rusproblemer får tidlig og helhetlig hjelp',
  'Bedre livskvalitet for personer med rusproblemer og deres pårørende',
  'Trygge bomiljøer og stabile boforhold for alle',
  'Et kunnskapsbasert og samordnet rusfelt i bydelen',
  'Barn og unge vokser opp i trygge rammer',
  'Færre rusrelaterte dødsfall og skader',
];

const STRATEGIES = [
  'Forebyggingsoffensiv for å hindre at rusproblemer oppstår',
  'Tidlig innsats overfor barn og unge i risiko',
  'Styrket oppfølging av pårørende og barn som pårørende',
  'Helhetlige og koordinerte tjenester på tvers av sektorer',
  'Et variert og tilgjengelig lavterskeltilbud',
  'Bolig som grunnlag for bedring',
  'Arbeid, aktivitet og meningsfull hverdag',
  'Brukermedvirkning på individ- og systemnivå',
  'Kompetanseheving og kunnskapsbasert praksis',
  'Skadereduksjon og overdoseforebygging',
  'Samarbeid med spesialisthelsetjenesten og frivilligheten',
  'Bedre data og systematisk oppfølging av planen',
];

const COUNCIL_OPENINGS = [
  'At alle bydeler',
  'At bydelene i samarbeid med Velferdsetaten',
  'At Helseetaten og bydelene',
  'At bydelene, i samarbeid med spesialisthelsetjenesten,',
  'At Utdanningsetaten og bydelene',
  'At Velferdsetaten i samarbeid med bydelene',
];

const COUNCIL_VERBS = [
  'utvikler og tar i bruk',
  'etablerer',
  'styrker',
  'kartlegger og videreutvikler',
  'sikrer',
  'prøver ut',
  'viderefører',
];

const COUNCIL_OBJECTS = [
  'lavterskel psykososiale tjenester på barns normalarenaer',
  'et system som sikrer tydelig ansvar for oppfølging når det meldes bekymring knyttet til rus hos barn og unge',
  'en felles faglig standard for oppsøkende arbeid rettet mot utsatte unge',
  'tilbud om individuell oppfølging til elever som bortvises på grunn av bruk eller omsetning av rusmidler',
  'helhetlige pasientforløp for personer med samtidig rusproblem og psykisk lidelse',
  'bolig med oppfølging til personer som skrives ut fra institusjon',
  'tilbud om arbeidsrettet aktivitet for personer i legemiddelassistert rehabilitering',
  'rutiner for oppfølging etter overdose i samarbeid med legevakten',
  'støttetilbud til pårørende av personer med rusproblemer',
  'kompetanse om rus og psykisk helse i hjemmetjenesten',
];

const COUNCIL_ENDINGS = [
  'slik at tjenestene henger sammen for brukeren.',
  'i tråd med Byrådets strategiske plan for rusfeltet.',
  'med vekt på brukermedvirkning og likeverdige tjenester.',
  'og at erfaringene deles mellom bydelene.',
  'innen utgangen av planperioden.',
  '',
];

const DISTRICT_VERBS = [
  'Vi etablerer',
  'Vi videreutvikler',
  'Vi styrker',
  'Vi prøver ut',
  'Vi samordner',
  'Vi gjennomfører',
  'Vi kartlegger behovet for',
  'Vi tilbyr',
  'Vi utarbeider',
  'Vi evaluerer og viderefører',
];

const DISTRICT_OBJECTS = [
  'et tverrfaglig ungdomsteam for individuell oppfølging',
  'faste samarbeidsmøter mellom NAV, Rusteamet og FACT-teamet',
  'opplæring i meldeplikt til barneverntjenesten for ansatte på skolene',
  'gruppetilbud for barn som pårørende',
  'oppsøkende arbeid i parker og på utesteder',
  'en rutine for oppfølging etter utskrivning fra rusinstitusjon',
  'tilbud om Housing First-bolig med ambulant oppfølging',
  'individuell jobbstøtte (IPS) for personer med rusproblemer',
  'kurs i motiverende intervju for ansatte i hjemmetjenesten',
  'brukerundersøkelse om bydelens rustjenester',
  'nalokson-opplæring for ansatte og brukere',
  'foreldreveiledning om rus og digitale medier',
  'en felles inntaksrutine med distriktspsykiatrisk senter',
  'aktivitetstilbud på kveldstid for unge voksne',
  'samarbeidsavtale med frivillige organisasjoner om ettervern',
  'ruskartlegging (Ungdata) og tilbakemelding til skolene',
];

const DISTRICT_CONTEXTS = [
  'i samarbeid med skolene i bydelen.',
  'for ungdom mellom 13 og 23 år.',
  'i tett samarbeid med spesialisthelsetjenesten.',
  'med vekt på tidlig innsats.',
  'for personer som bor i kommunal bolig.',
  'slik at ingen skrives ut til hjemløshet.',
  'og rapporterer erfaringene til bydelsutvalget.',
  'med brukerrepresentanter i arbeidsgruppen.',
];

const SENTENCES = [
  'Tiltaket bygger på erfaringer fra pilotprosjektet i 2022 og skal inngå i ordinær drift.',
  'Målgruppen er personer med sammensatte behov som i dag faller mellom tjenestene.',
  'Ansvarlig enhet rapporterer status til planleggeren hvert år innen fristen.',
  'Arbeidet koordineres i det tverrfaglige samarbeidsforumet for rus og psykisk helse.',
  'Det skal utarbeides en skriftlig rutine som gjøres kjent for alle ansatte.',
  'Brukerorganisasjonene involveres i utformingen av tilbudet.',
  'Tiltaket finansieres innenfor bydelens ordinære budsjett og eventuelle tilskuddsmidler fra Helsedirektoratet.',
  'Erfaringene evalueres ved utgangen av planperioden.',
  'Samarbeidet med Uteseksjonen og politiets forebyggende enhet videreføres.',
  'Ungdata-undersøkelsen brukes som grunnlag for prioriteringene.',
  'Tilbudet skal være lett tilgjengelig, uten henvisning og uten ventetid.',
  'Bydelen vil søke samarbeid med frivillige organisasjoner der det er naturlig.',
  'Kompetansehevingen gjennomføres i samarbeid med KoRus Oslo.',
  'Det legges vekt på at barn som pårørende blir sett og fulgt opp.',
];

const REMARKS = [
  'Arbeidet er i gang, og en arbeidsgruppe med representanter fra berørte enheter er etablert.',
  'Forsinket på grunn av manglende kapasitet; planlagt oppstart neste halvår.',
  'Rutinen er utarbeidet og tatt i bruk ved alle enhetene.',
  'Tiltaket er innarbeidet i ordinær drift.',
  'Samarbeidsavtale er inngått; første evalueringsmøte er avholdt.',
  'Opplæring er gjennomført for om lag 40 ansatte.',
  'Venter på avklaring fra Velferdsetaten før arbeidet kan videreføres.',
  'Tilbudet er prøvd ut med gode erfaringer, og videreføres.',
  'Ikke prioritert i perioden på grunn av omstilling i enheten.',
  'Brukerundersøkelsen er gjennomført; resultatene legges fram for bydelsutvalget.',
  'Tilskuddsmidler er innvilget, og prosjektleder er ansatt.',
  'Videreføres som fast tiltak i neste plan.',
];

const PARTNERS = [
  'Skolene i bydelen',
  'Velferdsetaten (Uteseksjonen)',
  'Lovisenberg Diakonale Sykehus, DPS',
  'KoRus Oslo',
  'Barneverntjenesten',
  'Politiet, forebyggende enhet',
  'Frivillige organisasjoner',
  'Fastlegene i bydelen',
  'Oslo universitetssykehus, Avdeling for rus og avhengighet',
  '',
];

const TARGET_GROUPS = ['ungdom', 'unge voksne', 'barn som pårørende', 'foreldre', 'personer med rusproblemer', 'eldre', 'bostedsløse'];

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 2–4 sentences, 100–400 characters. */
function description(random: Random): string {
  const count = random.int(2, 4);
  const parts: string[] = [];
  for (let i = 0; i < 12 && (parts.length < count || parts.join(' ').length < 100); i++) {
    const sentence = random.pick(SENTENCES);
    if (parts.includes(sentence)) continue;
    if ([...parts, sentence].join(' ').length > 400) break;
    parts.push(sentence);
  }
  return parts.join(' ');
}

function deadlineText(random: Random, startYear: number, endYear: number): string {
  const year = random.int(startYear, endYear);
  return random.pick([
    'Kontinuerlig',
    String(year),
    `Våren ${year}`,
    `Høsten ${year}`,
    `Innen 1. mai ${year}`,
    `31.12.${year}`,
    `Skoleåret ${year}/${year + 1}`,
    'Årlig',
    'I løpet av planperioden',
    'Fortløpende',
  ]);
}

/** a, b, … z, aa, ab … */
function letterCode(index: number): string {
  let code = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) code = String.fromCharCode(97 + (n % 26)) + code;
  return code;
}

/** Reporting rounds: about monthly (not July), each on a working-day-ish date, up to yesterday. */
function reportDates(random: Random, startYear: number, endYear: number, yesterday: string): string[] {
  const dates: string[] = [];
  for (let year = startYear; year <= endYear; year++) {
    for (let month = 1; month <= 12; month++) {
      if (month === 7) continue;
      const date = `${year}-${String(month).padStart(2, '0')}-${String(random.int(3, 26)).padStart(2, '0')}`;
      if (date <= yesterday) dates.push(date);
    }
  }
  return dates;
}

const PROGRESS = ['ikke_iverksatt', 'delvis_iverksatt', 'iverksatt', 'gjennomfort'] as const;

/** Counts that vary around `mean` but add up to `count × mean` exactly. */
function spread(random: Random, count: number, mean: number, min: number, max: number, total = count * mean): number[] {
  const counts = Array.from({ length: count }, () => Math.min(max, Math.max(min, mean + random.int(-3, 3))));
  let sum = counts.reduce((a, b) => a + b, 0);
  for (let guard = 0; sum !== total && guard < 10 * total + 1000; guard++) {
    const i = random.int(0, count - 1);
    const value = counts[i] ?? mean;
    if (sum < total && value < max) {
      counts[i] = value + 1;
      sum += 1;
    } else if (sum > total && value > min) {
      counts[i] = value - 1;
      sum -= 1;
    }
  }
  return counts;
}

function stats(values: number[]) {
  return {
    min: Math.min(...values),
    max: Math.max(...values),
    mean: Math.round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
  };
}

/**
 * The plan: `startYear` = this year − 3 to this year (so the years that have passed carry
 * history, and the current year's report is a draft), statuses on reporting rounds up to yesterday.
 */
export function generatePlan(shape: PlanShape, today: string, seed = 20_261_124): GeneratedPlan {
  const random = prng(seed);
  const endYear = Number(today.slice(0, 4));
  const startYear = endYear - 3;
  const yesterdayDate = new Date(`${today}T00:00:00Z`);
  yesterdayDate.setUTCDate(yesterdayDate.getUTCDate() - 1);
  const yesterday = yesterdayDate.toISOString().slice(0, 10);
  const knownCodes = new Set(DEFAULT_STATUS_TERMS.map((term) => term.code));
  for (const code of [...PROGRESS, 'utgar', 'viderefort']) if (!knownCodes.has(code)) throw new Error(`status code ${code} is not in DEFAULT_STATUS_TERMS`);

  const items: GeneratedItem[] = [];
  const measures: { item: GeneratedItem; forLeader: boolean }[] = [];
  const councilTotal = shape.goals * shape.strategiesPerGoal * shape.councilPerStrategy;
  const districtCounts = spread(random, councilTotal, shape.districtPerCouncil, Math.max(1, shape.districtPerCouncil - 3), shape.districtPerCouncil + 3);
  let councilIndex = 0;
  let districtNumber = 0;

  const unitsFor = (forLeader: boolean): string[] => {
    const pool: readonly string[] = forLeader ? LEADER_SUBTREE_UNITS : OTHER_STH_UNITS;
    const first = random.pick(pool);
    const units = [first];
    if (random.chance(0.35)) {
      const second = random.pick(pool);
      if (second !== first) units.push(second);
    }
    return units;
  };

  for (let g = 0; g < shape.goals; g++) {
    const goal: GeneratedItem = {
      id: uuid(random),
      parentId: null,
      level: 0,
      position: g,
      code: null,
      title: g < GOALS.length ? (GOALS[g] ?? '') : `${random.pick(GOALS)} (${g + 1})`,
      description: random.chance(0.6) ? description(random) : '',
      partners: '',
      targetGroups: [],
      deadlineText: '',
      units: [],
    };
    items.push(goal);
    for (let s = 0; s < shape.strategiesPerGoal; s++) {
      const strategyIndex = g * shape.strategiesPerGoal + s;
      const strategy: GeneratedItem = {
        id: uuid(random),
        parentId: goal.id,
        level: 1,
        position: s,
        code: null,
        title: strategyIndex < STRATEGIES.length ? (STRATEGIES[strategyIndex] ?? '') : `${random.pick(STRATEGIES)} (${strategyIndex + 1})`,
        description: random.chance(0.5) ? description(random) : '',
        partners: '',
        targetGroups: [],
        deadlineText: '',
        units: [],
      };
      items.push(strategy);
      for (let c = 0; c < shape.councilPerStrategy; c++) {
        const forLeader = random.chance(0.5);
        const ending = random.pick(COUNCIL_ENDINGS);
        const council: GeneratedItem = {
          id: uuid(random),
          parentId: strategy.id,
          level: 2,
          position: c,
          code: letterCode(c),
          title: `${random.pick(COUNCIL_OPENINGS)} ${random.pick(COUNCIL_VERBS)} ${random.pick(COUNCIL_OBJECTS)}${ending ? ` ${ending}` : '.'}`,
          description: description(random),
          partners: random.pick(PARTNERS),
          targetGroups: random.chance(0.5) ? [random.pick(TARGET_GROUPS)] : [],
          deadlineText: random.chance(0.7) ? deadlineText(random, startYear, endYear) : '',
          units: unitsFor(forLeader),
        };
        items.push(council);
        measures.push({ item: council, forLeader });
        const districts = districtCounts[councilIndex++] ?? shape.districtPerCouncil;
        for (let d = 0; d < districts; d++) {
          const forLeaderDistrict = random.chance(0.5);
          districtNumber += 1;
          const groups = new Set<string>();
          for (let k = random.int(0, 2); k > 0; k--) groups.add(random.pick(TARGET_GROUPS));
          const district: GeneratedItem = {
            id: uuid(random),
            parentId: council.id,
            level: 3,
            position: d,
            code: String(districtNumber),
            title: `${random.pick(DISTRICT_VERBS)} ${random.pick(DISTRICT_OBJECTS)} ${random.pick(DISTRICT_CONTEXTS)}`,
            description: description(random),
            partners: random.pick(PARTNERS),
            targetGroups: [...groups],
            deadlineText: deadlineText(random, startYear, endYear),
            units: unitsFor(forLeaderDistrict),
          };
          items.push(district);
          measures.push({ item: district, forLeader: forLeaderDistrict });
        }
      }
    }
  }

  // Status histories: every measure reports on a few of the plan's reporting rounds.
  const dates = reportDates(random, startYear, endYear, yesterday);
  const perMeasure = spread(random, measures.length, Math.round(shape.statuses / Math.max(1, measures.length)), 1, dates.length, shape.statuses);
  const statuses: GeneratedStatus[] = [];
  const usedDates = new Set<string>();
  measures.forEach(({ item, forLeader }, index) => {
    const count = Math.min(perMeasure[index] ?? 0, dates.length);
    // A random subset of the rounds, in date order.
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(random.int(0, dates.length - 1));
    let step = random.chance(0.6) ? 0 : random.chance(0.75) ? 1 : 2;
    let code: string = PROGRESS[step] ?? 'ikke_iverksatt';
    [...chosen]
      .sort((a, b) => a - b)
      .forEach((dateIndex, n) => {
        const date = dates[dateIndex] ?? yesterday;
        if (n > 0 && code !== 'utgar' && code !== 'viderefort') {
          if (random.chance(0.02)) code = 'utgar';
          else if (code === 'gjennomfort' && date.startsWith(String(endYear)) && random.chance(0.3)) code = 'viderefort';
          else if (random.chance(0.35) && step < PROGRESS.length - 1) code = PROGRESS[++step] ?? code;
        }
        // Every remark names its round, so no two updates of a measure are the same (a bulk save
        // of an unchanged status and remark would be skipped as "unchanged").
        const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
        const remark = random.chance(0.1) ? `Status ${month} ${date.slice(0, 4)}.` : `${sentenceCase(month)} ${date.slice(0, 4)}: ${random.pick(REMARKS)}`;
        usedDates.add(date);
        statuses.push({
          itemId: item.id,
          statusCode: code,
          remark,
          reportedOn: date,
          createdAt: `${date}T${String(8 + (n % 8)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}Z`,
          author: forLeader && random.chance(0.7) ? 'leder.sth' : 'planlegger.sth',
        });
      });
  });

  const council = measures.filter((m) => m.item.level === 2).length;
  return {
    title: `Ruspolitisk handlingsplan ${startYear}–${endYear} – Bydel St. Hanshaugen (ytelsestest)`,
    description:
      'Stor plan laget av ytelsestesten (bench/, suite «plans»): mål, strategier, byrådets tiltak og bydelens tiltak ' +
      'med ansvarlige enheter, frister og statushistorikk. Ikke en ekte plan.',
    startYear,
    endYear,
    items,
    statuses,
    counts: {
      goals: shape.goals,
      strategies: shape.goals * shape.strategiesPerGoal,
      councilMeasures: council,
      districtMeasures: measures.length - council,
      measures: measures.length,
      items: items.length,
      statuses: statuses.length,
      measuresForLeader: measures.filter((m) => m.forLeader).length,
      reportDates: usedDates.size,
      titleChars: stats(items.filter((i) => i.level >= 2).map((i) => i.title.length)),
      descriptionChars: stats(items.filter((i) => i.level >= 2).map((i) => i.description.length)),
    },
  };
}
