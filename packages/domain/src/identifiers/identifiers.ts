/**
 * Identifiers of health professionals, structures and territories (DOMAIN.md §7.1, §8.1).
 *
 * Every validator is a format/check-digit test on the exact string: callers trim or upper-case
 * user input before asking (the validators never do it silently).
 */

const DIGITS = /^\d+$/;

/**
 * Luhn check over a string of digits: read right to left, double every second digit
 * (from index 1), subtract 9 when the double exceeds 9; valid iff the sum is a multiple of 10
 * (DOMAIN.md §8.1, ✅). Returns false for an empty string or any non-digit character.
 */
export function luhnValid(digits: string): boolean {
  if (!DIGITS.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/**
 * The Luhn check digit to append to `base` so that `base + key` passes {@link luhnValid}
 * (DOMAIN.md §8.1, ✅: FINESS base `75071218` → key `4`).
 * @throws RangeError when `base` is empty or not only digits — a programming error, not user input.
 */
export function luhnKey(base: string): number {
  if (!DIGITS.test(base)) throw new RangeError(`luhnKey expects a non-empty string of digits, got "${base}"`);
  return (10 - (luhnSum(base, true) % 10)) % 10;
}

/** Luhn sum; `keyPending` means the check digit is not in `digits` yet, so doubling starts at the last digit. */
function luhnSum(digits: string, keyPending: boolean): number {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - fromRight) - 48;
    const doubled = fromRight % 2 === (keyPending ? 0 : 1);
    const value = doubled ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return sum;
}

const RPPS_FORMAT = /^\d{11}$/;

/**
 * RPPS format only: 11 digits (DOMAIN.md §8.1, ✅ format). Use it where the Luhn key must stay a
 * warning (DOMAIN.md §10.1: "RPPS 11 digits + Luhn (warning only, 🟡)").
 */
export const isRppsFormat = (s: string): boolean => RPPS_FORMAT.test(s);

/**
 * RPPS: 11 digits and a Luhn key over the 11 digits (DOMAIN.md §8.1: ✅ format / 🟡 Luhn — no ANS
 * spec seen; real-looking numbers pass). Do not block users on a failed key alone: pair it with
 * {@link isRppsFormat} and show a warning when only the key fails.
 */
export const isValidRpps = (s: string): boolean => isRppsFormat(s) && luhnValid(s);

const FINESS_DIGITS = /^\d{9}$/;
const FINESS_CORSICA = /^2[AB]\d{7}$/;

/**
 * FINESS (EJ or ET): 9 characters = 2-character département + 6 digits + Luhn key; the Luhn is
 * verified on metropolitan numbers (DOMAIN.md §8.1, ✅ Luhn metro). For Corsica (`2A`/`2B` prefix)
 * the key algorithm is unknown (⚠️ "replace 2A/2B → 20? untested"), so only the format is checked there.
 */
export function isValidFiness(s: string): boolean {
  if (FINESS_CORSICA.test(s)) return true;
  return FINESS_DIGITS.test(s) && luhnValid(s);
}

/** SIREN: 9 digits with a Luhn key (DOMAIN.md §8.1, ✅). */
export const isValidSiren = (s: string): boolean => /^\d{9}$/.test(s) && luhnValid(s);

/** SIREN of La Poste, whose establishments do not follow the SIRET Luhn rule. */
const LA_POSTE_SIREN = "356000000";

/**
 * SIRET: 14 digits (SIREN + 5-digit NIC) with a Luhn key over the 14 digits (DOMAIN.md §8.1, ✅).
 * La Poste exception (§8.1): its establishments (SIREN 356000000) are numbered so that the sum of
 * the 14 digits is a multiple of 5 instead (INSEE rule; the head office also passes Luhn).
 */
export function isValidSiret(s: string): boolean {
  if (!/^\d{14}$/.test(s)) return false;
  if (luhnValid(s)) return true;
  return s.startsWith(LA_POSTE_SIREN) && digitSum(s) % 5 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/**
 * ADELI: format only — 9 characters starting with a 2-character département code (digits, or
 * `2A`/`2B`), then 7 digits. No check-digit rule is known and the inner structure is unconfirmed
 * (DOMAIN.md §8.1, ⚠️): never reject a professional on anything stronger than this.
 */
export const isValidAdeli = (s: string): boolean => /^(?:\d{2}|2[AB])\d{7}$/.test(s);

/**
 * Commune code (code INSEE / COG, not a postal code): 5 characters; Corsica `2A`/`2B` + 3 digits;
 * DROM communes start with `971`…`976` (DOMAIN.md §7.1, ✅). Format only: existence and type
 * (COM vs ARM arrondissement) need the COG reference data.
 */
export const isCommuneCode = (s: string): boolean => /^(\d{5}|2[AB]\d{3})$/.test(s);

/**
 * Département code: 2 characters in metropolitan France (incl. `2A`/`2B`, never `20`), 3 for the
 * DROM `971`–`974`, `976` (DOMAIN.md §7.1, ✅; 101 départements).
 */
export const isDepartementCode = (s: string): boolean => /^(0[1-9]|1\d|2[1-9]|2[AB]|[3-8]\d|9[0-5]|97[1-46])$/.test(s);
