/** French formats of the simulator's figures (amounts in euros, coefficients, shares). */

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const eurosPrecise = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedEuros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0, signDisplay: "exceptZero" });
const signedPercent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const coefficient = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 3 });

/** 12127.5 → « 12 128 € ». */
export const formatEuros = (value: number): string => euros.format(value);
/** 115.5 → « 115,50 € ». */
export const formatEurosPrecise = (value: number): string => eurosPrecise.format(value);
/** 2000 → « +2 000 € », −7872.5 → « −7 873 € ». */
export const formatSignedEuros = (value: number): string => signedEuros.format(value);
/** 0.2 → « +20 % ». */
export const formatSignedPercent = (ratio: number): string => signedPercent.format(ratio);
/** 0.125 → « 12,5 % ». */
export const formatShare = (ratio: number): string => percent.format(ratio);
/** 1.155 → « 1,155 »; 2 → « 2,00 ». */
export const formatCoefficient = (value: number): string => coefficient.format(value);

/**
 * A number typed the French way: « 250 000 », « 250000,50 », « 1 520,5 » (spaces, no-break spaces and a decimal
 * comma or point). Null for anything else (empty included).
 */
export function parseDecimal(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** A whole number of patients (« 1 250 »); null otherwise. */
export function parseCount(text: string): number | null {
  const value = parseDecimal(text);
  return value !== null && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
