import { VERIFY_STALE_MONTHS } from './model.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' plus (or minus) whole months, the day clamped to the month's last day (31.1 + 1 = 28.2). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index - year * 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * Not verified for `months` months by `today` (Oslo date): the one rule behind the editors'
 * queue (6 months), the public mark (12 months) and every page that shows them.
 */
export function isStale(lastVerifiedOn: string | null, today: string, months: number = VERIFY_STALE_MONTHS): boolean {
  if (!lastVerifiedOn || !/^\d{4}-\d{2}-\d{2}$/.test(lastVerifiedOn)) return true;
  return addMonths(lastVerifiedOn, months) < today;
}
