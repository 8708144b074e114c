/** Calendar helpers on ISO dates (UTC, no clock). */
const MS_PER_DAY = 86_400_000;

export function parseIsoDate(s: string): number {
  return Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
}

/** Whole days from `start` to `date` (negative when `date` is earlier). */
export function daysBetween(start: string, date: string): number {
  return Math.round((parseIsoDate(date) - parseIsoDate(start)) / MS_PER_DAY);
}

export function addDays(start: string, days: number): string {
  return new Date(parseIsoDate(start) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
