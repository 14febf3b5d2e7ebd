import { randomUUID } from 'node:crypto';
import { ALL_ACTIONS, type Action, type Role } from '@rusfag/core';
import { describe, expect, it } from 'vitest';
import { modules } from '../app.js';
import { AppError } from './errors.js';
import { AccessDenied, PolicyEngine, type Actor, type Rule } from './policy.js';

/**
 * The policy engine with hand-made rules and actors. Unit paths are built as the database builds
 * them: '/<uuid>/' per level from the root, so a subtree is a prefix ending in '/'.
 */

const rules = {
  'user.list': { roles: ['admin'], scope: 'subtree' },
  'user.read': { roles: ['admin', 'unit_leader'], scope: 'subtree' },
  'audit.search': { roles: ['privacy_officer'], scope: 'subtree' },
  'audit.verify': { roles: ['admin', 'privacy_officer'], scope: 'global' },
  'organization.read': { roles: 'authenticated', scope: 'global' },
  'self.read': { roles: 'authenticated', scope: 'subtree' },
} as const satisfies Partial<Record<Action, Rule>>;
const engine = new PolicyEngine([rules]);
const WITHOUT_RULE: Action = 'user.create';

const child = (parent: string) => `${parent}${randomUUID()}/`;
const city = child('/');
const districtA = child(city);
const unitA = child(districtA);
const teamA = child(unitA);
const districtB = child(city);
const unitB = child(districtB);

function actor(...grants: [Role, string][]): Actor {
  return {
    userId: randomUUID(),
    username: 'test.bruker',
    displayName: 'Test Bruker',
    homeUnitId: randomUUID(),
    sessionId: randomUUID(),
    grants: grants.map(([role, unitPath]) => ({ role, unitId: randomUUID(), unitPath, unitName: 'Enhet' })),
  };
}
const at = (...unitPaths: string[]) => ({ unitPaths });

function denial(fn: () => void): AccessDenied {
  try {
    fn();
  } catch (error) {
    if (error instanceof AccessDenied) return error;
    throw error;
  }
  throw new Error('expected an AccessDenied');
}

describe('PolicyEngine', () => {
  it('refuses a rule defined twice across module tables', () => {
    expect(() => new PolicyEngine([{ 'user.list': rules['user.list'] }, { 'user.list': rules['user.list'] }])).toThrow(/user\.list/);
  });

  it('denies an action without a rule to everyone, everywhere', () => {
    const admin = actor(['admin', city]);
    expect(engine.rule(WITHOUT_RULE)).toBeUndefined();
    expect(engine.canAtAll(admin, WITHOUT_RULE)).toBe(false);
    expect(engine.canAtAll(admin, WITHOUT_RULE)).toBe(false);
    expect(engine.can(admin, WITHOUT_RULE, at(unitA))).toBe(false);
    expect(engine.listScope(admin, WITHOUT_RULE)).toEqual({ kind: 'none' });
    expect(engine.permitted(admin, [WITHOUT_RULE, 'user.list'], at(unitA))).toEqual(['user.list']);
    expect(engine.permissions(admin)).not.toContain(WITHOUT_RULE);
    expect(denial(() => engine.authorize(admin, WITHOUT_RULE, at(unitA))).statusCode).toBe(403);
  });

  it('denies everything but "authenticated" rules to an actor without roles', () => {
    const nobody = actor();
    expect(engine.permissions(nobody).sort()).toEqual(['organization.read', 'self.read']);
    expect(engine.can(nobody, 'user.list', at(unitA))).toBe(false);
    expect(engine.listScope(nobody, 'user.list')).toEqual({ kind: 'none' });
  });

  describe('authorize', () => {
    it('answers 403 when no role of the actor grants the action at all', () => {
      const caseworker = actor(['caseworker', unitA]);
      const error = denial(() => engine.authorize(caseworker, 'user.list', at(unitA)));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ statusCode: 403, code: 'forbidden', action: 'user.list' });
    });

    it('answers 404 when the action is granted, but not where the resource lies', () => {
      const admin = actor(['admin', districtA]);
      const error = denial(() => engine.authorize(admin, 'user.list', at(unitB)));
      expect(error).toMatchObject({ statusCode: 404, code: 'not_found', action: 'user.list' });
    });

    it('passes inside the subtree, and without a resource when the action is granted somewhere', () => {
      const admin = actor(['admin', districtA]);
      expect(() => engine.authorize(admin, 'user.list', at(unitA))).not.toThrow();
      expect(() => engine.authorize(admin, 'user.list', at(districtA))).not.toThrow();
      expect(() => engine.authorize(admin, 'user.list', 'list')).not.toThrow();
    });

    it('counts only grants of a role the rule names: a role elsewhere does not lend its place', () => {
      // Admin in district B and caseworker in unit A: admin rights do not follow to unit A.
      const mixed = actor(['admin', districtB], ['caseworker', unitA]);
      expect(engine.can(mixed, 'user.list', at(unitA))).toBe(false);
      expect(denial(() => engine.authorize(mixed, 'user.list', at(unitA))).statusCode).toBe(404);
      expect(engine.can(mixed, 'user.list', at(unitB))).toBe(true);
    });
  });

  describe('subtree matching', () => {
    it('matches the unit itself and everything below it, nothing above or beside it', () => {
      const admin = actor(['admin', districtA]);
      expect(engine.can(admin, 'user.read', at(districtA))).toBe(true);
      expect(engine.can(admin, 'user.read', at(unitA))).toBe(true);
      expect(engine.can(admin, 'user.read', at(teamA))).toBe(true);
      expect(engine.can(admin, 'user.read', at(city))).toBe(false);
      expect(engine.can(admin, 'user.read', at(districtB))).toBe(false);
      expect(engine.can(admin, 'user.read', at(unitB))).toBe(false);
    });

    it('matches whole path segments only, thanks to the trailing slash', () => {
      // Unit "ab" must not reach its sibling "abc", though one name starts with the other.
      const leader = actor(['unit_leader', '/root/ab/']);
      expect(engine.can(leader, 'user.read', at('/root/ab/'))).toBe(true);
      expect(engine.can(leader, 'user.read', at('/root/ab/c/'))).toBe(true);
      expect(engine.can(leader, 'user.read', at('/root/abc/'))).toBe(false);
      expect(engine.can(leader, 'user.read', at('/root/abc/ab/'))).toBe(false);
      expect(engine.listScope(actor(['unit_leader', '/root/ab/'], ['unit_leader', '/root/abc/']), 'user.read')).toEqual({
        kind: 'subtrees',
        paths: ['/root/ab/', '/root/abc/'],
      });
    });

    it('is satisfied when any one of several resource paths lies in the subtree', () => {
      const admin = actor(['admin', districtA]);
      expect(engine.can(admin, 'user.read', at(unitB, teamA))).toBe(true);
      expect(engine.can(admin, 'user.read', at(unitB, city))).toBe(false);
      expect(engine.can(admin, 'user.read', at())).toBe(false);
    });
  });

  describe('listScope', () => {
    it('collapses subtrees inside a wider one, and duplicates', () => {
      const admin = actor(['admin', unitA], ['admin', teamA], ['admin', districtA], ['admin', unitB], ['admin', unitB]);
      expect(engine.listScope(admin, 'user.list')).toEqual({ kind: 'subtrees', paths: [districtA, unitB] });
    });

    it('ignores grants of roles the rule does not name', () => {
      const mixed = actor(['admin', districtA], ['caseworker', districtB]);
      expect(engine.listScope(mixed, 'user.list')).toEqual({ kind: 'subtrees', paths: [districtA] });
      expect(engine.listScope(mixed, 'audit.search')).toEqual({ kind: 'none' });
    });

    it('answers all for a global rule, and for an "authenticated" one', () => {
      expect(engine.listScope(actor(['privacy_officer', unitB]), 'audit.verify')).toEqual({ kind: 'all' });
      expect(engine.listScope(actor(), 'organization.read')).toEqual({ kind: 'all' });
      expect(engine.listScope(actor(['caseworker', unitA]), 'audit.verify')).toEqual({ kind: 'none' });
    });
  });

  it('applies a global rule anywhere, but only for the roles it names', () => {
    const officer = actor(['privacy_officer', unitB]);
    expect(engine.can(officer, 'audit.verify', at(unitA))).toBe(true);
    expect(engine.can(officer, 'audit.verify', at(city))).toBe(true);
    expect(() => engine.authorize(officer, 'audit.verify', at(districtA))).not.toThrow();
    expect(denial(() => engine.authorize(actor(['caseworker', city]), 'audit.verify', at(unitA))).statusCode).toBe(403);
  });

  it('lets any actor do an "authenticated" action on any resource', () => {
    const nobody = actor();
    expect(engine.canAtAll(nobody, 'organization.read')).toBe(true);
    expect(engine.can(nobody, 'organization.read', at(unitB))).toBe(true);
    expect(engine.can(nobody, 'self.read', at(unitB))).toBe(true);
    expect(() => engine.authorize(nobody, 'self.read', at(city))).not.toThrow();
  });

  it('permitted() keeps the order of the asked actions and drops the refused ones', () => {
    const admin = actor(['admin', districtA]);
    const asked: Action[] = ['organization.read', 'user.list', WITHOUT_RULE, 'audit.search', 'user.read'];
    expect(engine.permitted(admin, asked, at(unitA))).toEqual(['organization.read', 'user.list', 'user.read']);
    expect(engine.permitted(admin, asked, at(unitB))).toEqual(['organization.read']);
  });

  it('permissions() lists every action the actor may do somewhere', () => {
    expect(engine.permissions(actor(['admin', unitA])).sort()).toEqual(['audit.verify', 'organization.read', 'self.read', 'user.list', 'user.read']);
    expect(engine.permissions(actor(['unit_leader', unitA])).sort()).toEqual(['organization.read', 'self.read', 'user.read']);
  });

  it('the module tables together give every action exactly one rule', () => {
    const app = new PolicyEngine(modules.map((m) => m.policy));
    for (const action of ALL_ACTIONS) expect(app.rule(action), action).toBeDefined();
  });
});
