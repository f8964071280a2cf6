/**
 * What a number field stores. The text typed is never lost: it becomes a number when it reads as one (French
 * « 1 234,5 » or « 1234.5 »), null when blank, and stays the text as typed otherwise — the validation then says
 * why (DOMAIN.md §0.1 ⚠️ user-entered values are checked, not silently dropped).
 */
export function numberFromText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const normalized = trimmed.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : text;
}

/** The text of a stored number (French decimal comma); a stored text is shown back as is. */
export function textFromNumber(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value).replace(".", ",");
  if (typeof value === "string") return value;
  return "";
}

/** A percentage typed (« 12,5 ») stored as a share (0.125); anything else as {@link numberFromText}. */
export function shareFromPercentText(text: string): number | string | null {
  const value = numberFromText(text);
  return typeof value === "number" ? Number((value / 100).toPrecision(12)) : value;
}

/** A stored share (0.125) shown as a percentage (« 12,5 »). */
export function percentTextFromShare(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return textFromNumber(Number((value * 100).toPrecision(12)));
  return textFromNumber(value);
}

const eurFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const eurRoundFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** 73500 → « 73 500,00 € » (amounts are computed unrounded; rounded for display only). */
export function formatEur(value: number): string {
  return eurFormat.format(value);
}

/** 73500.4 → « 73 500 € ». */
export function formatEurRounded(value: number): string {
  return eurRoundFormat.format(value);
}

/** 10500.256 → « 10 500,26 ». */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** 0.125 → « 12,5 % ». */
export function formatShare(value: number): string {
  return percentFormat.format(value);
}
