import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code, and never change once released.

/**
 * Partners of a measure (samarbeidspartnere) may be organisations in the tree — often other
 * agencies, so any unit, not only the plan owner's — besides the free text in plan_item.partners.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plan_item_partner (
      item_id uuid not null references plan_item (id) on delete cascade,
      unit_id uuid not null references org_unit (id),
      primary key (item_id, unit_id)
    )`.execute(db);
  await sql`create index plan_item_partner_unit on plan_item_partner (unit_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists plan_item_partner`.execute(db);
}
