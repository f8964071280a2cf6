/**
 * A national-scale dataset of running MSPs and their yearly results, for the benchmarks (results dashboard, and
 * the research aggregates that reuse it): 15 regional federations (DOMAIN.md §2.6: "14 / 15" federations ✅),
 * 2,640 MSP projects at the stage EN_FONCTIONNEMENT (§2.6: 2,640 MSP on 30 June 2024 ✅) on real communes of the
 * COG (@maillage/db's reference, as the demo seed), and ten years (2016–2025) of APPROVED result periods:
 *
 * - ACI for every MSP that had signed by then: the signed share grows from ~15 % in 2016 to ~85 % in 2025, with
 *   538 MSPs paid for 2017 (§2.6 ✅ "ACI first year: 538 MSP") and > 78 % of 2,640 by 2024 (§2.6 ✅);
 * - PEPS for a handful (§4.5 ✅: 15 MSP structures in 2020, 3 left by 2023; PEPS 2: 10 teams from 2025, §4.2 ✅);
 * - IPEP for ~10 % of the signed MSPs, from 2020 or their signature (§4.5: 32 groupements nationally — several MSPs
 *   per groupement; we over-sample on purpose so that the IPEP aggregates have rows to work on);
 *
 * each period's inputs plausible (ACI patientèle around 5,000 MT patients, prerequisites met by ~98 %, §2.6 🟡),
 * its outputs computed by `evaluatePeriod` of @maillage/domain, exactly what the API stores. Deterministic: the
 * same seed gives the same ids and figures. Fast: multi-row INSERT … SELECT FROM unnest(…) in chunks.
 *
 * Usage: `const dataset = await buildNationalDataset(databaseUrl)` on a migrated, demo-seeded database (régions,
 * départements and the demo admin's password hash are read from it). Returns the federations (id, slug, admin
 * account, MSP count), the project ids and the period counts.
 */
import { createRequire } from "node:module";

import pg from "pg";

import { connectionConfig, loadDbPackages } from "../lib/database.mjs";

export const NATIONAL = {
  federations: 15,
  projects: 2640,
  firstYear: 2016,
  lastYear: 2025,
  /** Cumulative number of MSPs with an ACI contract, by year (interpolated between the §2.6 anchors). */
  signedByYear: { 2016: 400, 2017: 538, 2018: 800, 2019: 1000, 2020: 1250, 2021: 1500, 2022: 1750, 2023: 1950, 2024: 2100, 2025: 2250 },
  /** MSPs in PEPS each year (§4.5, §4.2). */
  pepsByYear: { 2020: 15, 2021: 12, 2022: 6, 2023: 3, 2024: 3, 2025: 13 },
  /** Share of the signed MSPs in an IPEP groupement, from 2020 (or their signature). */
  ipepShare: 0.1,
};

/** "Today" for evaluatePeriod: every period of the dataset is in the past. */
const TODAY = new Date("2026-06-30T12:00:00Z");
const CHUNK = 500;

/** @maillage/domain, resolved from @maillage/db (see servers/board-raw-sql.mjs). @type {any} */
const domain = (() => {
  const requireHere = createRequire(import.meta.url);
  return createRequire(requireHere.resolve("@maillage/db"))("@maillage/domain");
})();

/** mulberry32: a small deterministic PRNG. @param {number} seed */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic UUID (version-4 layout) from the PRNG. @param {() => number} rnd */
function uuid(rnd) {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The 15 federations: the 13 metropolitan régions, Antilles-Guyane (971, 972, 973) and Océan Indien (974, 976). */
const FEDERATIONS = [
  ...["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"].map((regionCode) => ({ regionCode, name: /** @type {string | null} */ (null), departements: /** @type {string[] | null} */ (null) })),
  { regionCode: "01", name: "Antilles-Guyane", departements: ["971", "972", "973"] },
  { regionCode: "04", name: "Océan Indien", departements: ["974", "976"] },
];

/**
 * INSERT … SELECT FROM unnest($1::type[], $2::type[], …) in chunks of CHUNK rows.
 * @param {any} client @param {string} table @param {[string, string][]} columns [name, SQL type] @param {unknown[][]} rows
 */
async function insertRows(client, table, columns, rows) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
    const sql = `INSERT INTO "${table}" (${columns.map(([n]) => `"${n}"`).join(", ")})
      SELECT * FROM unnest(${columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(", ")})`;
    await client.query(sql, arrays);
  }
}

/** @param {() => number} rnd @param {number} min @param {number} max */
const between = (rnd, min, max) => min + Math.floor(rnd() * (max - min + 1));

/** Patientèle médecin traitant: log-normal around 5,000 (ACI reference 4,000, DOMAIN.md §3.4), 1,200..20,000. @param {() => number} rnd */
function patientele(rnd) {
  const normal = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return Math.max(1200, Math.min(20_000, Math.round(5000 * Math.exp(0.45 * normal))));
}

/**
 * ACI inputs of one MSP-year (DOMAIN.md §3.3–3.4): prerequisites met by ~98 % (§2.6 🟡), other indicators by a
 * maturity that grows with the years since signature; per-unit indicators with a random number of units.
 * @param {() => number} rnd @param {{ patients: number; professionals: number; signYear: number; signMonth: number }} msp @param {number} year
 */
function aciInputs(rnd, msp, year) {
  const ruleSet = domain.aciRuleSetFor(domain.DEFAULT_RESULTS_REFERENCE_DATA, year);
  const maturity = Math.min(0.9, 0.45 + 0.08 * (year - msp.signYear));
  /** @type {Record<string, { achieved: boolean; units?: number }>} */
  const achievements = {};
  for (const ind of ruleSet.indicators) {
    const achieved = ind.type === "SOCLE_PREREQUIS" ? rnd() < 0.98 : rnd() < (ind.type === "SOCLE" ? maturity + 0.05 : maturity - 0.15);
    achievements[ind.code] = ind.maxUnits !== undefined && achieved ? { achieved, units: between(rnd, Math.max(1, ind.minUnits ?? 1), ind.maxUnits) } : { achieved };
  }
  const grown = Math.round(msp.patients * (1 + 0.03 * (year - msp.signYear)));
  return {
    patientele: grown,
    associatedProfessionals: msp.professionals,
    achievements,
    ...(rnd() < 0.3 ? { precarite: { c2sRate: 0.05 + rnd() * 0.15, ameRate: rnd() * 0.02, nationalC2sRate: 0.08, nationalAmeRate: 0.006 } } : {}),
    contractStart: `${msp.signYear}-${String(msp.signMonth).padStart(2, "0")}-01`,
    amountReceivedEur: rnd() < 0.2 ? null : Math.round(40_000 + grown * 9 * (0.8 + rnd() * 0.3)),
  };
}

const AGE_BANDS = ["0-6", "7-15", "16-44", "45-64", "65-74", "75-84", "85+"];
const AGE_SHARES = [0.07, 0.1, 0.33, 0.26, 0.12, 0.08, 0.04];

/** PEPS inputs on the illustrative table (DOMAIN.md §4.4; the official tables are not public ⚠️). @param {() => number} rnd @param {number} patients @param {number} year */
function pepsInputs(rnd, patients, year) {
  const scoped = Math.round(patients * (0.7 + rnd() * 0.25));
  /** @type {{ ageBand: string; sex: string; aldCount: number; precarite: boolean; patients: number }[]} */
  const groups = [];
  let left = scoped;
  AGE_BANDS.forEach((ageBand, i) => {
    for (const sex of ["F", "M"]) {
      const n = i === AGE_BANDS.length - 1 && sex === "M" ? left : Math.min(left, Math.round((scoped * (AGE_SHARES[i] ?? 0)) / 2));
      if (n <= 0) continue;
      const ald = Math.round(n * (i >= 4 ? 0.45 : 0.12));
      groups.push({ ageBand, sex, aldCount: 0, precarite: false, patients: n - ald });
      if (ald > 0) groups.push({ ageBand, sex, aldCount: i >= 5 ? 2 : 1, precarite: rnd() < 0.2, patients: ald });
      left -= n;
    }
  });
  const days = domain.daysInYear(year);
  const feeForService = Math.round(scoped * (95 + rnd() * 40));
  return {
    tableId: "PEPS_ILLUSTRATIF",
    scope: "PATIENTELE_MT",
    patientele: groups.reduce((s, g) => s + g.patients, 0),
    groups,
    daysInScope: days,
    daysInPeriod: days,
    qualityScore: Math.round((0.5 + rnd() * 0.45) * 100) / 100,
    qualityIndicators: [{ code: "VACC_GRIPPE_65", label: "Vaccination antigrippale des 65 ans et plus", value: Math.round(45 + rnd() * 30) }],
    forfaitReceivedEur: Math.round(feeForService * (0.95 + rnd() * 0.2)),
    feeForServiceEquivalentEur: feeForService,
    internalSplit: [],
  };
}

/** IPEP inputs (DOMAIN.md §5.2–5.3). @param {() => number} rnd @param {string} name @param {number} patients */
function ipepInputs(rnd, name, patients) {
  return {
    parametersId: "IPEP_2022",
    groupement: `Groupement IPEP de ${name}`,
    patients: Math.max(5000, Math.round(patients * (1.2 + rnd()))),
    gainLevelPerPatientEur: Math.round((rnd() * 60 - 20) * 100) / 100,
    gainEvolutionPerPatientEur: Math.round((rnd() * 30 - 10) * 100) / 100,
    soclePoints: between(rnd, 20, 60),
    aLaCartePoints: between(rnd, 0, 20),
    patientExperiencePoints: between(rnd, 0, 20),
    qualityIndicators: [],
    incentiveReceivedEur: null,
  };
}

/**
 * @param {string} programme @param {number} year @param {unknown} inputs
 * @returns {{ inputs: unknown; outputs: unknown; referenceId: string }}
 */
function evaluate(programme, year, inputs) {
  const r = domain.evaluatePeriod(programme, year, inputs, domain.DEFAULT_RESULTS_REFERENCE_DATA, TODAY);
  if (!r.ok) throw new Error(`national dataset: ${programme} ${year} inputs refused: ${JSON.stringify(r.error).slice(0, 500)}`);
  return r.value;
}

/**
 * Builds the dataset in the database at `databaseUrl` (migrated, with the COG régions/départements and the demo
 * seed). Returns ids and counts.
 * @param {string} databaseUrl
 * @param {{ seed?: number; log?: (message: string) => void }} [options]
 */
export function buildNationalDataset(databaseUrl, options = {}) {
  // One build per database: several benchmarks of one run share it.
  let built = BUILT.get(databaseUrl);
  if (!built) {
    built = buildOnce(databaseUrl, options);
    BUILT.set(databaseUrl, built);
  }
  return built;
}

/** @type {Map<string, ReturnType<typeof buildOnce>>} */
const BUILT = new Map();

/** @param {string} databaseUrl @param {{ seed?: number; log?: (message: string) => void }} options */
async function buildOnce(databaseUrl, options) {
  const rnd = prng(options.seed ?? 2640);
  const log = options.log ?? (() => {});
  const { db, seed } = await loadDbPackages();
  const client = new pg.Client(connectionConfig(databaseUrl));
  await client.connect();
  try {
    const started = Date.now();
    const { rows: hashRows } = await client.query(`SELECT "passwordHash" FROM "User" WHERE email = 'admin@demo.maillage.fr'`);
    const passwordHash = hashRows[0]?.passwordHash;
    if (!passwordHash) throw new Error("national dataset: the demo admin is missing (seed the demo data first)");
    const regions = new Map(db.regionsRef().map((r) => [r.code, r.name]));
    const departements = db.departementsRef();

    // Federations, their départements and one admin each (the demo password).
    const federations = FEDERATIONS.map((f, i) => {
      const id = uuid(rnd);
      const slug = `bench-national-${String(i + 1).padStart(2, "0")}`;
      const deps = f.departements ?? departements.filter((d) => d.regionCode === f.regionCode).map((d) => d.code);
      return { id, slug, name: `Fédération ${f.name ?? regions.get(f.regionCode) ?? f.regionCode} (banc national)`, regionCode: f.regionCode, departements: deps, admin: { id: uuid(rnd), email: `admin@${slug}.bench.maillage.fr`, password: seed.DEMO_PASSWORD }, projects: 0 };
    });
    const federationOfDep = new Map(federations.flatMap((f) => f.departements.map((d) => [d, f])));
    await insertRows(client, "Federation", [["id", "uuid"], ["slug", "text"], ["name", "text"], ["regionCode", "text"]], federations.map((f) => [f.id, f.slug, f.name, f.regionCode]));
    await insertRows(client, "FederationDepartement", [["federationId", "uuid"], ["departementCode", "text"]], federations.flatMap((f) => f.departements.map((d) => [f.id, d])));
    await insertRows(
      client,
      "User",
      [["id", "uuid"], ["email", "text"], ["passwordHash", "text"], ["displayName", "text"], ["role", '"Role"'], ["federationId", "uuid"]],
      federations.map((f) => [f.admin.id, f.admin.email, passwordHash, `Admin ${f.name}`, "FEDERATION_ADMIN", f.id]),
    );

    // Communes: towns of 800+ inhabitants, weighted by √population (MSPs are spread, not only in cities).
    const communes = [...db.communesByCode().values()].filter((c) => c.population >= 800 && federationOfDep.has(c.departementCode));
    const weights = communes.map((c) => Math.sqrt(c.population));
    /** @type {number[]} */
    const cumulative = [];
    let total = 0;
    for (const w of weights) cumulative.push((total += w));
    const pickCommune = () => {
      const x = rnd() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
        else hi = mid;
      }
      return communes[lo];
    };

    // Projects: signature years following signedByYear (the first 400 signed in 2016, …); 390 not signed yet.
    /** @type {number[]} */
    const signYears = [];
    let previous = 0;
    for (let year = NATIONAL.firstYear; year <= NATIONAL.lastYear; year++) {
      const cumulativeSigned = /** @type {Record<number, number>} */ (NATIONAL.signedByYear)[year] ?? previous;
      for (let k = previous; k < cumulativeSigned; k++) signYears.push(year);
      previous = cumulativeSigned;
    }
    const names = new Map();
    const projects = Array.from({ length: NATIONAL.projects }, (_, i) => {
      const commune = pickCommune();
      if (!commune) throw new Error("no commune");
      const base = `MSP de ${commune.name}`;
      const n = (names.get(base) ?? 0) + 1;
      names.set(base, n);
      const name = n === 1 ? base : `${base} ${n}`;
      const federation = federationOfDep.get(commune.departementCode);
      if (!federation) throw new Error(`no federation for ${commune.departementCode}`);
      federation.projects++;
      return {
        id: uuid(rnd),
        federationId: federation.id,
        name,
        commune,
        signYear: signYears[i] ?? null,
        signMonth: between(rnd, 1, 12),
        patients: patientele(rnd),
        professionals: between(rnd, 8, 30),
      };
    });
    const now = new Date();
    await insertRows(
      client,
      "MspProject",
      [["id", "uuid"], ["federationId", "uuid"], ["name", "text"], ["communeCode", "text"], ["communeName", "text"], ["cogYear", "int"], ["searchText", "text"], ["departementCode", "text"], ["stage", '"ProjectStage"'], ["status", '"ProjectStatus"'], ["legalForm", '"LegalForm"'], ["updatedAt", "timestamptz"]],
      projects.map((p) => [p.id, p.federationId, p.name, p.commune.code, p.commune.name, db.COG_YEAR, domain.normalizeSearchText(`${p.name} ${p.commune.name}`), p.commune.departementCode, "EN_FONCTIONNEMENT", "ACTIVE", "SISA", now]),
    );
    // Stage states: every stage before EN_FONCTIONNEMENT completed (the pipeline's view of a running MSP).
    const stages = /** @type {string[]} */ (domain.PROJECT_STAGES);
    await insertRows(
      client,
      "ProjectStageState",
      [["projectId", "uuid"], ["stage", '"ProjectStage"'], ["startedAt", "timestamptz"], ["completedAt", "timestamptz"]],
      projects.flatMap((p) => {
        const opened = new Date(Date.UTC((p.signYear ?? 2025) - 1, p.signMonth - 1, 1));
        return stages.map((stage) => [p.id, stage, opened, stage === "EN_FONCTIONNEMENT" ? null : opened]);
      }),
    );

    // Periods.
    const signedBefore2020 = projects.filter((p) => p.signYear !== null && p.signYear < 2020);
    const ipepMembers = new Set(projects.filter((p) => p.signYear !== null && rnd() < NATIONAL.ipepShare).map((p) => p.id));
    const signed = projects.filter((p) => p.signYear !== null);
    // PEPS 1 teams (signed early), then PEPS 2 teams in 2025 (§4.2: 10 teams selected nationally).
    const peps1 = signedBefore2020.slice(0, 15).map((p) => p.id);
    const peps2 = signed.slice(400, 410).map((p) => p.id);
    /** @param {number} year */
    const pepsTeams = (year) => {
      const count = /** @type {Record<number, number>} */ (NATIONAL.pepsByYear)[year] ?? 0;
      return new Set(year < 2025 ? peps1.slice(0, count) : [...peps1.slice(0, count - peps2.length), ...peps2]);
    };
    /** @type {unknown[][]} */
    const periods = [];
    const counts = { ACI: 0, PEPS: 0, IPEP: 0 };
    for (let year = NATIONAL.firstYear; year <= NATIONAL.lastYear; year++) {
      const peps = pepsTeams(year);
      for (const p of projects) {
        if (p.signYear === null || p.signYear > year) continue;
        const approvedAt = new Date(Date.UTC(year + 1, 4, 15));
        const aci = evaluate("ACI", year, aciInputs(rnd, { ...p, signYear: p.signYear }, year));
        periods.push([uuid(rnd), p.federationId, p.id, "ACI", year, "APPROVED", JSON.stringify(aci.inputs), JSON.stringify(aci.outputs), aci.referenceId, approvedAt, approvedAt, approvedAt, now]);
        counts.ACI++;
        if (peps.has(p.id)) {
          const r = evaluate("PEPS", year, pepsInputs(rnd, p.patients, year));
          periods.push([uuid(rnd), p.federationId, p.id, "PEPS", year, "APPROVED", JSON.stringify(r.inputs), JSON.stringify(r.outputs), r.referenceId, approvedAt, approvedAt, approvedAt, now]);
          counts.PEPS++;
        }
        if (year >= 2020 && ipepMembers.has(p.id)) {
          const r = evaluate("IPEP", year, ipepInputs(rnd, p.name, p.patients));
          periods.push([uuid(rnd), p.federationId, p.id, "IPEP", year, "APPROVED", JSON.stringify(r.inputs), JSON.stringify(r.outputs), r.referenceId, approvedAt, approvedAt, approvedAt, now]);
          counts.IPEP++;
        }
      }
    }
    log(`national dataset: ${periods.length} periods computed in ${Date.now() - started} ms; inserting`);
    await insertRows(
      client,
      "ResultPeriod",
      [["id", "uuid"], ["federationId", "uuid"], ["projectId", "uuid"], ["programme", '"Programme"'], ["year", "int"], ["status", '"PeriodStatus"'], ["inputs", "jsonb"], ["outputs", "jsonb"], ["ruleSetId", "text"], ["submittedAt", "timestamptz"], ["approvedAt", "timestamptz"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"]],
      periods,
    );
    await client.query(`ANALYZE "MspProject"; ANALYZE "ResultPeriod"`);
    const byFederation = federations.map((f) => ({ id: f.id, slug: f.slug, name: f.name, regionCode: f.regionCode, departements: f.departements, admin: f.admin, projects: f.projects }));
    return {
      federations: byFederation,
      projectIds: projects.map((p) => p.id),
      counts: { federations: federations.length, projects: projects.length, signedBy2025: signed.length, periods: periods.length, byProgramme: counts, ipepMembers: ipepMembers.size },
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await client.end();
  }
}
