/**
 * research-aggregate: `researchAggregate` with three dimensions (year × région × size band) over the national
 * dataset (src/datasets/national.mjs: 15 federations, 2,640 running MSPs, ten years of approved periods), through the
 * GraphQL API (Mercurius, production build), against the equivalent raw SQL GROUP BY CUBE on the same data (no
 * disclosure control), run from this process over one pg connection.
 *
 * Every measured API request is a new question: the researcher's stored answers are deleted before it, so each one
 * runs the whole path (data version, records with their permanent keys, cube, disclosure control with its LP audit,
 * perturbation, storing the answer and the audit event) instead of returning the cached answer. The share of time
 * spent in protection (suppression + perturbation) is measured in this process on the same records (releaseCube of
 * @maillage/domain with the HiGHS solver).
 *
 * Utility (docs/research.md, "Utility"): per measure and breakdown, on the same national records with keys drawn
 * by the API's own derivation (recordKeysFromSecret) from a random secret, the share of cells published and the relative error of the
 * published cells against the true aggregates — all cells, and cells of 20 MSPs or more.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

import pg from "pg";

import { buildNationalDataset } from "../datasets/national.mjs";
import { startApi } from "../lib/api.mjs";
import { connectionConfig } from "../lib/pg-url.mjs";
import { login, postJson } from "../lib/http.mjs";
import { round } from "../lib/load.mjs";
import { table } from "../lib/results.mjs";

const SAMPLES = 9;
const RESEARCHER = { email: "chercheur@bench.maillage.fr", password: "maillage-demo" };
const QUERY = `query R($input: ResearchAggregateInput!) { researchAggregate(input: $input) {
  cellCount suppressedCount cached cells { coordinates { dimension value } value suppressed reason } } }`;

const QUESTIONS = [
  { id: "msp-count", input: { measure: "MSP_COUNT", groupBy: ["YEAR", "REGION", "SIZE_BAND"] }, sqlMeasure: "count(*)::float8" },
  { id: "aci-total", input: { measure: "ACI_AMOUNT_TOTAL", groupBy: ["YEAR", "REGION", "SIZE_BAND"] }, sqlMeasure: "sum(aci_eur) FILTER (WHERE aci_eur IS NOT NULL)" },
];

/** The equivalent GROUP BY: one record per MSP-year (size band from its ACI patientèle, else its largest period). */
const rawSql = (/** @type {string} */ measure) => `
WITH y AS (
  SELECT rp."projectId", rp.year, d."regionCode",
    coalesce(max((rp.outputs->'summary'->>'patients')::float8) FILTER (WHERE rp.programme = 'ACI'), max((rp.outputs->'summary'->>'patients')::float8)) AS patients,
    max((rp.outputs->'summary'->>'computedEur')::float8) FILTER (WHERE rp.programme = 'ACI') AS aci_eur
  FROM "ResultPeriod" rp
  JOIN "Federation" f ON f.id = rp."federationId" AND f."researchOptIn"
  JOIN "MspProject" p ON p.id = rp."projectId"
  JOIN "Departement" d ON d.code = p."departementCode"
  WHERE rp.status = 'APPROVED'
  GROUP BY rp."projectId", rp.year, d."regionCode"
)
SELECT year::text AS year, "regionCode" AS region,
  CASE WHEN patients < 4000 THEN 'LT_4000' WHEN patients < 8000 THEN '4000_7999' WHEN patients < 12000 THEN '8000_11999' ELSE 'GE_12000' END AS band,
  ${measure} AS value, count(DISTINCT "projectId")::int AS msps
FROM y GROUP BY CUBE (1, 2, 3)`;

/** The breakdowns and measures of the utility table. */
const UTILITY_MEASURES = ["MSP_COUNT", "PATIENTS", "ACI_AMOUNT_TOTAL", "PEPS_FORFAIT_TOTAL", "IPEP_INCENTIVE_TOTAL", "PEPS_FORFAIT_PER_PATIENT"];
const UTILITY_BREAKDOWNS = [["YEAR", "REGION", "SIZE_BAND"], ["YEAR", "DEPARTEMENT"], ["YEAR", "EXPERIMENT", "RURALITY"]];

const quantile = (/** @type {number[]} */ xs, /** @type {number} */ q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) : 0;
};

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const apiModule = (/** @type {string} */ rel) => import(pathToFileURL(fileURLToPath(new URL(`../../../apps/api/dist/src/modules/research/${rel}`, import.meta.url))).href);

/** @type {import("../run.mjs").Benchmark} */
export default {
  name: "research-aggregate",
  description:
    "researchAggregate (3 dimensions: year × région × size band) on the national dataset through GraphQL, every request a new question (full disclosure control), " +
    "versus the same GROUP BY CUBE in raw SQL; share of time in disclosure control; share of cells suppressed.",

  async run(ctx) {
    ctx.log("building the national dataset (src/datasets/national.mjs)");
    const dataset = await buildNationalDataset(ctx.databaseUrl, { log: ctx.log });
    const client = new pg.Client(connectionConfig(ctx.databaseUrl));
    await client.connect();
    try {
      // Every federation of the dataset shares its results with research; one researcher account.
      await client.query(`UPDATE "Federation" SET "researchOptIn" = true`);
      await client.query(
        `INSERT INTO "User" (id, email, "passwordHash", "displayName", role, "federationId")
         SELECT gen_random_uuid(), $1, "passwordHash", 'Chercheuse (banc)', 'RESEARCHER', "federationId" FROM "User" WHERE email = 'chercheur@demo.maillage.fr'
         ON CONFLICT (email) DO NOTHING`,
        [RESEARCHER.email],
      );
      const { rows: periodRows } = await client.query(`SELECT count(*)::int AS n FROM "ResultPeriod" WHERE status = 'APPROVED'`);

      ctx.log("mercurius: starting the API (NODE_ENV=production)");
      const api = await startApi({ databaseUrl: ctx.databaseUrl, driver: "mercurius" });
      /** @type {Record<string, any>} */
      const results = {};
      try {
        const cookie = await login(api.baseUrl, RESEARCHER);
        const headers = { "content-type": "application/json", cookie };
        const { RESEARCH_PERIODS_SQL } = await apiModule("research.repository.js");
        const { contributorRecords } = await apiModule("research.records.js");
        const { MEASURES } = await apiModule("research.catalog.js");
        const domain = await import("@maillage/domain");
        const { createHighsLpSolver } = await import("@maillage/lp");
        const { communesByCode } = (await import("@maillage/db")).default ?? (await import("@maillage/db"));
        const solver = await createHighsLpSolver();
        const communes = communesByCode();
        // Keys drawn exactly as the API draws them (research.keys.ts), from a secret of this run.
        const { recordKeysFromSecret } = await apiModule("research.keys.js");
        const keysOf = recordKeysFromSecret(randomBytes(32));

        for (const q of QUESTIONS) {
          ctx.log(`${q.id}: ${SAMPLES} new questions on new data versions (cold), then ${SAMPLES} on the same version (warm)`);
          /** @param {boolean} cold */
          const newQuestion = async (cold, /** @type {number} */ i) => {
            await client.query(`DELETE FROM "ResearchAnswer"`);
            // A new data version, as after an approval: one approved period is touched (its updatedAt moves) inside a
            // transaction that declares the unlock, as the API's audited path does; the figures do not change.
            if (cold) {
              await client.query("BEGIN");
              const { rows: one } = await client.query(`SELECT id FROM "ResultPeriod" WHERE status = 'APPROVED' ORDER BY id LIMIT 1`);
              await client.query(`SELECT set_config('maillage.unlock_period', $1, true)`, [one[0]?.id]);
              await client.query(`UPDATE "ResultPeriod" SET "updatedAt" = now() WHERE id = $1`, [one[0]?.id]);
              await client.query("COMMIT");
            }
            const t0 = performance.now();
            const res = await postJson(`${api.baseUrl}/graphql`, { query: QUERY, variables: { input: q.input } }, headers);
            const ms = performance.now() - t0;
            const a = res.json?.data?.researchAggregate;
            if (res.status !== 200 || !a || a.cached) throw new Error(`${q.id}: unexpected answer ${res.text.slice(0, 300)}`);
            return { ms, a };
          };
          /** @type {number[]} */
          const apiMs = [];
          /** @type {number[]} */
          const warmMs = [];
          /** @type {any} */
          let answer;
          for (let i = 0; i < SAMPLES + 1; i++) {
            const { ms, a } = await newQuestion(true, i);
            if (i > 0) apiMs.push(ms); // the first request warms the process up
            answer = a;
          }
          for (let i = 0; i < SAMPLES; i++) warmMs.push((await newQuestion(false, i)).ms);
          // A repeated question: the stored answer.
          const t1 = performance.now();
          const cachedRes = await postJson(`${api.baseUrl}/graphql`, { query: QUERY, variables: { input: q.input } }, headers);
          const cachedMs = performance.now() - t1;
          if (!cachedRes.json?.data?.researchAggregate?.cached) throw new Error(`${q.id}: the repeated question was not answered from the store`);

          ctx.log(`${q.id}: raw SQL GROUP BY CUBE`);
          /** @type {number[]} */
          const sqlMs = [];
          /** @type {any[]} */
          let sqlRows = [];
          for (let i = 0; i < SAMPLES + 1; i++) {
            const t0 = performance.now();
            const r = await client.query(rawSql(q.sqlMeasure));
            if (i > 0) sqlMs.push(performance.now() - t0);
            sqlRows = r.rows;
          }
          // Published cells are the raw aggregate, perturbed within the stated bounds.
          const raw = new Map(sqlRows.map((/** @type {any} */ r) => [`${r.year ?? "*"}|${r.region ?? "*"}|${r.band ?? "*"}`, Number(r.value)]));
          const bound = domain.maxRelativeError();
          let compared = 0;
          for (const cell of answer.cells) {
            if (cell.suppressed) continue;
            const k = cell.coordinates.map((/** @type {any} */ c) => c.value ?? "*").join("|");
            const expected = raw.get(k) ?? 0;
            const v = cell.value ?? 0;
            const ok = q.input.measure === "MSP_COUNT" ? v % 3 === 0 && Math.abs(v - expected) <= 2 : Math.abs(v - expected) <= bound * Math.abs(expected) + 0.01;
            if (!ok) throw new Error(`${q.id}: cell ${k} = ${v}, raw SQL says ${expected}: outside the perturbation's bounds`);
            compared += 1;
          }

          ctx.log(`${q.id}: protection alone (suppression + perturbation), in process`);
          const { rows } = await client.query(RESEARCH_PERIODS_SQL, [null]);
          /** @type {any[]} */
          const records = contributorRecords(rows, q.input.measure, communes, keysOf);
          /** @type {Record<string, string[]>} */
          const labels = { YEAR: [...new Set(records.map((r) => r.dimensions.YEAR))].sort(), REGION: [...new Set(records.map((r) => r.dimensions.REGION))].sort(), SIZE_BAND: domain.MSP_SIZE_BANDS.filter((/** @type {string} */ b) => records.some((r) => r.dimensions.SIZE_BAND === b)) };
          const dims = q.input.groupBy.map((d) => ({ id: /** @type {any} */ (d), categories: labels[d] ?? [] }));
          /** @type {number[]} */
          const protectMs = [];
          for (let i = 0; i < SAMPLES + 1; i++) {
            const t0 = performance.now();
            const p = domain.releaseCube({ dimensions: dims, measure: MEASURES[q.input.measure].spec, records, thresholds: domain.DEFAULT_DISCLOSURE_THRESHOLDS, solver });
            if (!p.ok) throw new Error(JSON.stringify(p.error).slice(0, 300));
            if (i > 0) protectMs.push(performance.now() - t0);
          }
          const apiMedian = median(apiMs);
          const sql = median(sqlMs);
          results[q.id] = {
            question: q.input,
            cells: answer.cellCount,
            suppressed: answer.suppressedCount,
            suppressedShare: round(answer.suppressedCount / answer.cellCount, 3),
            byReason: answer.cells.filter((/** @type {any} */ c) => c.suppressed).reduce((/** @type {Record<string, number>} */ acc, /** @type {any} */ c) => ({ ...acc, [c.reason]: (acc[c.reason] ?? 0) + 1 }), /** @type {Record<string, number>} */ ({})),
            publishedCellsComparedWithRawSql: compared,
            apiMs: round(apiMedian, 1),
            apiMsSamples: apiMs.map((x) => round(x, 1)),
            apiWarmMs: round(median(warmMs), 1),
            apiWarmMsSamples: warmMs.map((x) => round(x, 1)),
            ratioWarmApiVsRawSql: round(median(warmMs) / sql, 2),
            cachedAnswerMs: round(cachedMs, 1),
            rawSqlMs: round(sql, 1),
            rawSqlMsSamples: sqlMs.map((x) => round(x, 1)),
            ratioApiVsRawSql: round(apiMedian / sql, 2),
            protectionMs: round(median(protectMs), 1),
            protectionShareOfApi: round(median(protectMs) / apiMedian, 3),
          };
        }

        ctx.log("utility: share of cells published and relative error of the published cells, per measure and breakdown");
        /** @type {any[]} */
        const utility = [];
        for (const measure of UTILITY_MEASURES) {
          const { rows: periodRowsOfMeasure } = await client.query(RESEARCH_PERIODS_SQL, [null]);
          /** @type {any[]} */
          const records = contributorRecords(periodRowsOfMeasure, measure, communes, keysOf);
          const spec = MEASURES[measure].spec;
          for (const groupBy of UTILITY_BREAKDOWNS) {
            const dims = groupBy.map((d) => ({ id: /** @type {any} */ (d), categories: [...new Set(records.map((r) => r.dimensions[d]))].sort() }));
            const released = domain.releaseCube({ dimensions: dims, measure: spec, records, thresholds: domain.DEFAULT_DISCLOSURE_THRESHOLDS, solver });
            const truth = domain.buildCubeFromRecords({ dimensions: dims, measures: [spec], records: records.map(({ keys: _k, ...r }) => r) });
            if (!released.ok || !truth.ok) throw new Error(`utility ${measure}: cube failed`);
            const truthByKey = new Map(truth.value.cube.cells.map((c) => [JSON.stringify(c.coordinates), c.measures[measure]]));
            /** @type {number[]} */
            const errors = [];
            /** @type {number[]} */
            const errorsLarge = [];
            let published = 0;
            for (const cell of released.value.cells) {
              if (cell.suppressed) continue;
              published += 1;
              const t = truthByKey.get(JSON.stringify(cell.coordinates));
              if (!t || cell.value === null) continue;
              const trueValue = spec.kind === "MEAN" || spec.kind === "RATE" ? (t.denominator ? t.value / t.denominator : null) : t.value;
              if (trueValue === null || trueValue === 0) continue;
              const e = Math.abs(cell.value - trueValue) / Math.abs(trueValue);
              errors.push(e);
              if (t.contributors >= 20) errorsLarge.push(e);
            }
            const pct = (/** @type {number} */ x) => round(100 * x, 2);
            const mean = (/** @type {number[]} */ xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
            utility.push({
              measure,
              groupBy: groupBy.join(" × "),
              cells: released.value.cells.length,
              publishedShare: round(published / released.value.cells.length, 3),
              meanRelativeErrorPercent: pct(mean(errors)),
              maxRelativeErrorPercent: pct(Math.max(0, ...errors)),
              cells20Plus: errorsLarge.length,
              meanRelativeErrorPercent20Plus: pct(mean(errorsLarge)),
              p95RelativeErrorPercent20Plus: pct(quantile(errorsLarge, 0.95)),
              maxRelativeErrorPercent20Plus: pct(Math.max(0, ...errorsLarge)),
              share20PlusUnder5Percent: round(errorsLarge.filter((e) => e < 0.05).length / Math.max(1, errorsLarge.length), 3),
            });
          }
        }
        results.utility = utility;
      } finally {
        await api.stop();
      }
      return {
        settings: { samples: SAMPLES, apiEnv: { NODE_ENV: "production", GRAPHQL_DRIVER: "mercurius" } },
        dataset: { ...dataset.counts, approvedPeriodsInDatabase: periodRows[0]?.n, buildSeconds: dataset.seconds },
        questions: Object.fromEntries(Object.entries(results).filter(([k]) => k !== "utility")),
        utility: results.utility,
        perturbation: { ...(await import("@maillage/domain")).DEFAULT_PERTURBATION },
        notes: [
          "apiMs: median time of a whole GraphQL request for a NEW question on a NEW data version (stored answers deleted and one approved period touched before each, so the API reads the periods again) — the first question after an approval; apiWarmMs: a new question on a data version already read (the API keeps the period rows per version) — the next questions of a session; cachedAnswerMs: the same question asked again (stored answer).",
          "rawSqlMs: median time of the equivalent GROUP BY CUBE over one pg connection from this process — no HTTP, no authentication, no disclosure control: a floor, not a competitor.",
          "protectionMs: releaseCube (cube with perturbed sums and cell keys, primary rules, hypercubes, LP audit when needed, published values) on the same records, in this process; its share is relative to apiMs.",
          "Every published cell was checked against the raw aggregate: counts a multiple of 3 at most 2 away, amounts within the stated maximum relative error.",
          "utility: published share and relative error of published cells against the true aggregate of the same records (means: the ratio); cells20Plus: cells of 20 MSPs or more.",
        ],
      };
    } finally {
      await client.end();
    }
  },

  summarize(record) {
    const r = /** @type {any} */ (record);
    return [
      `dataset: ${r.dataset.federations} federations, ${r.dataset.projects} MSPs, ${r.dataset.approvedPeriodsInDatabase} approved periods`,
      table(
        ["question", "cells", "suppressed", "API ms (new version)", "API ms (same version)", "cached ms", "raw SQL ms", "API/raw (new)", "API/raw (same)", "protection ms", "share"],
        Object.entries(r.questions).map(([id, q]) => [id, q.cells, `${q.suppressed} (${Math.round(q.suppressedShare * 100)} %)`, q.apiMs, q.apiWarmMs, q.cachedAnswerMs, q.rawSqlMs, q.ratioApiVsRawSql, q.ratioWarmApiVsRawSql, q.protectionMs, `${Math.round(q.protectionShareOfApi * 100)} %`]),
      ),
      table(
        ["measure", "breakdown", "cells", "published", "mean err %", "max err %", "cells ≥ 20 MSP", "mean err % (≥ 20)", "p95 % (≥ 20)", "max % (≥ 20)", "≥ 20 under 5 %"],
        (r.utility ?? []).map((/** @type {any} */ u) => [u.measure, u.groupBy, u.cells, `${Math.round(u.publishedShare * 100)} %`, u.meanRelativeErrorPercent, u.maxRelativeErrorPercent, u.cells20Plus, u.meanRelativeErrorPercent20Plus, u.p95RelativeErrorPercent20Plus, u.maxRelativeErrorPercent20Plus, `${Math.round(u.share20PlusUnder5Percent * 100)} %`]),
      ),
    ].join("\n");
  },
};
