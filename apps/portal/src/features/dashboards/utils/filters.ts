import type { MspSizeBand, Programme, ResultsDashboardFilter } from "../../../gql/graphql";

export const PROGRAMMES: readonly Programme[] = ["ACI", "PEPS", "IPEP"];
export const SIZE_BANDS: readonly MspSizeBand[] = ["LT_4000", "FROM_4000_TO_7999", "FROM_8000_TO_11999", "GE_12000"];
export const SIZE_BAND_LABELS: Readonly<Record<MspSizeBand, string>> = {
  LT_4000: "Moins de 4 000 patients",
  FROM_4000_TO_7999: "4 000 à 7 999 patients",
  FROM_8000_TO_11999: "8 000 à 11 999 patients",
  GE_12000: "12 000 patients et plus",
};
export const PROGRAMME_LABELS: Readonly<Record<Programme, string>> = { ACI: "ACI", PEPS: "PEPS", IPEP: "IPEP" };

export type DashboardFilters = { years: number[]; programmes: Programme[]; departements: string[]; sizeBands: MspSizeBand[] };

const list = (params: URLSearchParams, name: string): string[] =>
  params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);

/** The filters kept in the URL (`?annees=2024,2025&programmes=ACI&departements=33&tailles=LT_4000`); unknown values are dropped. */
export function filtersFromSearch(params: URLSearchParams): DashboardFilters {
  return {
    years: [...new Set(list(params, "annees").filter((y) => /^\d{4}$/.test(y)).map(Number))].sort((a, b) => a - b),
    programmes: PROGRAMMES.filter((p) => list(params, "programmes").includes(p)),
    departements: [...new Set(list(params, "departements").filter((d) => /^[0-9AB]{2,3}$/i.test(d)).map((d) => d.toUpperCase()))].sort(),
    sizeBands: SIZE_BANDS.filter((b) => list(params, "tailles").includes(b)),
  };
}

export function searchFromFilters(f: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.years.length) params.set("annees", f.years.join(","));
  if (f.programmes.length) params.set("programmes", f.programmes.join(","));
  if (f.departements.length) params.set("departements", f.departements.join(","));
  if (f.sizeBands.length) params.set("tailles", f.sizeBands.join(","));
  return params;
}

/** The GraphQL filter: empty lists are left out (= all). */
export function toDashboardFilter(f: DashboardFilters): ResultsDashboardFilter {
  return {
    ...(f.years.length ? { years: f.years } : {}),
    ...(f.programmes.length ? { programmes: f.programmes } : {}),
    ...(f.departements.length ? { departements: f.departements } : {}),
    ...(f.sizeBands.length ? { sizeBands: f.sizeBands } : {}),
  };
}

export const hasFilters = (f: DashboardFilters): boolean => f.years.length + f.programmes.length + f.departements.length + f.sizeBands.length > 0;

export const EXPORT_TABLE_SLUGS = ["by-year", "by-departement", "by-size-band", "by-experiment", "peps-vs-fee-for-service", "peps-points", "aci-indicators"] as const;
export type ExportTableSlug = (typeof EXPORT_TABLE_SLUGS)[number];

/** The API's export route for a table with the same filters (GET, session cookie). */
export function exportUrl(table: ExportTableSlug, format: "csv" | "xlsx", f: DashboardFilters): string {
  const params = new URLSearchParams();
  if (f.years.length) params.set("years", f.years.join(","));
  if (f.programmes.length) params.set("programmes", f.programmes.join(","));
  if (f.departements.length) params.set("departements", f.departements.join(","));
  if (f.sizeBands.length) params.set("sizeBands", f.sizeBands.join(","));
  const query = params.toString();
  return `/exports/results-dashboard/${table}.${format}${query ? `?${query}` : ""}`;
}
