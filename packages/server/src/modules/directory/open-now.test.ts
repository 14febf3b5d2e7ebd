import { isOpenAt, validateOpeningHours, type OpeningHours } from '@rusfag/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildDirOrganization, buildDirService, buildOrgTree } from '../../test/factories.js';
import { describeEachEngine } from '../../test/harness.js';
import { openNowCondition } from './public-repository.js';
import { scheduleRows } from './repository.js';
import { writePublicSnapshot } from './public-service.js';

/**
 * "Open now" is decided twice: in SQL (the search filter, over thousands of services) and in core
 * (isOpenAt, for the badge on each hit and the service page). They must never disagree.
 */

const time = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const day = (offset: number) => new Date(Date.UTC(2026, 11, 14 + offset)).toISOString().slice(0, 10); // from Monday 14.12.2026
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** At most one interval a day (so they never overlap) on a 30-minute grid, sometimes past midnight. */
const weeklyRules = fc
  .array(fc.option(fc.record({ opens: fc.integer({ min: 0, max: 46 }), length: fc.integer({ min: 1, max: 30 }) }), { nil: null }), { minLength: 7, maxLength: 7 })
  .map((days) => days.flatMap((d, index) => (d ? [{ weekday: index + 1, ...d }] : [])));
const exceptions = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 20 }), days: fc.integer({ min: 0, max: 3 }), closed: fc.boolean(), opens: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 20 }) }),
  { maxLength: 2 },
);

function hoursOf(rules: { weekday: number; opens: number; length: number }[], ex: { start: number; days: number; closed: boolean; opens: number; length: number }[]): OpeningHours {
  return {
    weekly: rules.map((r) => {
      const opens = r.opens * 30;
      const closes = (opens + r.length * 30) % 1440 || 1440;
      return { weekday: r.weekday, opensAt: time(opens), closesAt: closes === 1440 ? '24:00' : time(closes) };
    }),
    exceptions: ex.map((e) => ({
      from: day(e.start),
      to: day(e.start + e.days),
      closed: e.closed,
      ...(e.closed ? {} : { opensAt: time(e.opens * 30), closesAt: time(Math.min(e.opens * 30 + e.length * 30, 1440)) }),
      reason: 'Unntak',
    })),
  };
}

/** Moments at, just before and between the 30-minute boundaries where hours open and close. */
const boundaryMinute = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 47 }).map((k) => k * 30),
  fc.integer({ min: 1, max: 48 }).map((k) => k * 30 - 1),
);

describeEachEngine('open now: SQL and core agree', (get) => {
  it('for random opening hours, exceptions and moments', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const service = await buildDirService(h.db, await buildDirOrganization(h.db, tree.agency));
    await h.db.updateTable('dir_service').set({ publication_state: 'published', published_at: new Date() }).where('id', '=', service.id).execute();
    await writePublicSnapshot(h.db, service.id, new Date());
    let checked = 0;

    await fc.assert(
      fc.asyncProperty(weeklyRules, exceptions, fc.array(fc.record({ day: fc.integer({ min: 0, max: 24 }), minute: boundaryMinute, pick: fc.nat(), edge: fc.constantFrom(-1, 0, 1), useEdge: fc.boolean() }), { minLength: 1, maxLength: 8 }), async (rules, ex, moments) => {
        const hours = hoursOf(rules, ex);
        fc.pre(validateOpeningHours(hours).length === 0);
        await h.db.deleteFrom('dir_public_schedule').where('service_id', '=', service.id).execute();
        const rows = scheduleRows(hours).map(({ reason: _reason, ...row }) => ({ service_id: service.id, ...row }));
        if (rows.length) await h.db.insertInto('dir_public_schedule').values(rows).execute();
        const edges = [...hours.weekly, ...hours.exceptions].flatMap((x) => [x.opensAt, x.closesAt]).filter((t): t is string => typeof t === 'string');
        for (const moment of moments) {
          // Half the moments sit on an opening or closing time (or a minute either side): where mistakes hide.
          if (moment.useEdge && edges.length) {
            const [hh, mm] = edges[moment.pick % edges.length]!.split(':').map(Number);
            moment.minute = Math.min(1439, Math.max(0, hh! * 60 + mm! + moment.edge));
          }
          const date = day(moment.day);
          const previousDate = day(moment.day - 1);
          const weekday = weekdayOf(date);
          const at = { date, weekday, minute: moment.minute, previousDate, previousWeekday: weekday === 1 ? 7 : weekday - 1 };
          const result = await sql<{ open: boolean }>`
            select exists (select 1 from dir_public_service s where s.service_id = ${service.id} and ${openNowCondition(at)}) as open`.execute(h.db);
          expect({ hours, date, minute: moment.minute, open: result.rows[0]!.open }).toEqual({ hours, date, minute: moment.minute, open: isOpenAt(hours, { date, minute: moment.minute }) });
          checked++;
        }
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
