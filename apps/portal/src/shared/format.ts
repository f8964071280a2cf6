/** French formatting of dates and numbers. Dates are shown in the federation's time zone. */

const TIME_ZONE = "Europe/Paris";

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: TIME_ZONE,
});

/** Calendar days (`yyyy-mm-dd`) are not instants: format them as written, without a time-zone shift. */
const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

const relativeFormat = new Intl.RelativeTimeFormat("fr-FR", { numeric: "auto" });
const percentFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

const numberFormat = new Intl.NumberFormat("fr-FR");
const pluralRules = new Intl.PluralRules("fr-FR");

/** `2026-11-03T10:00:00Z` → « 3 novembre 2026 ». */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** `2026-11-03T10:00:00Z` → « 3 novembre 2026 à 11:00 ». */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** 1520 → « 1 520 » (narrow no-break space as the thousands separator). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** (152, "projet", "projets") → « 152 projets »; French uses the singular for 0 and 1. */
export function formatCount(count: number, singular: string, plural: string): string {
  const word = pluralRules.select(count) === "one" ? singular : plural;
  return `${formatNumber(count)} ${word}`;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-03-01` → « 1 mars 2026 »; anything else is returned as is. */
export function formatDay(isoDay: string): string {
  if (!ISO_DAY.test(isoDay)) return isoDay;
  const date = new Date(`${isoDay}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDay : dayFormat.format(date);
}

/** Today in the federation's time zone, as `yyyy-mm-dd` (the value of a date input). */
export function todayIsoDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(now);
}

/** Whole days elapsed since `iso` (0 on the same day or for a date in the future). */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS));
}

/** 0 → « aujourd’hui », 1 → « hier », 12 → « il y a 12 jours ». */
export function formatDaysAgo(days: number): string {
  return relativeFormat.format(-days, "day");
}

/** 0.45 → « 45 % ». */
export function formatPercent(ratio: number): string {
  return percentFormat.format(ratio);
}

/** 2_400_000 → « 2,3 Mo » (French units, 1 Mo = 1024 Ko). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${decimalFormat.format(bytes / (1024 * 1024))} Mo`;
  if (bytes >= 1024) return `${decimalFormat.format(bytes / 1024)} Ko`;
  return formatCount(bytes, "octet", "octets");
}
