/** Today's date in Oslo as 'YYYY-MM-DD' (what "i dag" means to the people using Rusfag). */
export function todayInOslo(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}
