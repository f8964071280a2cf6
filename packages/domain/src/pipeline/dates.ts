/**
 * Calendar helpers of the pipeline (internal to `src/pipeline/`, not re-exported).
 *
 * Every calendar date of the pipeline is a UTC date: a `yyyy-mm-dd` string read as midnight UTC, and
 * deadlines as the last millisecond of their UTC day. Europe/Paris is deliberately not modelled
 * (the brief: "keep it simple: UTC end of day"); the only place where the user's time zone matters
 * ("not after today") is tolerant, see {@link latestTodayIso}.
 */

export const DAY_MS = 86_400_000;

/** Lowest year accepted in a user-entered date (sanity bound; no MSP record predates it). */
export const MIN_DATE_YEAR = 1900;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a calendar date written `yyyy-mm-dd` (ISO 8601, no time, no offset) to midnight UTC.
 * `null` for any other shape, an impossible date (2026-02-30) or a year before {@link MIN_DATE_YEAR}.
 */
export function parseIsoDate(s: string): Date | null {
  const match = ISO_DATE.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_DATE_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month - 1)) return null;
  return new Date(Date.UTC(year, month - 1, day));
}

/** `yyyy-mm-dd` of the UTC day of `d`. */
export function formatIsoDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** `dd/mm/yyyy` of the UTC day of `d` (the French short date used in messages). */
export function formatFrenchDate(d: Date): string {
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${String(d.getUTCFullYear()).padStart(4, "0")}`;
}

/** Midnight UTC of the day of `d`. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Last millisecond (23:59:59.999 UTC) of the day of `d`. */
export function endOfUtcDay(d: Date): Date {
  return new Date(startOfUtcDay(d).getTime() + DAY_MS - 1);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/**
 * Calendar month arithmetic on the UTC day of `d` (time of day kept): the day of month is kept, or
 * clamped to the last day of the target month (31 Aug + 6 months = 28/29 Feb; 29 Feb + 12 months = 28 Feb).
 */
export function addUtcMonths(d: Date, months: number): Date {
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  const result = new Date(d.getTime());
  result.setUTCFullYear(year, month, day);
  return result;
}

export const addUtcYears = (d: Date, years: number): Date => addUtcMonths(d, years * 12);

/** Largest time-zone offset in use (UTC+14, Line Islands); no French territory is ahead of it. */
const MAX_UTC_OFFSET_MS = 14 * 3_600_000;

/**
 * The latest calendar date that is "today" somewhere at instant `now` (the UTC date of now + 14 h).
 * "Not after today" checks compare with it, so a user is never told that their own today is in
 * the future, whatever their time zone (metropole UTC+1/+2, La Réunion UTC+4, Antilles UTC−4…).
 * Cost: up to one day of tolerance in metropolitan France.
 */
export function latestTodayIso(now: Date): string {
  return formatIsoDate(new Date(now.getTime() + MAX_UTC_OFFSET_MS));
}

/** Whole days elapsed from `from` to `to` (floored; negative when `to` is before `from`). */
export function elapsedDays(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
