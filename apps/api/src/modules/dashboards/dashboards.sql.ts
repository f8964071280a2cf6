/**
 * The results dashboard in ONE SQL statement (issue "Results of running MSPs", items 7 and 12).
 *
 * Pure module (no Nest, no Prisma): the API runs it through Prisma, and the benchmark's raw-SQL server
 * (bench/src/servers/results-dashboard-raw-sql.mjs) runs the very same text through `pg`, from the built file.
 *
 * What it reads: only APPROVED result periods of one federation (the tenant scope, in the WHERE), and of each
 * only `outputs.summary` (`PeriodSummary` of @maillage/domain: patients, computedEur, perPatientEur, receivedEur,
 * feeForServiceEquivalentEur, indicators, illustrative), joined to the MSP project for its département.
 * Periods approved before their outputs were stored (no `summary`) are left out.
 *
 * Definitions (documented in docs/results.md, « Tableaux de bord »):
 * - an MSP-year's size is its ACI patientèle médecin traitant that year (the ACI reference population, DOMAIN.md
 *   §3.4 ✅), or, without an approved ACI period that year, the largest patient count of its other periods;
 *   its band follows `mspSizeBand` (< 4,000 | 4,000–7,999 | 8,000–11,999 | ≥ 12,000);
 * - an MSP-year's experiment is PEPS when it has an approved PEPS period that year (DOMAIN.md §4), else IPEP when it
 *   has an approved IPEP period (§5), else NONE — computed before the programme filter, so that "ACI of PEPS
 *   teams" stays right when only ACI is selected;
 * - amounts per patient: `perPatientEur` = Σ computed / Σ patients (weighted); median and quartiles are
 *   `percentile_cont` over the MSPs' own per-patient amounts;
 * - an ACI indicator is achieved when its summary value is > 0 (ACI summaries hold 0 when not achieved, else 1 or the level reached);
 * - `illustrative` is true when any counted figure was computed with illustrative reference data (the demo PEPS
 *   table, DOMAIN.md §4.4 ⚠️).
 *
 * Parameters: $1 federation id; $2..$5 JSON arrays (text) or NULL for "all": years, programmes, département
 * codes, size bands. Arrays travel as JSON text so that the statement behaves the same on PostgreSQL and PGlite
 * through every driver. Each table comes back as JSON text (one column per table), in a fixed order (texts sorted
 * by code point, COLLATE "C", whatever the server's locale).
 */

/** Lower bounds of the size bands, in `MSP_SIZE_BANDS` order (see `mspSizeBand` in @maillage/domain). */
export const SIZE_BAND_LOWER_BOUNDS = [
  ["LT_4000", 0],
  ["4000_7999", 4000],
  ["8000_11999", 8000],
  ["GE_12000", 12000],
] as const;

const bandCase = (expr: string): string => {
  const bands = [...SIZE_BAND_LOWER_BOUNDS];
  const last = bands.pop();
  const whens = bands.map(([band], i) => `WHEN ${expr} < ${bands[i + 1]?.[1] ?? last?.[1]} THEN '${band}'`).join(" ");
  return `CASE ${whens} ELSE '${last?.[0]}' END`;
};

const inJson = (param: string, expr: string, cast = ""): string =>
  `(${param}::jsonb IS NULL OR ${expr} IN (SELECT v${cast} FROM jsonb_array_elements_text(${param}::jsonb) AS e(v)))`;

export const RESULTS_DASHBOARD_SQL = `
WITH approved AS MATERIALIZED (
  SELECT rp."projectId" AS project_id, p.name AS project_name, rp.programme::text AS programme, rp.year,
         p."departementCode" AS departement_code,
         coalesce((s.v->>'patients')::float8, 0) AS patients,
         coalesce((s.v->>'computedEur')::float8, 0) AS computed_eur,
         (s.v->>'perPatientEur')::float8 AS per_patient_eur,
         (s.v->>'receivedEur')::float8 AS received_eur,
         (s.v->>'feeForServiceEquivalentEur')::float8 AS ffs_eur,
         coalesce((s.v->>'illustrative')::boolean, false) AS illustrative,
         CASE WHEN jsonb_typeof(s.v->'indicators') = 'object' THEN s.v->'indicators' ELSE '{}'::jsonb END AS indicators
    FROM "ResultPeriod" rp
    JOIN "MspProject" p ON p.id = rp."projectId" AND p."federationId" = rp."federationId"
    -- OFFSET 0 keeps the sub-select from being inlined: the (TOASTed) outputs are read once per row, not per field.
    CROSS JOIN LATERAL (SELECT rp.outputs->'summary' AS v OFFSET 0) s
   WHERE rp."federationId" = $1::uuid
     AND rp.status = 'APPROVED'
     AND jsonb_typeof(s.v) = 'object'
     AND ${inJson("$2", "rp.year", "::int")}
     AND ${inJson("$4", 'p."departementCode"')}
),
msp_year AS (
  -- Per MSP-year attributes as window aggregates: one pass over the rows, no self-join.
  SELECT a.*,
         coalesce(max(a.patients) FILTER (WHERE a.programme = 'ACI') OVER w, max(a.patients) OVER w) AS ref_patients,
         CASE WHEN bool_or(a.programme = 'PEPS') OVER w THEN 'PEPS' WHEN bool_or(a.programme = 'IPEP') OVER w THEN 'IPEP' ELSE 'NONE' END AS experiment
    FROM approved a
  WINDOW w AS (PARTITION BY a.project_id, a.year)
),
counted AS MATERIALIZED (
  SELECT m.*, ${bandCase("m.ref_patients")} AS size_band
    FROM msp_year m
   WHERE ${inJson("$3", "m.programme")}
     AND ${inJson("$5", bandCase("m.ref_patients"))}
),
totals AS (
  SELECT count(DISTINCT project_id)::int AS "mspCount", count(*)::int AS "periodCount",
         count(DISTINCT departement_code)::int AS "departementCount",
         coalesce(sum(computed_eur), 0)::float8 AS "computedEur", sum(received_eur)::float8 AS "receivedEur",
         coalesce(bool_or(illustrative), false) AS illustrative
    FROM counted
),
by_year AS (
  SELECT year, programme, count(*)::int AS "mspCount", sum(patients)::bigint AS patients,
         sum(computed_eur)::float8 AS "computedEur",
         CASE WHEN sum(patients) > 0 THEN sum(computed_eur) / sum(patients) END AS "perPatientEur",
         percentile_cont(0.25) WITHIN GROUP (ORDER BY per_patient_eur) AS "q1PerPatientEur",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY per_patient_eur) AS "medianPerPatientEur",
         percentile_cont(0.75) WITHIN GROUP (ORDER BY per_patient_eur) AS "q3PerPatientEur",
         sum(received_eur)::float8 AS "receivedEur", count(received_eur)::int AS "receivedCount"
    FROM counted
   GROUP BY year, programme
),
departement_patients AS (
  SELECT departement_code, sum(ref_patients)::bigint AS patients
    FROM (SELECT DISTINCT project_id, year, departement_code, ref_patients FROM counted) u
   GROUP BY departement_code
),
by_departement AS (
  SELECT c.departement_code AS "departementCode", d.name AS "departementName",
         count(DISTINCT c.project_id)::int AS "mspCount", dp.patients,
         coalesce(sum(c.computed_eur) FILTER (WHERE c.programme = 'ACI'), 0)::float8 AS "aciEur",
         coalesce(sum(c.computed_eur) FILTER (WHERE c.programme = 'PEPS'), 0)::float8 AS "pepsEur",
         coalesce(sum(c.computed_eur) FILTER (WHERE c.programme = 'IPEP'), 0)::float8 AS "ipepEur",
         sum(c.computed_eur)::float8 AS "totalEur"
    FROM counted c
    JOIN "Departement" d ON d.code = c.departement_code
    JOIN departement_patients dp ON dp.departement_code = c.departement_code
   GROUP BY c.departement_code, d.name, dp.patients
),
by_size_band AS (
  SELECT size_band AS "sizeBand", programme, count(*)::int AS "mspCount", sum(patients)::bigint AS patients,
         sum(computed_eur)::float8 AS "computedEur",
         CASE WHEN sum(patients) > 0 THEN sum(computed_eur) / sum(patients) END AS "perPatientEur",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY per_patient_eur) AS "medianPerPatientEur"
    FROM counted
   GROUP BY size_band, programme
),
by_experiment AS (
  SELECT year, experiment, count(*)::int AS "mspCount", sum(patients)::bigint AS patients,
         sum(computed_eur)::float8 AS "aciEur",
         CASE WHEN sum(patients) > 0 THEN sum(computed_eur) / sum(patients) END AS "perPatientEur",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY per_patient_eur) AS "medianPerPatientEur"
    FROM counted
   WHERE programme = 'ACI'
   GROUP BY year, experiment
),
peps_years AS (
  SELECT year, count(*)::int AS "mspCount", sum(patients)::bigint AS patients,
         sum(computed_eur)::float8 AS "forfaitEur",
         sum(ffs_eur)::float8 AS "feeForServiceEur",
         CASE WHEN sum(ffs_eur) > 0 THEN sum(computed_eur) FILTER (WHERE ffs_eur IS NOT NULL) / sum(ffs_eur) END AS ratio,
         coalesce(bool_or(illustrative), false) AS illustrative
    FROM counted
   WHERE programme = 'PEPS'
   GROUP BY year
),
peps_points AS (
  SELECT project_id::text AS "projectId", project_name AS "projectName", departement_code AS "departementCode", year,
         patients::bigint AS patients, computed_eur AS "forfaitEur", ffs_eur AS "feeForServiceEur", illustrative
    FROM counted
   WHERE programme = 'PEPS' AND ffs_eur IS NOT NULL
),
aci_indicators AS (
  SELECT c.year, i.key COLLATE "C" AS code, count(*)::int AS "mspCount",
         count(*) FILTER (WHERE (i.value)::float8 > 0)::int AS "achievedCount"
    FROM counted c
    CROSS JOIN LATERAL jsonb_each(c.indicators) AS i
   WHERE c.programme = 'ACI' AND jsonb_typeof(i.value) = 'number'
   GROUP BY c.year, i.key COLLATE "C"
)
SELECT
  (SELECT row_to_json(t)::text FROM totals t) AS totals,
  (SELECT coalesce(json_agg(t ORDER BY t.year, t.programme), '[]')::text FROM by_year t) AS by_year,
  (SELECT coalesce(json_agg(t ORDER BY t."departementCode" COLLATE "C"), '[]')::text FROM by_departement t) AS by_departement,
  (SELECT coalesce(json_agg(t ORDER BY array_position(ARRAY[${SIZE_BAND_LOWER_BOUNDS.map(([b]) => `'${b}'`).join(", ")}], t."sizeBand"), t.programme), '[]')::text FROM by_size_band t) AS by_size_band,
  (SELECT coalesce(json_agg(t ORDER BY t.year, t.experiment), '[]')::text FROM by_experiment t) AS by_experiment,
  (SELECT coalesce(json_agg(t ORDER BY t.year), '[]')::text FROM peps_years t) AS peps_years,
  (SELECT coalesce(json_agg(t ORDER BY t.year, t."projectName" COLLATE "C", t."projectId"), '[]')::text FROM peps_points t) AS peps_points,
  (SELECT coalesce(json_agg(t ORDER BY t.year, t.code COLLATE "C"), '[]')::text FROM aci_indicators t) AS aci_indicators,
  (SELECT coalesce(json_agg(y ORDER BY y), '[]')::text
     FROM (SELECT DISTINCT year AS y FROM "ResultPeriod" WHERE "federationId" = $1::uuid AND status = 'APPROVED') ay) AS available_years
`;

/** The filter as the SQL takes it: `null` (or an empty list) means "all". */
export type DashboardSqlFilter = {
  years?: readonly number[] | null;
  programmes?: readonly string[] | null;
  departements?: readonly string[] | null;
  /** Domain values (`MSP_SIZE_BANDS`), e.g. "4000_7999". */
  sizeBands?: readonly string[] | null;
};

const list = (values: readonly (string | number)[] | null | undefined): string | null => (values && values.length > 0 ? JSON.stringify(values) : null);

/** The statement's parameters, in order ($1..$5). */
export function resultsDashboardParams(federationId: string, filter: DashboardSqlFilter): (string | null)[] {
  return [federationId, list(filter.years), list(filter.programmes), list(filter.departements), list(filter.sizeBands)];
}

/** One row, every column JSON text. */
export type ResultsDashboardSqlRow = {
  totals: string;
  by_year: string;
  by_departement: string;
  by_size_band: string;
  by_experiment: string;
  peps_years: string;
  peps_points: string;
  aci_indicators: string;
  available_years: string;
};

export type DashboardTotalsRow = { mspCount: number; periodCount: number; departementCount: number; computedEur: number; receivedEur: number | null; illustrative: boolean };
export type DashboardYearRow = {
  year: number;
  programme: string;
  mspCount: number;
  patients: number;
  computedEur: number;
  perPatientEur: number | null;
  q1PerPatientEur: number | null;
  medianPerPatientEur: number | null;
  q3PerPatientEur: number | null;
  receivedEur: number | null;
  receivedCount: number;
};
export type DashboardDepartementRow = {
  departementCode: string;
  departementName: string;
  mspCount: number;
  patients: number;
  aciEur: number;
  pepsEur: number;
  ipepEur: number;
  totalEur: number;
};
export type DashboardSizeBandRow = { sizeBand: string; programme: string; mspCount: number; patients: number; computedEur: number; perPatientEur: number | null; medianPerPatientEur: number | null };
export type DashboardExperimentRow = { year: number; experiment: string; mspCount: number; patients: number; aciEur: number; perPatientEur: number | null; medianPerPatientEur: number | null };
export type DashboardPepsYearRow = { year: number; mspCount: number; patients: number; forfaitEur: number; feeForServiceEur: number | null; ratio: number | null; illustrative: boolean };
export type DashboardPepsPoint = { projectId: string; projectName: string; departementCode: string; year: number; patients: number; forfaitEur: number; feeForServiceEur: number; illustrative: boolean };
export type DashboardAciIndicatorCount = { year: number; code: string; mspCount: number; achievedCount: number };

export type ResultsDashboardData = {
  totals: DashboardTotalsRow;
  byYear: DashboardYearRow[];
  byDepartement: DashboardDepartementRow[];
  bySizeBand: DashboardSizeBandRow[];
  byExperiment: DashboardExperimentRow[];
  pepsYears: DashboardPepsYearRow[];
  pepsPoints: DashboardPepsPoint[];
  aciIndicators: DashboardAciIndicatorCount[];
  availableYears: number[];
};

/** Parses the statement's one row. */
export function parseResultsDashboardRow(row: ResultsDashboardSqlRow): ResultsDashboardData {
  return {
    totals: JSON.parse(row.totals) as DashboardTotalsRow,
    byYear: JSON.parse(row.by_year) as DashboardYearRow[],
    byDepartement: JSON.parse(row.by_departement) as DashboardDepartementRow[],
    bySizeBand: JSON.parse(row.by_size_band) as DashboardSizeBandRow[],
    byExperiment: JSON.parse(row.by_experiment) as DashboardExperimentRow[],
    pepsYears: JSON.parse(row.peps_years) as DashboardPepsYearRow[],
    pepsPoints: JSON.parse(row.peps_points) as DashboardPepsPoint[],
    aciIndicators: JSON.parse(row.aci_indicators) as DashboardAciIndicatorCount[],
    availableYears: JSON.parse(row.available_years) as number[],
  };
}
