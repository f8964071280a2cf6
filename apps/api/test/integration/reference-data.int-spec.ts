/**
 * Versioned reference data per federation (ADR 0009): PEPS tables imported from real CSV and XLSX files over HTTP,
 * ACI rows « à vérifier » edited and verified by an admin, IPEP parameters — and the result periods computing with
 * them. Expected figures come from direct `evaluatePeriod` calls with the same reference data, never hard-coded.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import {
  ACI_RULE_SETS,
  DEFAULT_RESULTS_REFERENCE_DATA as REF,
  evaluatePeriod,
  ILLUSTRATIVE_PEPS_TABLE,
  type IpepParameters,
  type PepsCoefficientTable,
  type Programme,
  type ResultsReferenceData,
} from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toXlsx } from "../../src/common/spreadsheet.js";
import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const FED1 = DEMO_IDS.federations.nouvelleAquitaine;
const P1 = DEMO_IDS.projects.msp;
const P2 = DEMO_IDS.projects.msp2;
const PREFLIGHT = { "apollo-require-preflight": "true" };

/** The table a CPAM would send (values made up for the test). */
const TABLE: PepsCoefficientTable = {
  id: "PEPS2_GIRONDE",
  label: "PEPS 2 — CPAM de la Gironde (test)",
  illustrative: false,
  basePerPatientEur: 92.5,
  ageBands: [
    { band: "0-15", minAge: 0, maxAge: 15, coefficient: 0.9 },
    { band: "16-64", minAge: 16, maxAge: 64, coefficient: 1 },
    { band: "65+", minAge: 65, maxAge: null, coefficient: 1.75 },
  ],
  sexCoefficients: { F: 1.04, M: 1 },
  aldCoefficients: [
    { count: 0, coefficient: 1 },
    { count: 1, coefficient: 1.5 },
  ],
  precariteCoefficient: 1.15,
  qualityBonusMaxRate: 0.05,
  feeForServiceCapRate: 0.2,
};

const fr = (n: number) => String(n).replace(".", ",");
/** The file layout of docs/results.md « Données de référence », written as a French spreadsheet would. */
function fileRows(t: PepsCoefficientTable): string[][] {
  return [
    ["type", "cle", "min", "max", "valeur"],
    ["table", "code", "", "", t.id],
    ["table", "libelle", "", "", t.label],
    ["table", "illustratif", "", "", t.illustrative ? "oui" : "non"],
    ["base", "", "", "", fr(t.basePerPatientEur)],
    ...t.ageBands.map((b) => ["age", b.band, String(b.minAge), b.maxAge === null ? "" : String(b.maxAge), fr(b.coefficient)]),
    ["sexe", "F", "", "", fr(t.sexCoefficients?.F ?? 1)],
    ["sexe", "M", "", "", fr(t.sexCoefficients?.M ?? 1)],
    ...t.aldCoefficients.map((a) => ["ald", String(a.count), "", "", fr(a.coefficient)]),
    ["precarite", "", "", "", fr(t.precariteCoefficient)],
    ["bonus_qualite", "", "", "", `${fr(t.qualityBonusMaxRate * 100)} %`],
    ["plafond", "", "", "", t.feeForServiceCapRate === null ? "" : fr(t.feeForServiceCapRate)],
  ];
}
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`, "utf8");

type Answer = { status: number; headers: Headers; body: any };
async function importFile(t: TestApp, who: GqlClient | null, file: { name: string; bytes: Buffer } | null, headers: Record<string, string> = PREFLIGHT): Promise<Answer> {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  else form.append("note", "rien");
  const res = await fetch(`${t.url}/reference/peps-tables`, { method: "POST", headers: { ...(who?.cookie ? { cookie: who.cookie } : {}), ...headers }, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const REFERENCE_QUERY = `{ resultsReferenceData {
  pepsTables { code label illustrative basePerPatientEur ageBands { band minAge maxAge coefficient } sexCoefficients { F M }
    aldCoefficients { count coefficient } precariteCoefficient qualityBonusMaxRate feeForServiceCapRate source importedAt }
  aciRuleSets { code label validFrom pointValueEur referencePatients source
    indicators { code label axis type fixedPoints variablePointsPer4000 maxUnits flag source edited verifiedAt verifiedByName } }
  ipepParameters { code cEcart cEvolution shareOfSavings patientExperienceMaxPoints modulation { kind maxScore minimumScore } source } } }`;
const UPDATE_ACI = `mutation($input: UpdateAciIndicatorInput!) { updateAciIndicator(input: $input) { code source
  indicators { code fixedPoints variablePointsPer4000 flag edited verifiedAt verifiedByName } } }`;
const UPDATE_IPEP = `mutation($input: UpdateIpepParametersInput!) { updateIpepParameters(input: $input) { code cEcart cEvolution shareOfSavings patientExperienceMaxPoints modulation { kind maxScore minimumScore } source } }`;
const SAVE = `mutation($input: SaveResultPeriodInput!) { saveResultPeriod(input: $input) { id outputs ruleSetId summary { illustrative referenceId } validationErrors { field code } } }`;
const SUBMIT = `mutation($input: PeriodDecisionInput!) { submitResultPeriod(input: $input) { id status outputs ruleSetId summary { illustrative referenceId computedEur } } }`;

const stored = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const directOutputs = (programme: Programme, year: number, inputs: unknown, ref: ResultsReferenceData) => {
  const r = evaluatePeriod(programme, year, inputs, ref, new Date());
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("reference data (PEPS tables, ACI rows « à vérifier », IPEP parameters)", () => {
  let t: TestApp;
  let admin: GqlClient;
  let charge: GqlClient;
  let msp: GqlClient;
  let admin2: GqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as("admin@demo.maillage.fr");
    charge = await t.as("charge@demo.maillage.fr");
    msp = await t.as("msp@demo.maillage.fr");
    admin2 = await t.as("admin2@demo.maillage.fr");
  });
  afterAll(() => t.close());
  const prisma = () => t.running.database.prisma;

  it("gives staff and MSP members the shipped defaults, with their flags; researchers nothing", async () => {
    for (const c of [admin, charge, msp]) {
      const r: any = await c.request(REFERENCE_QUERY);
      expect(r.errors).toBeUndefined();
      const data = r.data.resultsReferenceData;
      expect(data.pepsTables).toEqual([
        expect.objectContaining({ code: ILLUSTRATIVE_PEPS_TABLE.id, illustrative: true, source: "DEFAULT", importedAt: null, ageBands: ILLUSTRATIVE_PEPS_TABLE.ageBands }),
      ]);
      expect(data.aciRuleSets.map((rs: any) => rs.code).sort()).toEqual(Object.keys(ACI_RULE_SETS).sort());
      const av1 = data.aciRuleSets.find((rs: any) => rs.code === "ACI2017_AV1");
      expect(av1.indicators.map((i: any) => [i.code, i.flag, i.fixedPoints])).toEqual(ACI_RULE_SETS.ACI2017_AV1.indicators.map((i) => [i.code, i.flag, i.fixedPoints]));
      expect(data.ipepParameters).toEqual([expect.objectContaining({ code: "IPEP_2022", cEcart: 1 / 3, cEvolution: 2 / 3, modulation: { kind: "NONE", maxScore: null, minimumScore: null } })]);
    }
    const researcher = await t.as("chercheur@demo.maillage.fr");
    expect(GqlClient.code(await researcher.request(REFERENCE_QUERY))).toBe("FORBIDDEN");
  });

  it("serves the file template as CSV and XLSX, and both import back", async () => {
    const get = (who: GqlClient | null, format: string) => fetch(`${t.url}/reference/peps-tables/template?format=${format}`, { headers: who?.cookie ? { cookie: who.cookie } : {} });
    expect((await get(null, "csv")).status).toBe(401);
    const csvAnswer = await get(charge, "csv");
    expect(csvAnswer.status).toBe(200);
    expect(csvAnswer.headers.get("content-type")).toMatch(/text\/csv/);
    const csvText = Buffer.from(await csvAnswer.arrayBuffer()).toString("utf8");
    expect(csvText.startsWith("\uFEFFtype;cle;min;max;valeur")).toBe(true);
    const fromCsv = await importFile(t, admin, { name: "modele.csv", bytes: Buffer.from(csvText.replace("MA_TABLE_PEPS", "MODELE_CSV"), "utf8") });
    expect(fromCsv.status, JSON.stringify(fromCsv.body)).toBe(201);
    expect(fromCsv.body).toMatchObject({ code: "MODELE_CSV", illustrative: true, source: "IMPORTED", ageBands: ILLUSTRATIVE_PEPS_TABLE.ageBands });

    const xlsxAnswer = await get(admin, "xlsx");
    expect(xlsxAnswer.headers.get("content-type")).toMatch(/spreadsheetml/);
    const xlsx = Buffer.from(await xlsxAnswer.arrayBuffer());
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
    const fromXlsx = await importFile(t, admin, { name: "modele.xlsx", bytes: xlsx });
    expect(fromXlsx.status, JSON.stringify(fromXlsx.body)).toBe(201);
    const { id: _id, label: _label, illustrative: _i, ...values } = ILLUSTRATIVE_PEPS_TABLE;
    expect(fromXlsx.body).toMatchObject({ code: "MA_TABLE_PEPS", ...values, sexCoefficients: values.sexCoefficients });
  });

  it("refuses a file with errors, reporting every line in French, and stores nothing", async () => {
    const before = { datasets: await prisma().referenceDataset.count(), audit: await prisma().auditEvent.count({ where: { action: "reference.peps.import" } }) };
    const rows = fileRows({ ...TABLE, id: "PEPS_FAUX" }).filter((r) => r[0] !== "base");
    rows[5] = ["age", "0-15", "0", "15", "beaucoup"]; // line 6: not a number
    rows.push(["tarif", "", "", "", "3"]); // unknown type
    rows.push(["sexe", "X", "", "", "1"]); // unknown sex
    rows.push(["age", "70+", "70", "", "2"]); // overlaps 65+ (domain check)
    const r = await importFile(t, admin, { name: "table.csv", bytes: csv(rows) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("BAD_USER_INPUT");
    const problems = r.body.error.problems as { line: number | null; code: string; message: string }[];
    expect(problems.map((p) => [p.line, p.code])).toEqual(
      expect.arrayContaining([
        [6, "PEPS_FILE.NOT_A_NUMBER"],
        [rows.length - 2, "PEPS_FILE.TYPE_UNKNOWN"],
        [rows.length - 1, "PEPS_FILE.SEX_INVALID"],
        [null, "PEPS_FILE.ROW_REQUIRED"],
      ]),
    );
    for (const p of problems) expect(p.message).toMatch(p.line === null ? /^[A-ZÉ]/ : new RegExp(`^Ligne ${p.line} : `));
    // Once the file is readable, the domain's checks speak (bands must not overlap).
    const overlapping = fileRows({ ...TABLE, id: "PEPS_FAUX" });
    overlapping.push(["age", "70+", "70", "", "2"]);
    const domain = await importFile(t, admin, { name: "table.csv", bytes: csv(overlapping) });
    expect(domain.status).toBe(400);
    expect(domain.body.error.problems.length).toBeGreaterThan(0);
    expect(domain.body.error.problems.every((p: { code: string }) => p.code.startsWith("PEPS."))).toBe(true);
    const unreadable = await importFile(t, admin, { name: "table.csv", bytes: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]) });
    expect(unreadable.status).toBeGreaterThanOrEqual(400);
    expect(await prisma().referenceDataset.count()).toBe(before.datasets);
    expect(await prisma().auditEvent.count({ where: { action: "reference.peps.import" } })).toBe(before.audit);
  });

  it("lets only a federation admin import, with the anti-CSRF header", async () => {
    const file = { name: "table.csv", bytes: csv(fileRows(TABLE)) };
    expect((await importFile(t, null, file)).status).toBe(401);
    expect((await importFile(t, charge, file)).body.error.code).toBe("FORBIDDEN");
    expect((await importFile(t, msp, file)).status).toBe(403);
    expect((await importFile(t, admin, file, {})).body.error.code).toBe("CSRF_PREVENTED");
    expect((await importFile(t, admin, null)).status).toBe(400);
    const json = await fetch(`${t.url}/reference/peps-tables`, { method: "POST", headers: { cookie: admin.cookie ?? "", "content-type": "application/json", ...PREFLIGHT }, body: "{}" });
    expect(json.status).toBe(400);
    expect(await prisma().referenceDataset.count({ where: { code: TABLE.id } })).toBe(0);
  });

  it("uses an imported table for the federation's later submissions, and only in that federation", async () => {
    const xlsx = await toXlsx("Table PEPS", fileRows(TABLE)[0] as string[], fileRows(TABLE).slice(1));
    const r = await importFile(t, admin, { name: "PEPS2 Gironde.xlsx", bytes: xlsx });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ code: TABLE.id, label: TABLE.label, illustrative: false, source: "IMPORTED" });
    const listed: any = await msp.request(REFERENCE_QUERY);
    const table = listed.data.resultsReferenceData.pepsTables.find((p: any) => p.code === TABLE.id);
    const { id: _id, ...values } = TABLE;
    expect(table).toMatchObject({ ...values, source: "IMPORTED" });
    expect(new Date(table.importedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "reference.peps.import", summary: { path: ["code"], equals: TABLE.id } } });
    expect(audit.summary).toMatchObject({ after: stored(TABLE), before: null, fileName: "PEPS2 Gironde.xlsx" });

    const inputs = {
      tableId: TABLE.id,
      scope: "PATIENTELE_MT",
      patientele: 900,
      groups: [
        { ageBand: "16-64", sex: "F", aldCount: 0, precarite: false, patients: 600 },
        { ageBand: "65+", sex: "M", aldCount: 3, precarite: true, patients: 300 },
      ],
      daysInScope: 365,
      daysInPeriod: 365,
      qualityScore: 0.5,
      qualityIndicators: [],
      forfaitReceivedEur: 120_000,
      feeForServiceEquivalentEur: 110_000,
      internalSplit: [],
    };
    const saved: any = await msp.request(SAVE, { input: { projectId: P1, programme: "PEPS", year: 2022, inputs } });
    const submitted: any = await msp.request(SUBMIT, { input: { id: saved.data.saveResultPeriod.id } });
    expect(submitted.errors).toBeUndefined();
    const expected = directOutputs("PEPS", 2022, inputs, { ...REF, pepsTables: { ...REF.pepsTables, [TABLE.id]: TABLE } });
    expect(submitted.data.submitResultPeriod).toMatchObject({ status: "SUBMITTED", ruleSetId: TABLE.id, outputs: stored(expected.outputs), summary: { illustrative: false } });

    // Another federation neither sees nor computes with it.
    const other: any = await admin2.request(REFERENCE_QUERY);
    expect(other.data.resultsReferenceData.pepsTables.map((p: any) => p.code)).not.toContain(TABLE.id);
    const msp2 = await t.as("msp2@demo.maillage.fr");
    const elsewhere: any = await msp2.request(SAVE, { input: { projectId: P2, programme: "PEPS", year: 2022, inputs } });
    expect(elsewhere.data.saveResultPeriod).toMatchObject({ ruleSetId: null, outputs: {} });
    expect(elsewhere.data.saveResultPeriod.validationErrors).toContainEqual({ field: "tableId", code: "PERIOD.REFERENCE_UNKNOWN" });
  });

  it("lets an admin correct and verify an ACI row « à vérifier », audited, and periods compute with it", async () => {
    const row = ACI_RULE_SETS.ACI2017_AV1.indicators.find((i) => i.code === "REPONSE_CRISES_SANITAIRES")!;
    expect(row.flag).not.toBe("CONFIRMED");
    const input = { ruleSetCode: "ACI2017_AV1", code: row.code, fixedPoints: row.fixedPoints + 20, variablePointsPer4000: row.variablePointsPer4000, markVerified: true };
    expect(GqlClient.code(await charge.request(UPDATE_ACI, { input }))).toBe("FORBIDDEN");
    expect(GqlClient.code(await msp.request(UPDATE_ACI, { input }))).toBe("FORBIDDEN");
    const r: any = await admin.request(UPDATE_ACI, { input });
    expect(r.errors).toBeUndefined();
    const edited = r.data.updateAciIndicator.indicators.find((i: any) => i.code === row.code);
    const adminUser = await prisma().user.findUniqueOrThrow({ where: { email: "admin@demo.maillage.fr" } });
    expect(edited).toMatchObject({ fixedPoints: row.fixedPoints + 20, flag: row.flag, edited: true, verifiedByName: adminUser.displayName });
    expect(edited.verifiedAt).not.toBeNull();
    expect(r.data.updateAciIndicator.source).toBe("EDITED");
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "reference.aci.update" }, orderBy: { id: "desc" } });
    expect(audit.summary).toMatchObject({ ruleSetCode: "ACI2017_AV1", indicatorCode: row.code, before: { fixedPoints: row.fixedPoints }, after: { fixedPoints: row.fixedPoints + 20 }, markVerified: true });

    // Periods of the federation compute with the corrected row.
    const patched: ResultsReferenceData = {
      ...REF,
      aciRuleSets: { ...REF.aciRuleSets, ACI2017_AV1: { ...ACI_RULE_SETS.ACI2017_AV1, indicators: ACI_RULE_SETS.ACI2017_AV1.indicators.map((i) => (i.code === row.code ? { ...i, fixedPoints: row.fixedPoints + 20 } : i)) } },
    };
    const codes = ACI_RULE_SETS.ACI2017_AV1.indicators.filter((i) => i.type !== "OPTIONNEL").map((i) => i.code);
    const inputs = { patientele: 4200, associatedProfessionals: 12, contractStart: "2021-03-01", amountReceivedEur: null, achievements: Object.fromEntries(codes.map((c) => [c, { achieved: true }])) };
    const saved: any = await msp.request(SAVE, { input: { projectId: P1, programme: "ACI", year: 2024, inputs } });
    expect(saved.data.saveResultPeriod.outputs).toEqual(stored(directOutputs("ACI", 2024, inputs, patched).outputs));
    expect(saved.data.saveResultPeriod.outputs).not.toEqual(stored(directOutputs("ACI", 2024, inputs, REF).outputs));

    // New values without a new verification: the earlier verification no longer holds.
    const again: any = await admin.request(UPDATE_ACI, { input: { ...input, fixedPoints: row.fixedPoints + 30, markVerified: false } });
    expect(again.data.updateAciIndicator.indicators.find((i: any) => i.code === row.code)).toMatchObject({ fixedPoints: row.fixedPoints + 30, verifiedAt: null, verifiedByName: null });
    // The other federation keeps the shipped values.
    const other: any = await admin2.request(REFERENCE_QUERY);
    const theirs = other.data.resultsReferenceData.aciRuleSets.find((rs: any) => rs.code === "ACI2017_AV1").indicators.find((i: any) => i.code === row.code);
    expect(theirs).toMatchObject({ fixedPoints: row.fixedPoints, edited: false, verifiedAt: null });
  });

  it("refuses to change a CONFIRMED row or an unknown one", async () => {
    const adminUser = await prisma().user.findUniqueOrThrow({ where: { email: "admin@demo.maillage.fr" } });
    // A rule set whose row a federation recorded as confirmed by the official text (no shipped row is ✅ yet).
    const dataset = await prisma().referenceDataset.create({
      data: { federationId: FED1, kind: "ACI_RULE_SET", code: "RA2015", label: "RA 2015", createdById: adminUser.id, data: { indicators: { HORAIRES_SNP: { fixedPoints: 800, variablePointsPer4000: 0, flag: "CONFIRMED" } } } },
    });
    const listed: any = await admin.request(REFERENCE_QUERY);
    expect(listed.data.resultsReferenceData.aciRuleSets.find((rs: any) => rs.code === "RA2015").indicators.find((i: any) => i.code === "HORAIRES_SNP").flag).toBe("CONFIRMED");
    const refused = await admin.request(UPDATE_ACI, { input: { ruleSetCode: "RA2015", code: "HORAIRES_SNP", fixedPoints: 900, variablePointsPer4000: 0, markVerified: true } });
    expect(GqlClient.code(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.extensions?.reason).toBe("REFERENCE.ROW_CONFIRMED");
    expect((await prisma().referenceDataset.findUniqueOrThrow({ where: { id: dataset.id } })).data).toEqual(dataset.data);
    expect(await prisma().aciIndicatorVerification.count({ where: { datasetId: dataset.id } })).toBe(0);
    const unknown = await admin.request(UPDATE_ACI, { input: { ruleSetCode: "RA2015", code: "PAS_UN_INDICATEUR", fixedPoints: 1, variablePointsPer4000: 0, markVerified: false } });
    expect(unknown.errors?.[0]?.extensions?.reason).toBe("REFERENCE.UNKNOWN_INDICATOR");
    const negative = await admin.request(UPDATE_ACI, { input: { ruleSetCode: "ACI2017_AV1", code: "DIVERSITE_SERVICES_N1", fixedPoints: -5, variablePointsPer4000: 0, markVerified: false } });
    expect(negative.errors?.[0]?.extensions?.field).toBe("fixedPoints");
  });

  it("lets an admin set IPEP parameters (C_écart + C_évolution = 1), audited, used by later periods", async () => {
    const params = { code: "IPEP_2024", cEcart: 0.5, cEvolution: 0.5, shareOfSavings: 0.5, patientExperienceMaxPoints: 20, modulation: { kind: "LINEAR", maxScore: 100, minimumScore: 20 } };
    expect(GqlClient.code(await charge.request(UPDATE_IPEP, { input: params }))).toBe("FORBIDDEN");
    const bad = await admin.request(UPDATE_IPEP, { input: { ...params, cEvolution: 0.6 } });
    expect(bad.errors?.[0]?.extensions?.field).toBe("cEvolution");
    expect(bad.errors?.[0]?.extensions?.reason).toBe("IPEP.COEFFICIENTS_SUM_NOT_ONE");
    expect(await prisma().referenceDataset.count({ where: { kind: "IPEP_PARAMETERS" } })).toBe(0);
    const r: any = await admin.request(UPDATE_IPEP, { input: params });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateIpepParameters).toEqual({ ...params, source: "EDITED" });
    expect(await prisma().auditEvent.count({ where: { action: "reference.ipep.update", summary: { path: ["code"], equals: "IPEP_2024" } } })).toBe(1);

    const expectedParams: IpepParameters = { id: "IPEP_2024", cEcart: 0.5, cEvolution: 0.5, shareOfSavings: 0.5, patientExperienceMaxPoints: 20, qualityModulation: { kind: "LINEAR", maxScore: 100, minimumScore: 20 } };
    const inputs = { parametersId: "IPEP_2024", groupement: "Groupement test", patients: 6000, gainLevelPerPatientEur: 20, gainEvolutionPerPatientEur: 10, soclePoints: 50, aLaCartePoints: 10, patientExperiencePoints: 10, qualityIndicators: [], incentiveReceivedEur: null };
    const saved: any = await msp.request(SAVE, { input: { projectId: P1, programme: "IPEP", year: 2024, inputs } });
    expect(saved.data.saveResultPeriod.ruleSetId).toBe("IPEP_2024");
    expect(saved.data.saveResultPeriod.outputs).toEqual(stored(directOutputs("IPEP", 2024, inputs, { ...REF, ipepParameters: { ...REF.ipepParameters, IPEP_2024: expectedParams } }).outputs));
  });
});
