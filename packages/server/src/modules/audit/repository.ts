import { sql } from 'kysely';
import type { AuditSearchQuery } from '@rusfag/core';
import type { DbOrTrx } from '../../platform/context.js';
import type { ListScope } from '../../platform/policy.js';
import { pathInScope } from '../../platform/scope-sql.js';

/** A date without a time means the whole day in Oslo: 'to' includes that day. */
function bound(value: string, end: boolean) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return end
      ? sql`((${value}::date + 1)::timestamp at time zone 'Europe/Oslo')`
      : sql`(${value}::date::timestamp at time zone 'Europe/Oslo')`;
  }
  return sql`${value}::timestamptz`;
}

/** A scope at the root of the organisation tree ('/<root id>/') covers the whole city. */
function coversCity(scope: ListScope): boolean {
  return scope.kind === 'all' || (scope.kind === 'subtrees' && scope.paths.some((p) => /^\/[^/]+\/$/.test(p)));
}

export async function searchEvents(db: DbOrTrx, scope: ListScope, filter: AuditSearchQuery) {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .leftJoin('org_unit as home', 'home.id', 'u.home_unit_id');
  // Events without a known actor (failed logins on unknown names) are visible only city-wide.
  if (!coversCity(scope)) query = query.where(pathInScope(sql.ref('home.path'), scope));
  if (filter.from) query = query.where(sql<boolean>`e.occurred_at >= ${bound(filter.from, false)}`);
  if (filter.to) query = query.where(sql<boolean>`e.occurred_at < ${bound(filter.to, true)}`);
  if (filter.actor) {
    const actor = filter.actor.toLowerCase();
    query = query.where((eb) => eb.or([eb('u.username', '=', actor), eb(sql`e.actor_user_id::text`, '=', actor)]));
  }
  if (filter.action) {
    const action = filter.action;
    query = query.where((eb) => eb.or([eb('e.action', '=', action), eb('e.action', 'like', `${action.replace(/[\\%_]/g, '\\$&')}.%`)]));
  }
  if (filter.resourceType) query = query.where('e.resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('e.resource_id', '=', filter.resourceId);
  if (filter.clientId) query = query.where('e.client_id', '=', filter.clientId);
  if (filter.outcome) query = query.where('e.outcome', '=', filter.outcome);
  const [rows, count] = await Promise.all([
    query
      .select([
        'e.id',
        'e.occurred_at',
        'e.actor_user_id',
        'u.username as actor_username',
        'e.action',
        'e.resource_type',
        'e.resource_id',
        'e.client_id',
        'e.basis',
        'e.reason',
        'e.request_id',
        'e.ip',
        'e.outcome',
        'e.details',
      ])
      .orderBy('e.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/**
 * Recomputes every event's hash and checks each link to its predecessor and that ids have no
 * gaps. Returns the number of events and the first one that does not match, if any.
 */
export async function verifyChain(db: DbOrTrx): Promise<{ checked: number; firstBrokenId: number | null; headHash: string | null }> {
  const result = await sql<{ checked: number; first_broken_id: number | null; head_hash: string | null }>`
    with chain as (
      select a.id, a.hash, a.prev_hash, audit_event_hash(a) as computed,
        lag(a.hash) over (order by a.id) as previous_hash,
        lag(a.id) over (order by a.id) as previous_id
      from audit_event a
    )
    select count(*)::int as checked,
      min(id) filter (where computed <> hash
        or prev_hash <> coalesce(previous_hash, repeat('0', 64))
        or id <> coalesce(previous_id, 0) + 1) as first_broken_id,
      (select hash from audit_event order by id desc limit 1) as head_hash
    from chain
  `.execute(db);
  const row = result.rows[0]!;
  return { checked: row.checked, firstBrokenId: row.first_broken_id, headHash: row.head_hash };
}
