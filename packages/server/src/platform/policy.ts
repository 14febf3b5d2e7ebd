import type { Action, Role } from '@rusfag/core';
import { AppError } from './errors.js';

/**
 * The central access policy. Each module states its rules as data (`modules/<name>/policy.ts`);
 * this engine is the only code that decides. Deny by default: an action without a rule, or an
 * actor without a matching role, is refused.
 *
 * - `roles`: which roles grant the action; 'authenticated' means any logged-in user (own data).
 * - `scope`: 'subtree' = only on resources inside the unit subtree where the role is held;
 *   'related' = also on resources of the units above it (a caseworker in a district's rusteam
 *   reads the district's plan: "everyone in the organisation reads");
 *   'global' = anywhere (e.g. reading the organisation tree).
 */
export interface Rule {
  readonly roles: readonly Role[] | 'authenticated';
  readonly scope: 'global' | 'subtree' | 'related';
}

export type PolicyTable<A extends Action = Action> = { readonly [K in A]: Rule };

/** A role held at a unit; `unitPath` is the unit's materialised path ('/root/district/unit/'). */
export interface RoleGrant {
  role: Role;
  unitId: string;
  unitPath: string;
  unitName: string;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  homeUnitId: string;
  sessionId: string;
  grants: readonly RoleGrant[];
}

/** Where a resource sits in the organisation tree: one or more unit paths (any match suffices). */
export interface ResourceScope {
  unitPaths: readonly string[];
}

/**
 * What a list query may return: everything, the given subtrees, the given subtrees and the units
 * above them ('related'), or nothing.
 */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'subtrees'; paths: string[] }
  | { kind: 'related'; paths: string[] }
  | { kind: 'none' };

/** Refusal carrying what was attempted, so the denial can be written to the audit log. */
export class AccessDenied extends AppError {
  constructor(
    statusCode: 403 | 404,
    readonly action: Action,
  ) {
    super(statusCode, statusCode === 403 ? 'forbidden' : 'not_found');
    this.name = 'AccessDenied';
  }
}

export class PolicyEngine {
  readonly #rules = new Map<Action, Rule>();

  constructor(tables: readonly Partial<Record<Action, Rule>>[]) {
    for (const table of tables) {
      for (const [action, rule] of Object.entries(table) as [Action, Rule][]) {
        if (this.#rules.has(action)) throw new Error(`Policy rule for ${action} is defined twice`);
        this.#rules.set(action, rule);
      }
    }
  }

  rule(action: Action): Rule | undefined {
    return this.#rules.get(action);
  }

  #grantsFor(actor: Actor, rule: Rule): readonly RoleGrant[] | 'any' {
    if (rule.roles === 'authenticated') return 'any';
    const roles = rule.roles;
    return actor.grants.filter((grant) => roles.includes(grant.role));
  }

  /** May the actor do this anywhere at all? (Route-level check, before any resource is loaded.) */
  canAtAll(actor: Actor, action: Action): boolean {
    const rule = this.#rules.get(action);
    if (!rule) return false;
    const grants = this.#grantsFor(actor, rule);
    return grants === 'any' || grants.length > 0;
  }

  /** May the actor do this to this resource? (Paths end in '/', so prefixes match whole units.) */
  can(actor: Actor, action: Action, resource: ResourceScope): boolean {
    const rule = this.#rules.get(action);
    if (!rule) return false;
    const grants = this.#grantsFor(actor, rule);
    if (grants === 'any') return true;
    if (grants.length === 0) return false;
    if (rule.scope === 'global') return true;
    const related = rule.scope === 'related';
    return grants.some((grant) =>
      resource.unitPaths.some((path) => path.startsWith(grant.unitPath) || (related && grant.unitPath.startsWith(path))),
    );
  }

  /**
   * Throws 403 when no role of the actor grants the action, 404 when the resource lies outside
   * every subtree where it is granted (so the answer does not reveal that the record exists).
   * `'list'` states that there is no single record: the caller narrows its query with
   * `listScope()`. There is no default, so a service cannot forget to name the record.
   */
  authorize(actor: Actor, action: Action, resource: ResourceScope | 'list'): void {
    if (!this.canAtAll(actor, action)) throw new AccessDenied(403, action);
    if (resource !== 'list' && !this.can(actor, action, resource)) throw new AccessDenied(404, action);
  }

  /** The SQL narrowing for list queries: repositories filter on `path like <p> || '%'`. */
  listScope(actor: Actor, action: Action): ListScope {
    const rule = this.#rules.get(action);
    if (!rule) return { kind: 'none' };
    const grants = this.#grantsFor(actor, rule);
    if (grants === 'any' || (rule.scope === 'global' && grants.length > 0)) return { kind: 'all' };
    if (grants.length === 0) return { kind: 'none' };
    const paths = [...new Set(grants.map((g) => g.unitPath))].sort((a, b) => a.length - b.length);
    if (rule.scope === 'related') return { kind: 'related', paths };
    // Drop subtrees already covered by a wider grant.
    const minimal = paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
    return { kind: 'subtrees', paths: minimal };
  }

  /** The subset of `actions` the actor may do on this resource: sent with every payload. */
  permitted<A extends Action>(actor: Actor, actions: readonly A[], resource: ResourceScope): A[] {
    return actions.filter((action) => this.can(actor, action, resource));
  }

  /** Every action the actor may do somewhere: the web app builds navigation from it. */
  permissions(actor: Actor): Action[] {
    return [...this.#rules.keys()].filter((action) => this.canAtAll(actor, action));
  }
}
