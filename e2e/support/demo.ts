import { demoOrganization, type DemoUnit } from '../../packages/server/src/demo/organizations.js';
import { demoUsers, type DemoUser } from '../../packages/server/src/demo/users.js';

export function demoUser(username: string): DemoUser {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`Ingen demobruker heter ${username}`);
  return user;
}

function findUnit(unit: DemoUnit, key: string): DemoUnit | undefined {
  if (unit.key === key) return unit;
  for (const child of unit.children ?? []) {
    const found = findUnit(child, key);
    if (found) return found;
  }
  return undefined;
}

/** The name of a demo user's home unit, as the seed stores it. */
export function homeUnitName(username: string): string {
  const key = demoUser(username).home;
  const unit = findUnit(demoOrganization, key);
  if (!unit) throw new Error(`Fant ikke demoenheten ${key}`);
  return unit.name;
}
