/**
 * The Oslostandard checklist per client (issue 5 item 10): from a plain snapshot of what is
 * recorded about a client and today's date, each item green, red or not applicable, with a
 * Norwegian reason; and the same totalled over a unit's clients for the unit leader's internal
 * control (Tiltak 14). The city's auditors found exactly these things undocumented (seed 004,
 * Kommunerevisjonen 2020); the checklist makes a gap visible the day it opens.
 *
 * The items and their rules (decisions where the seeds leave a choice; also in the report):
 * 1. Fast kontaktperson (Tiltak 1): a contact person is registered.
 * 2. Gyldig samtykke (Tiltak 1): at least one consent valid today and not withdrawn (consent.ts).
 *    A warning when the last one ends within 30 days.
 * 3. Kartlegging (Tiltak 7): at least one assessment (kartlegging) dated on or before today. The
 *    yearly BrukerPlan mapping is staff's rating for statistics and does not count.
 * 4. Evaluering (Tiltak 5 and 7): the 3-month review clock (schedule-rules.ts) is not overdue;
 *    not applicable before the first assessment (item 3 is red then). Warning when due within 14
 *    days.
 * 5. Individuell plan og koordinator (Tiltak 11): applicable when the client has two or more
 *    services active today (seed 001: "Alle som har to eller flere tjenester skal ha individuell
 *    plan og koordinator") or long-term coordinated needs are flagged. Green when an offer of an
 *    individual plan is documented (or a plan is active) and a coordinator is assigned or was
 *    offered (domain.md: "a coordinator must be offered even if the client does not want a
 *    plan"). Warning when the latest offer has no answer.
 * 6. Kriseplan før overgang (Tiltak 11): applicable when a transition is dated within the last
 *    12 months or is planned. Red when any of them has no crisis plan dated on or before it. Older
 *    transitions drop out after 12 months: a missed plan cannot be made afterwards, and a year is
 *    the internal-control period; until then the gap stays visible.
 * 7. Livskvalitet spurt i år (Tiltak 9): asked (or "ønsker ikke å svare") in this year's
 *    January–May window. During the window a client not yet asked is red — a task to do, with the
 *    deadline in the reason — and after 31 May still red (missed) for the rest of the year. Not
 *    applicable for a client registered after this year's window closed: there was no window to
 *    ask in; they are asked next January–May.
 * 8. Tilbakemeldingsverktøy brukt (Tiltak 10): at least one feedback session in the last 3
 *    months (from the same day 3 calendar months ago). Not applicable when no instrument is
 *    enabled in the instance (they are licensed; feedback.ts).
 * Dates after today are ignored (typed ahead), except planned transitions and future consents.
 */
import { consentState, type Consent } from './consent.js';
import { addMonths, daysFromTo, formatNb, isDate, isRecord, listOf, readDate } from './dates.js';
import type { CaseworkText } from './model.js';
import { qolStatus, qolWindow, reviewStatus, type QolAnswer } from './schedule-rules.js';

export const TRANSITION_KINDS = ['institution_to_home', 'prison_release', 'district_move', 'treatment_discharge', 'other'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const TRANSITION_KIND_LABELS: Record<TransitionKind, CaseworkText> = {
  institution_to_home: { nb: 'Fra institusjon til egen bolig', en: 'From institution to own home' },
  prison_release: { nb: 'Løslatelse fra fengsel', en: 'Release from prison' },
  district_move: { nb: 'Flytting til annen bydel', en: 'Move to another district' },
  treatment_discharge: { nb: 'Utskrivning fra behandling', en: 'Discharge from treatment' },
  other: { nb: 'Annen overgang', en: 'Other transition' },
};

export type OfferAnswer = 'accepted' | 'declined';

/** What the checklist needs to know about one client: plain data, dates as 'YYYY-MM-DD'. */
export interface ChecklistSnapshot {
  /** When the client was registered (came into the service). */
  registeredOn?: string | null;
  contactPersonId: string | null;
  consents: readonly Consent[];
  /** Assessments (kartlegginger) of the life areas: the intake and later ones. */
  assessments: readonly { date: string }[];
  reviews: readonly { date: string }[];
  services: readonly { start: string; end: string | null }[];
  /** Staff's judgement that the client needs long-term, coordinated services (Tiltak 11). */
  longTermCoordinatedNeeds?: boolean;
  individualPlanOffers: readonly { offeredOn: string; answer?: OfferAnswer | null }[];
  individualPlanActive?: boolean;
  coordinatorOffers?: readonly { offeredOn: string; answer?: OfferAnswer | null }[];
  coordinatorId?: string | null;
  crisisPlans: readonly { date: string }[];
  transitions: readonly { date: string; kind?: TransitionKind }[];
  qolAnswers: readonly QolAnswer[];
  feedbackSessions: readonly { date: string }[];
}

export interface ChecklistOptions {
  /** Whether any feedback instrument is enabled in the instance (true by default). */
  feedbackEnabled?: boolean;
}

export const CHECKLIST_ITEM_IDS = [
  'contact_person',
  'consent',
  'intake_assessment',
  'review',
  'individual_plan',
  'crisis_plan',
  'quality_of_life',
  'feedback',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export const CHECKLIST_ITEMS: Record<ChecklistItemId, { label: CaseworkText; tiltak: readonly number[] }> = {
  contact_person: { label: { nb: 'Fast kontaktperson', en: 'Contact person' }, tiltak: [1] },
  consent: { label: { nb: 'Gyldig samtykke', en: 'Valid consent' }, tiltak: [1] },
  intake_assessment: { label: { nb: 'Kartlegging', en: 'Assessment' }, tiltak: [7] },
  review: { label: { nb: 'Evaluering hver 3. måned', en: 'Review every 3 months' }, tiltak: [5, 7] },
  individual_plan: { label: { nb: 'Tilbud om individuell plan og koordinator', en: 'Individual plan and coordinator offered' }, tiltak: [11] },
  crisis_plan: { label: { nb: 'Kriseplan før overgang', en: 'Crisis plan before transition' }, tiltak: [11] },
  quality_of_life: { label: { nb: 'Livskvalitet spurt i år', en: 'Quality of life asked this year' }, tiltak: [9] },
  feedback: { label: { nb: 'Tilbakemeldingsverktøy brukt', en: 'Feedback tool used' }, tiltak: [10] },
};

export type ChecklistStatus = 'green' | 'red' | 'not_applicable';

export interface ChecklistItem {
  id: ChecklistItemId;
  status: ChecklistStatus;
  /** Why, in Norwegian. */
  reason: string;
  /** Something to act on soon, also when green (Norwegian); null when nothing. */
  warning: string | null;
}

export interface ChecklistResult {
  items: ChecklistItem[];
  counts: { green: number; red: number; notApplicable: number; warnings: number };
}

export const CRISIS_PLAN_LOOKBACK_MONTHS = 12;
export const FEEDBACK_LOOKBACK_MONTHS = 3;

const dated = (list: unknown, key = 'date'): string[] =>
  listOf(list)
    .map((x) => (isRecord(x) ? x[key] : undefined))
    .filter(isDate)
    .sort();

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function contactPerson(s: ChecklistSnapshot): Omit<ChecklistItem, 'id'> {
  const id = s.contactPersonId;
  return typeof id === 'string' && id.trim() !== ''
    ? { status: 'green', reason: 'Fast kontaktperson er registrert.', warning: null }
    : { status: 'red', reason: 'Klienten har ingen fast kontaktperson.', warning: null };
}

function consent(s: ChecklistSnapshot, today: string): Omit<ChecklistItem, 'id'> {
  const consents = listOf(s.consents).filter(isRecord) as unknown as Consent[];
  const states = consents.map((c) => ({ c, state: consentState(c, today) }));
  const valid = states.filter((x) => x.state === 'valid').map((x) => x.c.validUntil).sort();
  const until = valid.at(-1);
  if (until !== undefined) {
    const left = daysFromTo(today, until) ?? 0;
    return {
      status: 'green',
      reason: `Gyldig samtykke til og med ${formatNb(until)}.`,
      warning: left <= 30 ? `Samtykket går ut ${formatNb(until)} (${left === 0 ? 'i dag' : `om ${plural(left, 'dag', 'dager')}`}). Forny det i tide.` : null,
    };
  }
  if (states.some((x) => x.state === 'withdrawn')) return { status: 'red', reason: 'Samtykket er trukket tilbake, og det finnes ikke noe annet gyldig samtykke.', warning: null };
  const expired = states.filter((x) => x.state === 'expired').map((x) => x.c.validUntil).sort().at(-1);
  if (expired !== undefined) return { status: 'red', reason: `Samtykket gikk ut ${formatNb(expired)}. Innhent nytt samtykke.`, warning: null };
  const later = states.filter((x) => x.state === 'not_yet_valid').map((x) => x.c.validFrom).sort()[0];
  if (later !== undefined) return { status: 'red', reason: `Samtykket gjelder først fra ${formatNb(later)}.`, warning: null };
  return { status: 'red', reason: 'Samtykke til samarbeid og deling av opplysninger er ikke registrert.', warning: null };
}

function intake(s: ChecklistSnapshot, today: string): Omit<ChecklistItem, 'id'> {
  const first = dated(s.assessments).filter((d) => d <= today)[0];
  return first !== undefined
    ? { status: 'green', reason: `Kartlagt ${formatNb(first)}.`, warning: null }
    : { status: 'red', reason: 'Ingen kartlegging av levekårsområdene er registrert.', warning: null };
}

function review(s: ChecklistSnapshot, today: string): Omit<ChecklistItem, 'id'> {
  const status = reviewStatus([...dated(s.assessments), ...dated(s.reviews)], today);
  switch (status.state) {
    case 'ok':
      return { status: 'green', reason: status.message, warning: null };
    case 'due_soon':
      return { status: 'green', reason: `Sist kartlagt eller evaluert ${formatNb(status.last ?? '')}.`, warning: status.message };
    case 'overdue':
      return { status: 'red', reason: status.message, warning: null };
    case 'not_started':
      return { status: 'not_applicable', reason: status.message, warning: null };
    default:
      return { status: 'red', reason: status.message, warning: null };
  }
}

function individualPlan(s: ChecklistSnapshot, today: string): Omit<ChecklistItem, 'id'> {
  const active = listOf(s.services).filter((x) => isRecord(x) && isDate(x['start']) && x['start'] <= today && (!isDate(x['end']) || x['end'] >= today)).length;
  const flagged = s.longTermCoordinatedNeeds === true;
  if (active < 2 && !flagged) {
    return {
      status: 'not_applicable',
      reason: `Ikke aktuelt nå: ${plural(active, 'aktiv tjeneste', 'aktive tjenester')}, og behov for langvarige og koordinerte tjenester er ikke registrert.`,
      warning: null,
    };
  }
  const why = active >= 2 ? `Klienten har ${plural(active, 'aktiv tjeneste', 'aktive tjenester')}` : 'Klienten har behov for langvarige og koordinerte tjenester';
  const offers = listOf(s.individualPlanOffers)
    .filter((o): o is { offeredOn: string; answer?: OfferAnswer | null } => isRecord(o) && isDate(o['offeredOn']) && o['offeredOn'] <= today)
    .sort((a, b) => (a.offeredOn < b.offeredOn ? -1 : a.offeredOn > b.offeredOn ? 1 : 0));
  const ipOffered = offers.length > 0 || s.individualPlanActive === true;
  const coordinatorAssigned = typeof s.coordinatorId === 'string' && s.coordinatorId.trim() !== '';
  const coordinatorOffered = dated(s.coordinatorOffers, 'offeredOn').some((d) => d <= today);
  const missing: string[] = [];
  if (!ipOffered) missing.push('tilbud om individuell plan');
  if (!coordinatorAssigned && !coordinatorOffered) missing.push('tilbud om koordinator (skal tilbys selv om personen ikke ønsker plan)');
  if (missing.length > 0) {
    return { status: 'red', reason: `${why}, men ${missing.join(' og ')} er ikke dokumentert.`, warning: null };
  }
  const latest = offers.at(-1);
  const ipText = latest ? `Individuell plan tilbudt ${formatNb(latest.offeredOn)}` : 'Individuell plan er i gang';
  const coordinatorText = coordinatorAssigned ? 'koordinator er tildelt' : 'koordinator er tilbudt';
  const unanswered = latest !== undefined && s.individualPlanActive !== true && latest.answer !== 'accepted' && latest.answer !== 'declined';
  return {
    status: 'green',
    reason: `${ipText}; ${coordinatorText}.`,
    warning: unanswered ? 'Svaret på tilbudet om individuell plan er ikke registrert (takket ja eller nei, og hvorfor).' : null,
  };
}

function crisisPlan(s: ChecklistSnapshot, today: string): Omit<ChecklistItem, 'id'> {
  const since = addMonths(today, -CRISIS_PLAN_LOOKBACK_MONTHS) ?? today;
  const transitions = listOf(s.transitions)
    .filter((t): t is { date: string; kind?: TransitionKind } => isRecord(t) && isDate(t['date']) && t['date'] > since)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (transitions.length === 0) {
    return { status: 'not_applicable', reason: 'Ingen overganger de siste 12 månedene, og ingen planlagt.', warning: null };
  }
  const plans = dated(s.crisisPlans).filter((d) => d <= today);
  const lacking = transitions.filter((t) => !plans.some((p) => p <= t.date));
  const describe = (t: { date: string; kind?: TransitionKind }): string => {
    const kind = t.kind && (TRANSITION_KINDS as readonly string[]).includes(t.kind) ? TRANSITION_KIND_LABELS[t.kind].nb.toLowerCase() : null;
    return `Overgangen ${formatNb(t.date)}${kind ? ` (${kind})` : ''}`;
  };
  const first = lacking[0];
  if (first) {
    const planned = first.date > today ? ' Lag kriseplanen før overgangen.' : '';
    const more = lacking.length > 1 ? ` Det gjelder ${lacking.length - 1} overgang${lacking.length > 2 ? 'er' : ''} til.` : '';
    return { status: 'red', reason: `${describe(first)} har ingen kriseplan datert samme dag eller før.${planned}${more}`, warning: null };
  }
  const last = transitions.at(-1);
  return {
    status: 'green',
    reason: transitions.length === 1 && last ? `Kriseplan finnes før overgangen ${formatNb(last.date)}.` : `Kriseplan finnes før alle ${transitions.length} overgangene.`,
    warning: null,
  };
}

function qualityOfLife(s: ChecklistSnapshot, today: string): Omit<ChecklistItem, 'id'> {
  const status = qolStatus(listOf(s.qolAnswers) as QolAnswer[], today);
  const year = readDate(today)?.y;
  const registered = s.registeredOn;
  if (status.state !== 'asked' && year !== undefined && isDate(registered) && registered > qolWindow(year).closes && registered <= today) {
    return {
      status: 'not_applicable',
      reason: `Klienten kom til ${formatNb(registered)}, etter at perioden januar–mai var over. Spør i januar–mai ${year + 1}.`,
      warning: null,
    };
  }
  switch (status.state) {
    case 'asked':
      return { status: 'green', reason: status.message, warning: null };
    case 'not_yet_asked':
      return {
        status: 'red',
        reason: status.message,
        warning: status.daysLeft !== null && status.daysLeft <= 14 ? `Perioden for å spørre slutter ${formatNb(status.window?.closes ?? '')}.` : null,
      };
    default:
      return { status: 'red', reason: status.message, warning: null };
  }
}

function feedback(s: ChecklistSnapshot, today: string, options: ChecklistOptions): Omit<ChecklistItem, 'id'> {
  if (options.feedbackEnabled === false) {
    return { status: 'not_applicable', reason: 'Ingen tilbakemeldingsverktøy er tatt i bruk her.', warning: null };
  }
  const since = addMonths(today, -FEEDBACK_LOOKBACK_MONTHS) ?? today;
  const sessions = dated(s.feedbackSessions).filter((d) => d <= today);
  const last = sessions.at(-1);
  if (last !== undefined && last >= since) return { status: 'green', reason: `Sist brukt ${formatNb(last)}.`, warning: null };
  return {
    status: 'red',
    reason: `Tilbakemeldingsverktøy er ikke brukt de siste 3 månedene${last !== undefined ? ` (sist ${formatNb(last)})` : ''}.`,
    warning: null,
  };
}

/**
 * The Oslostandard checklist for one client on `today` ('YYYY-MM-DD', Oslo). Pure and
 * deterministic; never throws (unreadable parts of the snapshot count as not recorded).
 */
export function clientChecklist(snapshot: ChecklistSnapshot, today: string, options: ChecklistOptions = {}): ChecklistResult {
  const s = (isRecord(snapshot) ? snapshot : {}) as ChecklistSnapshot;
  const rules: Record<ChecklistItemId, () => Omit<ChecklistItem, 'id'>> = {
    contact_person: () => contactPerson(s),
    consent: () => consent(s, today),
    intake_assessment: () => intake(s, today),
    review: () => review(s, today),
    individual_plan: () => individualPlan(s, today),
    crisis_plan: () => crisisPlan(s, today),
    quality_of_life: () => qualityOfLife(s, today),
    feedback: () => feedback(s, today, isRecord(options) ? options : {}),
  };
  const items: ChecklistItem[] = CHECKLIST_ITEM_IDS.map((id) =>
    isDate(today) ? { id, ...rules[id]() } : { id, status: 'red', reason: 'Dagens dato mangler, så punktet kan ikke vurderes.', warning: null },
  );
  return {
    items,
    counts: {
      green: items.filter((i) => i.status === 'green').length,
      red: items.filter((i) => i.status === 'red').length,
      notApplicable: items.filter((i) => i.status === 'not_applicable').length,
      warnings: items.filter((i) => i.warning !== null).length,
    },
  };
}

export interface ChecklistTotals {
  clients: number;
  /** Clients with no red item. */
  clientsAllGreen: number;
  items: Record<ChecklistItemId, { green: number; red: number; notApplicable: number; warnings: number }>;
}

/** Per item, how many of a unit's clients are green, red or not applicable: the unit dashboard's totals. */
export function checklistTotals(results: readonly ChecklistResult[]): ChecklistTotals {
  const items = Object.fromEntries(CHECKLIST_ITEM_IDS.map((id) => [id, { green: 0, red: 0, notApplicable: 0, warnings: 0 }])) as ChecklistTotals['items'];
  let clientsAllGreen = 0;
  const list = listOf(results).filter(isRecord) as unknown as ChecklistResult[];
  for (const result of list) {
    const entries = listOf(result.items).filter(isRecord) as unknown as ChecklistItem[];
    if (!entries.some((i) => i.status === 'red')) clientsAllGreen += 1;
    for (const item of entries) {
      const total = items[item.id];
      if (!total) continue;
      if (item.status === 'green') total.green += 1;
      else if (item.status === 'red') total.red += 1;
      else if (item.status === 'not_applicable') total.notApplicable += 1;
      if (item.warning) total.warnings += 1;
    }
  }
  return { clients: list.length, clientsAllGreen, items };
}
