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
