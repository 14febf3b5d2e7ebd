/**
 * Dates are shown Norwegian style (23.11.2026) and times on the Oslo clock, in both languages:
 * the staff work in Oslo, and a time that shifts with the browser's zone would mislead.
 */
const TIME_ZONE = 'Europe/Oslo';

const dateParts = new Intl.DateTimeFormat('nb-NO', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const result: Record<string, string> = {};
  for (const part of dateParts.formatToParts(date)) result[part.type] = part.value;
  return result;
}

/** 23.11.2026 */
export function formatDate(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}.${p.month}.${p.year}` : '';
}

/** 14:05 */
export function formatTime(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.hour}:${p.minute}` : '';
}

/** 23.11.2026 14:05 */
export function formatDateTime(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : '';
}

/** 23.11.2026 14:05:09 – the audit log needs the seconds. */
export function formatDateTimeSeconds(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}:${p.second}` : '';
}

/** Machine-readable value for <time dateTime>. */
export function isoDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A calendar day ('2026-11-23') as 23.11.2026; read as written, never shifted by a time zone. */
export function formatDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** Today on the Oslo clock ('2026-11-23'), optionally corrected by the server's clock offset. */
export function todayInOslo(offsetMs = 0): string {
  const p = parts(new Date(Date.now() + offsetMs));
  return p ? `${p.year}-${p.month}-${p.day}` : new Date().toISOString().slice(0, 10);
}
