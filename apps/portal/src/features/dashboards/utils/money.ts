/** French formats of the dashboard's amounts (Intl fr-FR: narrow no-break spaces, decimal comma, « € » after). */
const eur = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const eurCents = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("fr-FR", { notation: "compact", maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const share = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

const DASH = "—";

/** 1234567.8 → « 1 234 568 € »; null → « — ». */
export const formatEur = (n: number | null | undefined): string => (n === null || n === undefined ? DASH : eur.format(n));
/** Per-patient amounts: 18.375 → « 18,38 € ». */
export const formatEurPerPatient = (n: number | null | undefined): string => (n === null || n === undefined ? DASH : eurCents.format(n));
/** Axis ticks: 1 250 000 → « 1,3 M ». */
export const formatCompact = (n: number): string => compact.format(n);
/** 1.0834 → « 1,08 ». */
export const formatRatio = (n: number | null | undefined): string => (n === null || n === undefined ? DASH : ratio.format(n));
/** 0.4567 → « 45,7 % ». */
export const formatShare = (n: number): string => share.format(n);
