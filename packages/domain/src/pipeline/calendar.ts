/**
 * The yearly ACI calendar (DOMAIN.md §2.5): what is due, and when, for the remuneration of year N.
 * Deadlines are the end of their day in UTC (23:59:59.999Z) — Europe/Paris is not modelled.
 */

export type AciCalendar = { advanceDue: Date; evidenceDue: Date; balanceDue: Date };

/** Months after the signature within which a new adherent's first advance is paid (DOMAIN.md §2.5, ✅). */
export const NEW_ADHERENT_ADVANCE_MONTHS = 3;

const endOfDay = (year: number, monthIndex: number, day: number): Date =>
  new Date(Date.UTC(year, monthIndex, day, 23, 59, 59, 999));

/**
 * The ACI deadlines of year `year` (DOMAIN.md §2.5, calendar year ✅):
 * - advance (avance, 60 %) paid by 30 April N (✅; a new adherent's first advance comes within
 *   3 months of the signature instead, ✅ — see alerts);
 * - evidence (justificatifs) sent to the CPAM by 31 January N+1 (🟡, deadline quoted for one campaign);
 * - balance (solde) paid by 30 April N+1 (✅).
 * @throws RangeError when `year` is not an integer between 1970 and 9998 (a programming error).
 */
export function aciCalendar(year: number): AciCalendar {
  if (!Number.isInteger(year) || year < 1970 || year > 9998) {
    throw new RangeError(`aciCalendar expects an integer year between 1970 and 9998, got ${year}`);
  }
  return {
    advanceDue: endOfDay(year, 3, 30),
    evidenceDue: endOfDay(year + 1, 0, 31),
    balanceDue: endOfDay(year + 1, 3, 30),
  };
}
