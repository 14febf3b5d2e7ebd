import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_ITEM_IDS,
  CHECKLIST_ITEMS,
  checklistTotals,
  clientChecklist,
  type ChecklistItemId,
  type ChecklistSnapshot,
} from './checklist.js';
import type { Consent } from './consent.js';

const TODAY = '2026-04-15';

const CONSENT: Consent = {
  id: 'c1',
  categories: ['housing', 'individual_plan'],
  recipients: [{ kind: 'unit', id: 'nav' }],
  validFrom: '2026-01-10',
  validUntil: '2026-12-31',
  withdrawnAt: null,
};

/** A client for whom everything the standard asks is documented on 15 April 2026. */
const complete: ChecklistSnapshot = {
  registeredOn: '2026-01-10',
  contactPersonId: 'user-1',
  consents: [CONSENT],
  assessments: [{ date: '2026-01-12' }],
  reviews: [{ date: '2026-03-20' }],
  services: [
    { start: '2026-01-10', end: null },
    { start: '2026-02-01', end: '2026-12-31' },
  ],
  individualPlanOffers: [{ offeredOn: '2026-02-05', answer: 'accepted' }],
  coordinatorId: 'user-2',
  crisisPlans: [{ date: '2026-03-01' }],
  transitions: [{ date: '2026-03-15', kind: 'institution_to_home' }],
  qolAnswers: [{ date: '2026-02-20', value: 5 }],
  feedbackSessions: [{ date: '2026-04-01' }],
};

const item = (snapshot: Partial<ChecklistSnapshot>, id: ChecklistItemId, today = TODAY, options = {}) => {
  const found = clientChecklist({ ...complete, ...snapshot }, today, options).items.find((i) => i.id === id);
  if (!found) throw new Error(id);
  const { id: _id, ...rest } = found;
  return rest;
};

describe('clientChecklist: the complete client', () => {
  it('is green on every item, in the issue’s order, with reasons', () => {
    const result = clientChecklist(complete, TODAY);
    expect(result.items.map((i) => [i.id, i.status, i.reason])).toEqual([
      ['contact_person', 'green', 'Fast kontaktperson er registrert.'],
      ['consent', 'green', 'Gyldig samtykke til og med 31.12.2026.'],
      ['intake_assessment', 'green', 'Kartlagt 12.01.2026.'],
      ['review', 'green', 'Neste evaluering innen 20.06.2026.'],
      ['individual_plan', 'green', 'Individuell plan tilbudt 05.02.2026; koordinator er tildelt.'],
      ['crisis_plan', 'green', 'Kriseplan finnes før overgangen 15.03.2026.'],
      ['quality_of_life', 'green', 'Spurt 20.02.2026 (svarte 5).'],
      ['feedback', 'green', 'Sist brukt 01.04.2026.'],
    ]);
    expect(result.counts).toEqual({ green: 8, red: 0, notApplicable: 0, warnings: 0 });
  });

  it('names the Tiltak behind every item', () => {
    expect(CHECKLIST_ITEM_IDS.map((id) => CHECKLIST_ITEMS[id].tiltak)).toEqual([[1], [1], [7], [5, 7], [11], [11], [9], [10]]);
  });
});

describe('clientChecklist: each item', () => {
  it('contact person', () => {
    expect(item({ contactPersonId: null }, 'contact_person')).toEqual({ status: 'red', reason: 'Klienten har ingen fast kontaktperson.', warning: null });
    expect(item({ contactPersonId: '  ' }, 'contact_person').status).toBe('red');
  });

  it('consent: valid, expiring soon, expired, withdrawn, not yet valid, missing', () => {
    expect(item({ consents: [{ ...CONSENT, validUntil: '2026-05-01' }] }, 'consent')).toEqual({
      status: 'green',
      reason: 'Gyldig samtykke til og med 01.05.2026.',
      warning: 'Samtykket går ut 01.05.2026 (om 16 dager). Forny det i tide.',
    });
    expect(item({ consents: [{ ...CONSENT, validUntil: TODAY }] }, 'consent').warning).toBe('Samtykket går ut 15.04.2026 (i dag). Forny det i tide.');
    expect(item({ consents: [{ ...CONSENT, validUntil: '2026-05-16' }] }, 'consent').warning).toBeNull();
    expect(item({ consents: [{ ...CONSENT, validUntil: '2026-04-14' }] }, 'consent')).toMatchObject({ status: 'red', reason: 'Samtykket gikk ut 14.04.2026. Innhent nytt samtykke.' });
    expect(item({ consents: [{ ...CONSENT, withdrawnAt: '2026-04-15T07:00:00Z' }] }, 'consent')).toMatchObject({ status: 'red', reason: expect.stringContaining('trukket tilbake') });
    expect(item({ consents: [{ ...CONSENT, validFrom: '2026-05-01' }] }, 'consent')).toMatchObject({ status: 'red', reason: 'Samtykket gjelder først fra 01.05.2026.' });
    expect(item({ consents: [] }, 'consent')).toMatchObject({ status: 'red', reason: 'Samtykke til samarbeid og deling av opplysninger er ikke registrert.' });
    // A withdrawn consent next to a valid one: still green.
    expect(item({ consents: [{ ...CONSENT, id: 'old', withdrawnAt: '2026-02-01' }, CONSENT] }, 'consent').status).toBe('green');
  });

  it('intake assessment', () => {
    expect(item({ assessments: [] }, 'intake_assessment')).toEqual({ status: 'red', reason: 'Ingen kartlegging av levekårsområdene er registrert.', warning: null });
    expect(item({ assessments: [{ date: '2026-05-01' }] }, 'intake_assessment').status).toBe('red'); // typed ahead
  });

  it('review: in time, due soon, overdue, not started', () => {
    expect(item({ reviews: [] }, 'review')).toEqual({ status: 'red', reason: 'Evalueringen skulle vært gjort innen 12.04.2026 (3 dager siden).', warning: null });
    expect(item({ reviews: [{ date: '2026-01-20' }] }, 'review')).toEqual({
      status: 'green',
      reason: 'Sist kartlagt eller evaluert 20.01.2026.',
      warning: 'Neste evaluering skal gjøres innen 20.04.2026.',
    });
    expect(item({ assessments: [], reviews: [] }, 'review')).toMatchObject({ status: 'not_applicable' });
  });

  it('individual plan and coordinator: indicated by two active services or by flagged needs', () => {
    expect(item({ individualPlanOffers: [], coordinatorId: null }, 'individual_plan')).toEqual({
      status: 'red',
      reason:
        'Klienten har 2 aktive tjenester, men tilbud om individuell plan og tilbud om koordinator (skal tilbys selv om personen ikke ønsker plan) er ikke dokumentert.',
      warning: null,
    });
    expect(item({ individualPlanOffers: [] }, 'individual_plan').reason).toBe('Klienten har 2 aktive tjenester, men tilbud om individuell plan er ikke dokumentert.');
    // One service ended yesterday: one active service, not indicated.
    const one = { services: [{ start: '2026-01-10', end: null }, { start: '2026-02-01', end: '2026-04-14' }], individualPlanOffers: [] };
    expect(item(one, 'individual_plan')).toEqual({
      status: 'not_applicable',
      reason: 'Ikke aktuelt nå: 1 aktiv tjeneste, og behov for langvarige og koordinerte tjenester er ikke registrert.',
      warning: null,
    });
    // A service ending today is still active; one starting tomorrow is not yet.
    expect(item({ ...one, services: [{ start: '2026-01-10', end: null }, { start: '2026-02-01', end: TODAY }] }, 'individual_plan').status).toBe('red');
    expect(item({ ...one, services: [{ start: '2026-01-10', end: null }, { start: '2026-04-16', end: null }] }, 'individual_plan').status).toBe('not_applicable');
    expect(item({ ...one, longTermCoordinatedNeeds: true }, 'individual_plan').reason).toBe(
      'Klienten har behov for langvarige og koordinerte tjenester, men tilbud om individuell plan er ikke dokumentert.',
    );
  });

  it('individual plan: a declined plan still needs a coordinator offer; an unanswered offer warns', () => {
    const declined = { individualPlanOffers: [{ offeredOn: '2026-02-05', answer: 'declined' as const }], coordinatorId: null };
    expect(item(declined, 'individual_plan').status).toBe('red');
    expect(item({ ...declined, coordinatorOffers: [{ offeredOn: '2026-02-05', answer: 'declined' }] }, 'individual_plan')).toEqual({
      status: 'green',
      reason: 'Individuell plan tilbudt 05.02.2026; koordinator er tilbudt.',
      warning: null,
    });
    expect(item({ individualPlanOffers: [{ offeredOn: '2026-02-05' }] }, 'individual_plan').warning).toBe(
      'Svaret på tilbudet om individuell plan er ikke registrert (takket ja eller nei, og hvorfor).',
    );
    expect(item({ individualPlanOffers: [], individualPlanActive: true }, 'individual_plan')).toMatchObject({ status: 'green', reason: 'Individuell plan er i gang; koordinator er tildelt.' });
    expect(item({ individualPlanOffers: [{ offeredOn: '2026-05-01', answer: 'accepted' }] }, 'individual_plan').status).toBe('red'); // typed ahead
  });

  it('crisis plan before transition: dated on or before it', () => {
    expect(item({ crisisPlans: [{ date: '2026-03-15' }] }, 'crisis_plan').status).toBe('green');
    expect(item({ crisisPlans: [{ date: '2026-03-16' }] }, 'crisis_plan')).toEqual({
      status: 'red',
      reason: 'Overgangen 15.03.2026 (fra institusjon til egen bolig) har ingen kriseplan datert samme dag eller før.',
      warning: null,
    });
    expect(item({ crisisPlans: [] }, 'crisis_plan').status).toBe('red');
    expect(item({ transitions: [] }, 'crisis_plan')).toEqual({ status: 'not_applicable', reason: 'Ingen overganger de siste 12 månedene, og ingen planlagt.', warning: null });
  });

  it('crisis plan: a planned transition needs one too; transitions older than 12 months drop out', () => {
    const planned = { transitions: [{ date: '2026-05-10', kind: 'prison_release' as const }], crisisPlans: [] };
    expect(item(planned, 'crisis_plan').reason).toBe('Overgangen 10.05.2026 (løslatelse fra fengsel) har ingen kriseplan datert samme dag eller før. Lag kriseplanen før overgangen.');
    expect(item({ ...planned, crisisPlans: [{ date: '2026-04-15' }] }, 'crisis_plan').status).toBe('green');
    // A crisis plan dated in the future does not exist yet.
    expect(item({ ...planned, crisisPlans: [{ date: '2026-05-01' }] }, 'crisis_plan').status).toBe('red');
    expect(item({ transitions: [{ date: '2025-04-15' }], crisisPlans: [] }, 'crisis_plan').status).toBe('not_applicable');
    expect(item({ transitions: [{ date: '2025-04-16' }], crisisPlans: [] }, 'crisis_plan').status).toBe('red');
    const several = { transitions: [{ date: '2026-01-20' }, { date: '2026-03-15' }, { date: '2026-04-01' }], crisisPlans: [{ date: '2026-03-01' }] };
    expect(item(several, 'crisis_plan').reason).toBe('Overgangen 20.01.2026 har ingen kriseplan datert samme dag eller før.');
    expect(item({ ...several, crisisPlans: [{ date: '2026-01-01' }] }, 'crisis_plan').reason).toBe('Kriseplan finnes før alle 3 overgangene.');
    expect(item({ ...several, crisisPlans: [] }, 'crisis_plan').reason).toBe('Overgangen 20.01.2026 har ingen kriseplan datert samme dag eller før. Det gjelder 2 overganger til.');
  });

  it('quality of life: asked, not yet (red, with the deadline), missed, and not applicable for late arrivals', () => {
    expect(item({ qolAnswers: [{ date: '2026-03-01', value: 'declined' }] }, 'quality_of_life')).toMatchObject({ status: 'green', reason: 'Spurt 01.03.2026 (ønsket ikke å svare).' });
    expect(item({ qolAnswers: [] }, 'quality_of_life')).toEqual({ status: 'red', reason: 'Ikke spurt om livskvalitet ennå i år. Spør innen 31.05.2026.', warning: null });
    expect(item({ qolAnswers: [] }, 'quality_of_life', '2026-05-20').warning).toBe('Perioden for å spørre slutter 31.05.2026.');
    expect(item({ qolAnswers: [{ date: '2025-03-01', value: 6 }] }, 'quality_of_life', '2026-08-01')).toMatchObject({ status: 'red', reason: expect.stringContaining('Perioden januar–mai er over') });
    expect(item({ qolAnswers: [], registeredOn: '2026-06-10' }, 'quality_of_life', '2026-08-01')).toEqual({
      status: 'not_applicable',
      reason: 'Klienten kom til 10.06.2026, etter at perioden januar–mai var over. Spør i januar–mai 2027.',
      warning: null,
    });
    expect(item({ qolAnswers: [], registeredOn: '2026-05-31' }, 'quality_of_life', '2026-08-01').status).toBe('red');
    // Next year the late arrival is asked like everyone else.
    expect(item({ qolAnswers: [], registeredOn: '2026-06-10' }, 'quality_of_life', '2027-02-01').status).toBe('red');
  });

  it('feedback: a session in the last 3 months, unless no tool is enabled', () => {
    expect(item({ feedbackSessions: [{ date: '2026-01-15' }] }, 'feedback').status).toBe('green');
    expect(item({ feedbackSessions: [{ date: '2026-01-14' }] }, 'feedback')).toEqual({
      status: 'red',
      reason: 'Tilbakemeldingsverktøy er ikke brukt de siste 3 månedene (sist 14.01.2026).',
      warning: null,
    });
    expect(item({ feedbackSessions: [] }, 'feedback').reason).toBe('Tilbakemeldingsverktøy er ikke brukt de siste 3 månedene.');
    expect(item({ feedbackSessions: [] }, 'feedback', TODAY, { feedbackEnabled: false })).toMatchObject({ status: 'not_applicable' });
  });
});

describe('clientChecklist: a new client turns green step by step', () => {
  it('from a bare registration to complete', () => {
    const bare: ChecklistSnapshot = {
      registeredOn: TODAY,
      contactPersonId: null,
      consents: [],
      assessments: [],
      reviews: [],
      services: [],
      individualPlanOffers: [],
      crisisPlans: [],
      transitions: [],
      qolAnswers: [],
      feedbackSessions: [],
    };
    const steps: Partial<ChecklistSnapshot>[] = [
      { contactPersonId: 'user-1' },
      { consents: [{ ...CONSENT, validFrom: TODAY }] },
      { assessments: [{ date: TODAY }] },
      { qolAnswers: [{ date: TODAY, value: 4 }] },
      { feedbackSessions: [{ date: TODAY }] },
    ];
    let snapshot = bare;
    const reds = [clientChecklist(snapshot, TODAY).counts.red];
    for (const step of steps) {
      snapshot = { ...snapshot, ...step };
      reds.push(clientChecklist(snapshot, TODAY).counts.red);
    }
    expect(reds).toEqual([5, 4, 3, 2, 1, 0]);
  });
});

describe('clientChecklist: bad input', () => {
  it('marks every item red when today is not a date', () => {
    const result = clientChecklist(complete, '15.04.2026');
    expect(result.counts.red).toBe(8);
    expect(result.items[0]?.reason).toBe('Dagens dato mangler, så punktet kan ikke vurderes.');
  });

  it('never throws, whatever it is given, and always answers all eight items', () => {
    const dateish = fc.oneof(fc.constantFrom('2026-01-01', '2026-04-15', '2025-02-28', '2026-13-01'), fc.string());
    const loose = fc.record(
      {
        registeredOn: fc.oneof(dateish, fc.constant(null)),
        contactPersonId: fc.oneof(fc.string(), fc.constant(null), fc.anything()),
        consents: fc.array(fc.oneof(fc.record({ id: fc.string(), categories: fc.anything(), recipients: fc.anything(), validFrom: dateish, validUntil: dateish, withdrawnAt: fc.oneof(dateish, fc.constant(null)) }), fc.anything()), { maxLength: 3 }),
        assessments: fc.array(fc.record({ date: dateish }), { maxLength: 3 }),
        reviews: fc.oneof(fc.array(fc.record({ date: dateish }), { maxLength: 3 }), fc.anything()),
        services: fc.array(fc.record({ start: dateish, end: fc.oneof(dateish, fc.constant(null)) }), { maxLength: 4 }),
        longTermCoordinatedNeeds: fc.anything(),
        individualPlanOffers: fc.array(fc.record({ offeredOn: dateish, answer: fc.anything() }), { maxLength: 2 }),
        individualPlanActive: fc.anything(),
        coordinatorOffers: fc.anything(),
        coordinatorId: fc.anything(),
        crisisPlans: fc.array(fc.record({ date: dateish }), { maxLength: 3 }),
        transitions: fc.array(fc.record({ date: dateish, kind: fc.anything() }), { maxLength: 3 }),
        qolAnswers: fc.array(fc.record({ date: dateish, value: fc.anything() }), { maxLength: 3 }),
        feedbackSessions: fc.array(fc.record({ date: dateish }), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(loose, fc.anything()), dateish, fc.anything(), (snapshot, today, options) => {
        const result = clientChecklist(snapshot as ChecklistSnapshot, today, options as never);
        expect(result.items.map((i) => i.id)).toEqual([...CHECKLIST_ITEM_IDS]);
        for (const i of result.items) expect(i.reason.length).toBeGreaterThan(0);
        expect(result.counts.green + result.counts.red + result.counts.notApplicable).toBe(8);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checklistTotals', () => {
  it('counts per item over a unit’s clients', () => {
    const results = [
      clientChecklist(complete, TODAY),
      clientChecklist({ ...complete, contactPersonId: null, transitions: [] }, TODAY),
      clientChecklist({ ...complete, consents: [{ ...CONSENT, validUntil: '2026-04-20' }] }, TODAY),
    ];
    const totals = checklistTotals(results);
    expect(totals.clients).toBe(3);
    expect(totals.clientsAllGreen).toBe(2);
    expect(totals.items.contact_person).toEqual({ green: 2, red: 1, notApplicable: 0, warnings: 0 });
    expect(totals.items.crisis_plan).toEqual({ green: 2, red: 0, notApplicable: 1, warnings: 0 });
    expect(totals.items.consent).toEqual({ green: 3, red: 0, notApplicable: 0, warnings: 1 });
    expect(checklistTotals([])).toMatchObject({ clients: 0, clientsAllGreen: 0 });
    expect(checklistTotals(null as never).clients).toBe(0);
  });
});
