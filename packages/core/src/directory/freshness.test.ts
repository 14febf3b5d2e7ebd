import { describe, expect, it } from 'vitest';
import { addMonths, isStale } from './freshness.js';

describe('freshness', () => {
  it('adds and subtracts months, clamping the day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-23', -6)).toBe('2026-05-23');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('is stale from the day after the months have passed, and when never verified', () => {
    expect(isStale('2025-11-23', '2026-11-23')).toBe(false);
    expect(isStale('2025-11-23', '2026-11-24')).toBe(true);
    expect(isStale('2026-05-23', '2026-11-23', 6)).toBe(false);
    expect(isStale('2026-05-22', '2026-11-23', 6)).toBe(true);
    expect(isStale(null, '2026-11-23')).toBe(true);
    expect(isStale('ikke en dato', '2026-11-23')).toBe(true);
  });
});
