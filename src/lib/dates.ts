// Calendar days are "YYYY-MM-DD" strings in the shop's local time zone.

export type Day = string;

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar day of an instant. */
export function toDay(at: Date): Day {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function today(): Day {
  return toDay(new Date());
}

/** True for a real calendar day written as YYYY-MM-DD, from 1900 on. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  // a year like 0026 is a typo, and Date.UTC reads years 0-99 as 1900-1999
  if (y! < 1900) return false;
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** Adds whole months, clamping to the month's last day (Jan 31 + 1 = Feb 28). */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = day.split("-").map(Number);
  const first = new Date(Date.UTC(y!, m! - 1 + months, 1));
  const last = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const date = Math.min(d!, last);
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(date)}`;
}

export function addDays(day: Day, days: number): Day {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}
