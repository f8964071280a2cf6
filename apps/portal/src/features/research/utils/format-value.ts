/**
 * French formats of an answer's values by the measure's unit (Intl fr-FR: narrow no-break spaces, decimal comma,
 * « € » after the amount). Units come from the API (`ResearchAggregate.unit`, `ResearchMeasureInfo.unit`).
 */
const eur = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const eurCents = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const share = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("fr-FR", { notation: "compact", maximumFractionDigits: 1 });
const epsilonFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 });

export type ValueKind = "EUR" | "EUR_PER_UNIT" | "SHARE" | "PERCENT_POINTS" | "COUNT" | "NUMBER";

/** « € » → euros; « € par patient » → euros with cents; « part des MSP » → a 0–1 share; « % » → points; counts. */
export function valueKindOf(unit: string): ValueKind {
  const u = unit.trim().toLowerCase();
  if (u === "€" || u === "eur" || u === "euros") return "EUR";
  if (u.startsWith("€") || u.startsWith("eur")) return "EUR_PER_UNIT";
  if (u.startsWith("part")) return "SHARE";
  if (u === "%") return "PERCENT_POINTS";
  if (u === "msp" || u.startsWith("patient") || u.startsWith("msp")) return "COUNT";
  return "NUMBER";
}

export function formatValue(value: number, unit: string): string {
  switch (valueKindOf(unit)) {
    case "EUR":
      return eur.format(value);
    case "EUR_PER_UNIT":
      return eurCents.format(value);
    case "SHARE":
      return share.format(value);
    case "PERCENT_POINTS":
      return `${decimal.format(value)} %`;
    case "COUNT":
      return count.format(value);
    case "NUMBER":
      return decimal.format(value);
  }
}

/** Axis ticks: 1 250 000 → « 1,3 M »; shares as percentages. */
export function formatAxisValue(value: number, unit: string): string {
  const kind = valueKindOf(unit);
  if (kind === "SHARE") return share.format(value);
  return compact.format(value);
}

/** ε of differential privacy: 0.5 → « 0,5 ». */
export const formatEpsilon = (value: number): string => epsilonFormat.format(value);

/** A label inside a sentence: « Taille de la MSP » → « taille de la MSP » (acronyms and the rest kept as written). */
export function inSentence(label: string): string {
  const [first = "", second = ""] = label;
  return second === second.toUpperCase() && /[A-Z]/i.test(second) ? label : first.toLowerCase() + label.slice(1);
}
