/**
 * Dashboards of results: aggregates of the APPROVED periods of the signed-in staff member's federation, compared
 * with the same aggregates computed here from the very rows in the database; drafts, submitted periods and the
 * other federation's periods never count; exports parse back to the same tables.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { ACI_RULE_SETS, DEFAULT_RESULTS_REFERENCE_DATA, evaluatePeriod, mspSizeBand, type PeriodSummary, type Programme } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSpreadsheet, safeUnzip } from "../../src/common/spreadsheet.js";
import { EXPORT_TABLES } from "../../src/modules/dashboards/dashboards.tables.js";
import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const FED1 = DEMO_IDS.federations.nouvelleAquitaine;
const FED2 = DEMO_IDS.federations.bretagne;
const TODAY = new Date("2026-06-30T12:00:00Z");

const QUERY = `query D($filter: ResultsDashboardFilter) { resultsDashboard(filter: $filter) {
  illustrative availableYears
  totals { mspCount periodCount departementCount computedEur receivedEur }
  byYear { year programme mspCount patients computedEur perPatientEur q1PerPatientEur medianPerPatientEur q3PerPatientEur receivedEur receivedCount }
  byDepartement { departementCode departementName mspCount patients aciEur pepsEur ipepEur totalEur }
  bySizeBand { sizeBand sizeBandLabel programme mspCount patients computedEur perPatientEur medianPerPatientEur }
  byExperiment { year experiment mspCount patients aciEur perPatientEur medianPerPatientEur }
  pepsVsFeeForService { years { year mspCount patients forfaitEur feeForServiceEur ratio illustrative } points { projectId projectName departementCode year patients forfaitEur feeForServiceEur illustrative } }
  aciIndicators { year code label mspCount achievedCount achievedShare }
} }`;

// ——— inputs of the periods we insert (outputs computed by evaluatePeriod, as the API stores them) ———

const AV1 = ACI_RULE_SETS.ACI2017_AV1;
function aciInputs(i: number, year: number) {
  const achievements = Object.fromEntries(
    AV1.indicators.map((ind, k) => [ind.code, { achieved: ind.type === "SOCLE_PREREQUIS" || (i + year + k) % 3 !== 0 }]),
  );
  return { patientele: 1500 + ((i * 1877 + year * 13) % 13_000), associatedProfessionals: 6 + (i % 20), achievements, contractStart: "2019-04-01", amountReceivedEur: i % 4 === 0 ? null : 40_000 + i * 1000 };
}
function pepsInputs(i: number, year: number) {
  const patients = [400 + i * 10, 300 + i * 7, 200 + i * 3];
  const days = year % 4 === 0 ? 366 : 365;
  return {
    tableId: "PEPS_ILLUSTRATIF",
    scope: "PATIENTELE_MT",
    patientele: patients[0]! + patients[1]! + patients[2]!,
    groups: [
      { ageBand: "16-44", sex: "F", aldCount: 0, precarite: false, patients: patients[0] },
      { ageBand: "45-64", sex: "M", aldCount: 1, precarite: true, patients: patients[1] },
      { ageBand: "75-84", sex: "F", aldCount: 2, precarite: false, patients: patients[2] },
    ],
    daysInScope: days,
    daysInPeriod: days,
    qualityScore: 0.5 + (i % 5) / 10,
    qualityIndicators: [{ code: "VACC_GRIPPE", label: "Vaccination antigrippale", value: 40 + (i % 50) }],
    forfaitReceivedEur: 100_000 + i * 500,
    feeForServiceEquivalentEur: 90_000 + i * 2000 + year,
    internalSplit: [],
  };
}
function ipepInputs(i: number) {
  return {
    parametersId: "IPEP_2022",
    groupement: `Groupement ${i}`,
    patients: 5000 + i * 100,
    gainLevelPerPatientEur: 10 + i,
    gainEvolutionPerPatientEur: (i % 3) * 5 - 3,
    soclePoints: 40,
    aLaCartePoints: 10,
    patientExperiencePoints: 15,
    qualityIndicators: [],
    incentiveReceivedEur: null,
  };
}
function evaluated(programme: Programme, year: number, inputs: unknown) {
  const r = evaluatePeriod(programme, year, inputs, DEFAULT_RESULTS_REFERENCE_DATA, TODAY);
  if (!r.ok) throw new Error(`${programme} ${year}: ${JSON.stringify(r.error)}`);
  return { inputs: r.value.inputs as object, outputs: r.value.outputs as object, ruleSetId: r.value.referenceId };
}

// ——— the reference computation: the definitions of dashboards.sql.ts, in plain TypeScript ———

type Row = { projectId: string; projectName: string; departementCode: string; programme: string; year: number; s: PeriodSummary };
type Filter = { years?: number[]; programmes?: string[]; departements?: string[]; sizeBands?: string[] };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentileCont(values: number[], p: number): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const pos = p * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}
const groupBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

function expected(all: Row[], filter: Filter) {
  const approved = all.filter((r) => (!filter.years?.length || filter.years.includes(r.year)) && (!filter.departements?.length || filter.departements.includes(r.departementCode)));
  const mspYears = groupBy(approved, (r) => `${r.projectId}|${r.year}`);
  const info = new Map(
    [...mspYears].map(([k, rows]) => {
      const aci = rows.find((r) => r.programme === "ACI");
      const ref = aci ? aci.s.patients : Math.max(...rows.map((r) => r.s.patients));
      const experiment = rows.some((r) => r.programme === "PEPS") ? "PEPS" : rows.some((r) => r.programme === "IPEP") ? "IPEP" : "NONE";
      return [k, { ref, band: mspSizeBand(ref), experiment }];
    }),
  );
  const of = (r: Row) => info.get(`${r.projectId}|${r.year}`)!;
  const counted = approved.filter((r) => (!filter.programmes?.length || filter.programmes.includes(r.programme)) && (!filter.sizeBands?.length || filter.sizeBands.includes(of(r).band)));
  const perPatient = (rows: Row[]) => (sum(rows.map((r) => r.s.patients)) > 0 ? sum(rows.map((r) => r.s.computedEur)) / sum(rows.map((r) => r.s.patients)) : null);
  const byYear = [...groupBy(counted, (r) => `${r.year}|${r.programme}`)].map(([, rows]) => {
    const pp = rows.map((r) => r.s.perPatientEur);
    const received = rows.filter((r) => r.s.receivedEur !== null);
    return {
      year: rows[0]!.year,
      programme: rows[0]!.programme,
      mspCount: rows.length,
      patients: sum(rows.map((r) => r.s.patients)),
      computedEur: sum(rows.map((r) => r.s.computedEur)),
      perPatientEur: perPatient(rows),
      q1PerPatientEur: percentileCont(pp, 0.25),
      medianPerPatientEur: percentileCont(pp, 0.5),
      q3PerPatientEur: percentileCont(pp, 0.75),
      receivedEur: received.length ? sum(received.map((r) => r.s.receivedEur!)) : null,
      receivedCount: received.length,
    };
  });
  byYear.sort((a, b) => a.year - b.year || a.programme.localeCompare(b.programme));
  const byDepartement = [...groupBy(counted, (r) => r.departementCode)].map(([code, rows]) => {
    const mspYearsHere = new Set(rows.map((r) => `${r.projectId}|${r.year}`));
    const total = (p: string) => sum(rows.filter((r) => r.programme === p).map((r) => r.s.computedEur));
    return {
      departementCode: code,
      mspCount: new Set(rows.map((r) => r.projectId)).size,
      patients: sum([...mspYearsHere].map((k) => info.get(k)!.ref)),
      aciEur: total("ACI"),
      pepsEur: total("PEPS"),
      ipepEur: total("IPEP"),
      totalEur: sum(rows.map((r) => r.s.computedEur)),
    };
  });
  byDepartement.sort((a, b) => a.departementCode.localeCompare(b.departementCode));
  const bySizeBand = [...groupBy(counted, (r) => `${of(r).band}|${r.programme}`)].map(([, rows]) => ({
    sizeBand: of(rows[0]!).band,
    programme: rows[0]!.programme,
    mspCount: rows.length,
    patients: sum(rows.map((r) => r.s.patients)),
    computedEur: sum(rows.map((r) => r.s.computedEur)),
    perPatientEur: perPatient(rows),
    medianPerPatientEur: percentileCont(rows.map((r) => r.s.perPatientEur), 0.5),
  }));
  const byExperiment = [...groupBy(counted.filter((r) => r.programme === "ACI"), (r) => `${r.year}|${of(r).experiment}`)].map(([, rows]) => ({
    year: rows[0]!.year,
    experiment: of(rows[0]!).experiment,
    mspCount: rows.length,
    patients: sum(rows.map((r) => r.s.patients)),
    aciEur: sum(rows.map((r) => r.s.computedEur)),
    perPatientEur: perPatient(rows),
    medianPerPatientEur: percentileCont(rows.map((r) => r.s.perPatientEur), 0.5),
  }));
  byExperiment.sort((a, b) => a.year - b.year || a.experiment.localeCompare(b.experiment));
  const peps = counted.filter((r) => r.programme === "PEPS");
  const pepsYears = [...groupBy(peps, (r) => String(r.year))].map(([, rows]) => {
    const withFfs = rows.filter((r) => r.s.feeForServiceEquivalentEur !== null);
    const ffs = sum(withFfs.map((r) => r.s.feeForServiceEquivalentEur!));
    return {
      year: rows[0]!.year,
      mspCount: rows.length,
      patients: sum(rows.map((r) => r.s.patients)),
      forfaitEur: sum(rows.map((r) => r.s.computedEur)),
      feeForServiceEur: withFfs.length ? ffs : null,
      ratio: ffs > 0 ? sum(withFfs.map((r) => r.s.computedEur)) / ffs : null,
      illustrative: rows.some((r) => r.s.illustrative),
    };
  });
  pepsYears.sort((a, b) => a.year - b.year);
  const indicatorRows = counted.filter((r) => r.programme === "ACI").flatMap((r) => Object.entries(r.s.indicators).map(([code, value]) => ({ year: r.year, code, value })));
  const aciIndicators = [...groupBy(indicatorRows, (x) => `${x.year}|${x.code}`)].map(([, xs]) => ({
    year: xs[0]!.year,
    code: xs[0]!.code,
    mspCount: xs.length,
    achievedCount: xs.filter((x) => x.value > 0).length,
  }));
  aciIndicators.sort((a, b) => a.year - b.year || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    totals: {
      mspCount: new Set(counted.map((r) => r.projectId)).size,
      periodCount: counted.length,
      departementCount: new Set(counted.map((r) => r.departementCode)).size,
      computedEur: sum(counted.map((r) => r.s.computedEur)),
    },
    illustrative: counted.some((r) => r.s.illustrative),
    byYear,
    byDepartement,
    bySizeBand,
    byExperiment,
    pepsYears,
    pepsPoints: peps.length,
    aciIndicators,
  };
}

/** Deep comparison with floats to 6 decimals (sums in float8 vs in JS may differ in the last bits). */
function expectClose(actual: unknown, wanted: unknown, path = "$"): void {
  if (typeof wanted === "number" && typeof actual === "number") {
    expect(actual, path).toBeCloseTo(wanted, 6);
    return;
  }
  if (Array.isArray(wanted)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(wanted.length);
    wanted.forEach((w, i) => expectClose((actual as unknown[])[i], w, `${path}[${i}]`));
    return;
  }
  if (wanted && typeof wanted === "object") {
    for (const [k, w] of Object.entries(wanted)) expectClose((actual as Record<string, unknown>)[k], w, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(wanted);
}

const GQL_BAND: Record<string, string> = { LT_4000: "LT_4000", "4000_7999": "FROM_4000_TO_7999", "8000_11999": "FROM_8000_TO_11999", GE_12000: "GE_12000" };

describe("results dashboard", () => {
  let t: TestApp;
  let admin: GqlClient;
  let charge: GqlClient;
  let admin2: GqlClient;
  const prisma = () => t.running.database.prisma;

  /** Every APPROVED period of a federation with a summary, read back from the database. */
  async function approvedRows(federationId: string): Promise<Row[]> {
    const periods = await prisma().resultPeriod.findMany({ where: { federationId, status: "APPROVED" }, include: { project: { select: { name: true, departementCode: true } } } });
    return periods
      .filter((p) => (p.outputs as { summary?: unknown }).summary)
      .map((p) => ({ projectId: p.projectId, projectName: p.project.name, departementCode: p.project.departementCode, programme: p.programme, year: p.year, s: (p.outputs as { summary: PeriodSummary }).summary }));
  }

  async function dashboard(c: GqlClient, filter: Filter | null) {
    const gqlFilter = filter && { ...filter, sizeBands: filter.sizeBands?.map((b) => GQL_BAND[b]) };
    const r = await c.request<{ resultsDashboard: any }>(QUERY, { filter: gqlFilter });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.resultsDashboard;
  }

  function compare(got: any, want: ReturnType<typeof expected>) {
    expectClose(got.totals, want.totals, "totals");
    expect(got.illustrative).toBe(want.illustrative);
    expectClose(got.byYear, want.byYear, "byYear");
    expectClose(got.byDepartement, want.byDepartement, "byDepartement");
    // bySizeBand comes in band order, then programme: compare as sets keyed by band and programme.
    const bands = Object.fromEntries(got.bySizeBand.map((r: any) => [`${r.sizeBand}|${r.programme}`, r]));
    expect(Object.keys(bands).sort()).toEqual(want.bySizeBand.map((r) => `${GQL_BAND[r.sizeBand]}|${r.programme}`).sort());
    for (const r of want.bySizeBand) expectClose(bands[`${GQL_BAND[r.sizeBand]}|${r.programme}`], { ...r, sizeBand: GQL_BAND[r.sizeBand] }, `bySizeBand ${r.sizeBand} ${r.programme}`);
    expectClose(got.byExperiment, want.byExperiment, "byExperiment");
    expectClose(got.pepsVsFeeForService.years, want.pepsYears, "pepsVsFeeForService.years");
    expect(got.pepsVsFeeForService.points).toHaveLength(want.pepsPoints);
    expectClose(got.aciIndicators, want.aciIndicators, "aciIndicators");
    for (const row of got.aciIndicators) expect(row.achievedShare).toBeCloseTo(row.achievedCount / row.mspCount, 9);
  }

  beforeAll(async () => {
    t = await startTestApp({ queryMetrics: true });
    [admin, charge, admin2] = await Promise.all([t.as("admin@demo.maillage.fr"), t.as("charge@demo.maillage.fr"), t.as("admin2@demo.maillage.fr")]);
    const fed1 = await prisma().mspProject.findMany({ where: { federationId: FED1 }, orderBy: { id: "asc" }, take: 30 });
    const fed2 = await prisma().mspProject.findMany({ where: { federationId: FED2 }, orderBy: { id: "asc" }, take: 4 });
    const data: object[] = [];
    const add = (federationId: string, projectId: string, programme: Programme, year: number, status: "APPROVED" | "DRAFT" | "SUBMITTED", inputs: unknown) =>
      data.push({ federationId, projectId, programme, year, status, ...evaluated(programme, year, inputs), ...(status === "APPROVED" ? { approvedAt: TODAY } : {}) });
    fed1.forEach((p, i) => {
      for (const year of [2022, 2023, 2024, 2025]) {
        // Every fourth MSP-year only submitted (or in draft): it must not count anywhere.
        const status = (i + year) % 4 === 0 ? (i % 2 ? "SUBMITTED" : "DRAFT") : "APPROVED";
        add(FED1, p.id, "ACI", year, status, aciInputs(i, year));
        if (i % 6 === 0 && year >= 2023) add(FED1, p.id, "PEPS", year, "APPROVED", pepsInputs(i, year));
        if (i % 6 === 3 && year >= 2024) add(FED1, p.id, "PEPS", year, "DRAFT", pepsInputs(i, year)); // a draft PEPS does not make a PEPS team
        if (i % 5 === 1) add(FED1, p.id, "IPEP", year, year === 2025 ? "SUBMITTED" : "APPROVED", ipepInputs(i));
      }
    });
    fed2.forEach((p, i) => {
      for (const year of [2023, 2024]) {
        add(FED2, p.id, "ACI", year, "APPROVED", aciInputs(100 + i, year));
        add(FED2, p.id, "PEPS", year, "APPROVED", pepsInputs(100 + i, year));
      }
    });
    // The demo seed may hold periods of its own: those stay (the expectations are computed from the database rows).
    await prisma().resultPeriod.createMany({ data: data as never, skipDuplicates: true });
  });
  afterAll(() => t.close());

  it("aggregates only the approved periods of the federation, as computed from the same rows", async () => {
    const rows = await approvedRows(FED1);
    expect(rows.length).toBeGreaterThan(100);
    const got = await dashboard(admin, null);
    compare(got, expected(rows, {}));
    expect(got.totals.periodCount).toBe(rows.length);
    expect(got.illustrative).toBe(true); // the PEPS periods use the illustrative table
    expect(got.availableYears).toEqual([...new Set(rows.map((r) => r.year))].sort());
    // Nothing of the other federation.
    const fed2Projects = new Set((await prisma().mspProject.findMany({ where: { federationId: FED2 }, select: { id: true } })).map((p) => p.id));
    expect(got.pepsVsFeeForService.points.some((p: { projectId: string }) => fed2Projects.has(p.projectId))).toBe(false);
    // Drafts and submitted periods exist and are left out.
    const notApproved = await prisma().resultPeriod.count({ where: { federationId: FED1, status: { in: ["DRAFT", "SUBMITTED"] } } });
    expect(notApproved).toBeGreaterThan(10);
    expect(got.totals.periodCount).toBe(await prisma().resultPeriod.count({ where: { federationId: FED1, status: "APPROVED", NOT: { outputs: { equals: {} } } } }));
  });

  it("a chargé sees the same federation figures; the other federation's admin sees only theirs", async () => {
    const a = await dashboard(admin, null);
    const c = await dashboard(charge, null);
    expect(c).toEqual(a);
    const b = await dashboard(admin2, null);
    compare(b, expected(await approvedRows(FED2), {}));
    const fed2Deps = new Set((await prisma().federationDepartement.findMany({ where: { federationId: FED2 } })).map((d) => d.departementCode));
    expect(b.byDepartement.length).toBeGreaterThan(0);
    for (const row of b.byDepartement) expect(fed2Deps.has(row.departementCode)).toBe(true);
    expect(b.totals.computedEur).not.toBeCloseTo(a.totals.computedEur, 0);
  });

  it("applies every filter in SQL: years, programmes, départements, size bands", async () => {
    const rows = await approvedRows(FED1);
    const departements = [...new Set(rows.map((r) => r.departementCode))].sort().slice(0, 3);
    const filters: Filter[] = [
      { years: [2024, 2025] },
      { programmes: ["ACI"] },
      { programmes: ["PEPS", "IPEP"], years: [2023] },
      { departements },
      { sizeBands: ["LT_4000", "8000_11999"] },
      { years: [2022, 2024], programmes: ["ACI", "PEPS"], departements, sizeBands: ["4000_7999", "8000_11999", "GE_12000"] },
    ];
    for (const filter of filters) compare(await dashboard(admin, filter), expected(rows, filter));
    const none = await dashboard(admin, { years: [2016] });
    expect(none.totals).toMatchObject({ mspCount: 0, periodCount: 0, computedEur: 0, receivedEur: null });
    expect(none.byYear).toEqual([]);
  });

  it("classifies ACI amounts by the MSP's experiment that year, whatever the programme filter", async () => {
    const got = await dashboard(admin, { programmes: ["ACI"], years: [2024] });
    const experiments = got.byExperiment.map((r: { experiment: string }) => r.experiment).sort();
    expect(experiments).toEqual(["IPEP", "NONE", "PEPS"]);
    expect(got.pepsVsFeeForService.years).toEqual([]);
  });

  it("answers with one SQL statement besides the session lookup", async () => {
    const base = await admin.request(`{ me { id } }`);
    const meStatements = Number(base.headers.get("x-sql-statements"));
    const r = await admin.request(QUERY, { filter: { years: [2024] } });
    expect(r.errors).toBeUndefined();
    const statements = Number(r.headers.get("x-sql-statements"));
    // `me` = session lookup + one read of the user; the dashboard = session lookup + its one statement.
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(meStatements);
  });

  it("refuses MSP members and researchers, and anonymous callers", async () => {
    for (const email of ["msp@demo.maillage.fr", "chercheur@demo.maillage.fr", "msp2@demo.maillage.fr"]) {
      const r = await (await t.as(email)).request(QUERY, {});
      expect(GqlClient.code(r), email).toBe("FORBIDDEN");
      expect(r.data).toBeNull();
    }
    expect(GqlClient.code(await t.client().request(QUERY, {}))).toBe("UNAUTHENTICATED");
  });

  it("answers BAD_USER_INPUT for a year out of range or an unknown département", async () => {
    for (const [filter, field, reason] of [
      [{ years: [2014] }, "filter.years", "DASHBOARD.YEAR_OUT_OF_RANGE"],
      [{ years: [2024, new Date().getUTCFullYear() + 1] }, "filter.years", "DASHBOARD.YEAR_OUT_OF_RANGE"],
      [{ departements: ["33", "999"] }, "filter.departements", "DASHBOARD.UNKNOWN_DEPARTEMENT"],
      [{ departements: ["2A", "ZZ"] }, "filter.departements", "DASHBOARD.UNKNOWN_DEPARTEMENT"],
    ] as const) {
      const r = await admin.request(QUERY, { filter });
      expect(GqlClient.code(r), JSON.stringify(filter)).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
      expect(r.errors?.[0]?.extensions?.reason).toBe(reason);
      expect(r.errors?.[0]?.message).toMatch(/[éèà]|Année|Département/);
    }
    const bad = await admin.request(QUERY, { filter: { sizeBands: ["HUGE"] } });
    expect(bad.errors?.length).toBeGreaterThan(0);
    expect(bad.data?.resultsDashboard ?? null).toBeNull();
  });

  describe("exports", () => {
    const get = (c: GqlClient | null, path: string) => fetch(`${t.url}${path}`, { headers: c?.cookie ? { cookie: c.cookie } : {} });
    const num = (cell: string | undefined) => (cell === undefined || cell === "" ? null : Number(cell.replace(/\s/g, "").replace(",", ".")));

    it("serves every table as CSV and XLSX, with French headers and the API's figures", async () => {
      const filter = "years=2023,2024&programmes=ACI&programmes=PEPS&programmes=IPEP";
      const api = await dashboard(admin, { years: [2023, 2024] });
      const counts: Record<string, number> = {
        "by-year": api.byYear.length,
        "by-departement": api.byDepartement.length,
        "by-size-band": api.bySizeBand.length,
        "by-experiment": api.byExperiment.length,
        "peps-vs-fee-for-service": api.pepsVsFeeForService.years.length,
        "peps-points": api.pepsVsFeeForService.points.length,
        "aci-indicators": api.aciIndicators.length,
      };
      expect(Object.keys(counts).sort()).toEqual(EXPORT_TABLES.map((x) => x.slug).sort());
      for (const table of EXPORT_TABLES) {
        for (const format of ["csv", "xlsx"] as const) {
          const res = await get(admin, `/exports/results-dashboard/${table.slug}.${format}?${filter}`);
          expect(res.status, `${table.slug}.${format}`).toBe(200);
          expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${table.fileName}.${format}"`);
          const sheet = await readSpreadsheet(Buffer.from(await res.arrayBuffer()), `x.${format}`);
          expect(sheet.headers).toEqual(table.headers);
          expect(sheet.rows.length, `${table.slug}.${format}`).toBe(counts[table.slug]);
          expect(counts[table.slug]).toBeGreaterThan(0);
        }
      }
      // Figures: the by-year computed amounts, to the cent, in both formats.
      for (const format of ["csv", "xlsx"] as const) {
        const res = await get(admin, `/exports/results-dashboard/by-year.${format}?years=2023&years=2024`);
        const sheet = await readSpreadsheet(Buffer.from(await res.arrayBuffer()), `x.${format}`);
        sheet.rows.forEach((row, i) => {
          const r = api.byYear[i];
          expect(num(row[0])).toBe(r.year);
          expect(row[1]).toBe(r.programme);
          expect(num(row[2])).toBe(r.mspCount);
          expect(num(row[4])).toBeCloseTo(r.computedEur, 2);
          expect(num(row[7])).toBeCloseTo(r.medianPerPatientEur, 2);
        });
      }
    });

    it("neutralises formulas in text cells (the bytes carry the quote; readSpreadsheet reads the name back)", async () => {
      const peps = await prisma().resultPeriod.findFirstOrThrow({ where: { federationId: FED1, programme: "PEPS", status: "APPROVED" } });
      const evil = '=HYPERLINK("http://evil.example";"clic")';
      await prisma().mspProject.update({ where: { id: peps.projectId }, data: { name: evil } });
      const csv = Buffer.from(await (await get(admin, "/exports/results-dashboard/peps-points.csv")).arrayBuffer());
      const text = csv.toString("utf8");
      expect(text).toContain(`'=HYPERLINK`);
      expect(text).not.toMatch(/(^|;|")=HYPERLINK/m);
      expect((await readSpreadsheet(csv, "x.csv")).rows.map((r) => r[1])).toContain(evil);
      const xlsx = Buffer.from(await (await get(admin, "/exports/results-dashboard/peps-points.xlsx")).arrayBuffer());
      const xml = [...safeUnzip(xlsx).values()].map((b) => Buffer.from(b).toString("utf8")).join("\n");
      expect(xml).toMatch(/(&apos;|')=HYPERLINK/);
      expect(xml).not.toMatch(/>=HYPERLINK|<f>/);
    });

    it("keeps the query's scope and checks: 401, 403, 400, 404", async () => {
      expect((await get(null, "/exports/results-dashboard/by-year.csv")).status).toBe(401);
      const msp = await t.as("msp@demo.maillage.fr");
      const refused = await get(msp, "/exports/results-dashboard/by-year.csv");
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
      const badYear = await get(admin, "/exports/results-dashboard/by-year.csv?years=2010");
      expect(badYear.status).toBe(400);
      expect(((await badYear.json()) as { error: { code: string } }).error.code).toBe("BAD_USER_INPUT");
      expect((await get(admin, "/exports/results-dashboard/by-year.csv?departements=999")).status).toBe(400);
      expect((await get(admin, "/exports/results-dashboard/by-year.csv?sizeBands=HUGE")).status).toBe(400);
      expect((await get(admin, "/exports/results-dashboard/nope.csv")).status).toBe(404);
      expect((await get(admin, "/exports/results-dashboard/by-year.pdf")).status).toBe(404);
      // The other federation's admin exports its own figures only.
      const own = await readSpreadsheet(Buffer.from(await (await get(admin2, "/exports/results-dashboard/by-departement.csv")).arrayBuffer()), "x.csv");
      const fed2Deps = new Set((await prisma().federationDepartement.findMany({ where: { federationId: FED2 } })).map((d) => d.departementCode));
      expect(own.rows.length).toBeGreaterThan(0);
      for (const row of own.rows) expect(fed2Deps.has(row[0] ?? "")).toBe(true);
    });
  });
});
