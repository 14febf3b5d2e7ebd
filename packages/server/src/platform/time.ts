// One formatter for the process: toLocaleDateString builds a new one per call (~200 µs, the largest
// cost of a directory search page with 20 hits; bench/README.md).
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

/** Today's date in Oslo as 'YYYY-MM-DD' (what "i dag" means to the people using Rusfag). */
export function todayInOslo(now: Date = new Date()): string {
  return OSLO_DATE.format(now);
}
