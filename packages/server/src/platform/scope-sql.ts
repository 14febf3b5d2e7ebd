import { sql, type Expression, type SqlBool } from 'kysely';
import type { ListScope } from './policy.js';

/**
 * The SQL form of a list scope: a condition on a unit-path column. Repositories put it in their
 * WHERE clause so that a list never holds a row the actor may not see.
 */
export function pathInScope(pathColumn: Expression<string>, scope: ListScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'subtrees':
      return sql<SqlBool>`(${sql.join(
        scope.paths.map((path) => sql`${pathColumn} like ${`${escapeLike(path)}%`}`),
        sql` or `,
      )})`;
    case 'related':
      // Inside a granted subtree, or one of the units above the granted unit.
      return sql<SqlBool>`(${sql.join(
        scope.paths.map((path) => sql`(${pathColumn} like ${`${escapeLike(path)}%`} or ${path} like ${pathColumn} || '%')`),
        sql` or `,
      )})`;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}
