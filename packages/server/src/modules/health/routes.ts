import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http.js';
import { migrations } from '../../db/migrations/index.js';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.literal('ready'), engine: z.enum(['pglite', 'postgres']), migrations: z.number().int() });

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    summary: 'Prosessen lever (uten databasekall)',
    access: { kind: 'public' },
    response: Health,
    handler: async () => ({ status: 'ok' as const }),
  }),
  defineRoute({
    method: 'GET',
    url: '/readyz',
    summary: 'Klar til å ta imot trafikk: databasen svarer og er migrert',
    access: { kind: 'public' },
    response: Ready,
    handler: async (_input, ctx) => {
      try {
        const result = await sql<{ applied: number }>`select count(*)::int as applied from schema_migration`.execute(ctx.db);
        const applied = result.rows[0]?.applied ?? 0;
        if (applied < Object.keys(migrations).length) throw new Error('not migrated');
        return { status: 'ready' as const, engine: ctx.database.engine, migrations: applied };
      } catch {
        throw new AppError(503, 'service_unavailable');
      }
    },
  }),
];
