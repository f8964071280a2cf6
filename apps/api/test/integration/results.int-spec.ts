/**
 * Result periods: the team fills and submits, the federation admin approves (locks), returns or unlocks; the
 * calculators run on save and submit (outputs compared with a direct `evaluatePeriod` call, never hard-coded — except
 * T-ACI-1, DOMAIN.md §3.7 ✅).
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { ACI_RULE_SETS, DEFAULT_RESULTS_REFERENCE_DATA as REF, evaluatePeriod, validatePeriodInputs, type Programme } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const P = DEMO_IDS.projects.msp;
const SAVE = `mutation Save($input: SaveResultPeriodInput!) { saveResultPeriod(input: $input) { id status year programme inputs } }`;
const decide = (name: string) => `mutation D($input: PeriodDecisionInput!) { ${name}(input: $input) { id status returnComment approvedAt } }`;
const PERIOD_FIELDS = `id status programme year inputs outputs ruleSetId project { id name }
  summary { referenceId illustrative patients computedEur perPatientEur receivedEur feeForServiceEquivalentEur score }
  validationErrors { field code message }`;
const SAVE_FULL = `mutation Save($input: SaveResultPeriodInput!) { saveResultPeriod(input: $input) { ${PERIOD_FIELDS} } }`;
const SUBMIT_FULL = `mutation S($input: PeriodDecisionInput!) { submitResultPeriod(input: $input) { ${PERIOD_FIELDS} submittedAt } }`;

/** A complete PEPS year on the illustrative table (DOMAIN.md §4.4), 1,200 patients. */
const pepsInputs = (patients = 1200, tableId = "PEPS_ILLUSTRATIF") => ({
  tableId,
  scope: "PATIENTELE_MT",
  patientele: patients,
  groups: [
    { ageBand: "16-44", sex: "F", aldCount: 0, precarite: false, patients: patients - 500 },
    { ageBand: "75-84", sex: "M", aldCount: 1, precarite: true, patients: 500 },
  ],
  daysInScope: 365,
  daysInPeriod: 365,
  qualityScore: 0.7,
  qualityIndicators: [{ code: "VACC_GRIPPE", label: "Vaccination antigrippale des 65 ans et plus", value: 58 }],
  forfaitReceivedEur: 150_000,
  feeForServiceEquivalentEur: 140_000,
  internalSplit: [],
});

/** A complete IPEP year (DOMAIN.md §5.2, T-IPEP-1 magnitudes). */
const ipepInputs = () => ({
  parametersId: "IPEP_2022",
  groupement: "Groupement du Val de l'Isle",
  patients: 5000,
  gainLevelPerPatientEur: 30,
  gainEvolutionPerPatientEur: 12,
  soclePoints: 40,
  aLaCartePoints: 10,
  patientExperiencePoints: 15,
  qualityIndicators: [],
  incentiveReceivedEur: 44_000,
});

const allAchieved = (codes: string[]) => Object.fromEntries(codes.map((c) => [c, { achieved: true }]));
const direct = (programme: Programme, year: number, inputs: unknown) => {
  const r = evaluatePeriod(programme, year, inputs, REF, new Date());
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
/** JSON round trip: what the database gives back of a value. */
const stored = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("result periods", () => {
  let t: TestApp;
  let msp: GqlClient;
  let charge: GqlClient;
  let admin: GqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    [msp, charge, admin] = await Promise.all([t.as("msp@demo.maillage.fr"), t.as("charge@demo.maillage.fr"), t.as("admin@demo.maillage.fr")]);
  });
  afterAll(() => t.close());
  const prisma = () => t.running.database.prisma;

  it("walks DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED, each step audited", async () => {
    const saved = await msp.request<{ saveResultPeriod: { id: string; status: string } }>(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: pepsInputs(1200) } });
    expect(saved.data?.saveResultPeriod.status).toBe("DRAFT");
    const id = saved.data!.saveResultPeriod.id;
    expect((await msp.request<{ submitResultPeriod: { status: string } }>(decide("submitResultPeriod"), { input: { id } })).data?.submitResultPeriod.status).toBe("SUBMITTED");
    const noComment = await admin.request(decide("returnResultPeriod"), { input: { id } });
    expect(noComment.errors?.[0]?.extensions?.field).toBe("comment");
    const returned = await admin.request<{ returnResultPeriod: { status: string; returnComment: string } }>(decide("returnResultPeriod"), { input: { id, comment: "Le nombre de patients ne correspond pas au relevé CPAM." } });
    expect(returned.data?.returnResultPeriod).toMatchObject({ status: "RETURNED", returnComment: "Le nombre de patients ne correspond pas au relevé CPAM." });
    await msp.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: pepsInputs(1180) } });
    await msp.request(decide("submitResultPeriod"), { input: { id } });
    const approved = await admin.request<{ approveResultPeriod: { status: string; approvedAt: string } }>(decide("approveResultPeriod"), { input: { id } });
    expect(approved.data?.approveResultPeriod.status).toBe("APPROVED");
    const actions = (await prisma().auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["results.create", "results.submit", "results.return", "results.update", "results.submit", "results.approve"]);
  });

  it("lets nobody change an approved period, at the API and in the database", async () => {
    const period = await prisma().resultPeriod.findFirstOrThrow({ where: { projectId: P, programme: "PEPS", year: 2025 } });
    const edit = await msp.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1 } } });
    expect(edit.errors?.[0]?.extensions?.reason).toBe("PERIOD.LOCKED");
    const byAdmin = await admin.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1 } } });
    expect(GqlClient.code(byAdmin)).toBe("FORBIDDEN");
    await expect(prisma().resultPeriod.update({ where: { id: period.id }, data: { inputs: { patients: 1 } } })).rejects.toThrow(/locked/);
    const after = await prisma().resultPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(after.inputs).toEqual(pepsInputs(1180));
    expect(after.outputs).toEqual(period.outputs);
    expect(after.outputs).toEqual(stored(direct("PEPS", 2025, pepsInputs(1180)).outputs));
  });

  it("lets only a federation admin approve or unlock, an unlock needs a reason and is audited", async () => {
    const period = await prisma().resultPeriod.findFirstOrThrow({ where: { projectId: P, programme: "PEPS", year: 2025 } });
    expect(GqlClient.code(await charge.request(decide("unlockResultPeriod"), { input: { id: period.id, comment: "x" } }))).toBe("FORBIDDEN");
    expect(GqlClient.code(await msp.request(decide("unlockResultPeriod"), { input: { id: period.id, comment: "x" } }))).toBe("FORBIDDEN");
    const admin2 = await t.as("admin2@demo.maillage.fr");
    expect(GqlClient.code(await admin2.request(decide("unlockResultPeriod"), { input: { id: period.id, comment: "x" } }))).toBe("NOT_FOUND");
    expect((await admin.request(decide("unlockResultPeriod"), { input: { id: period.id } })).errors?.[0]?.extensions?.field).toBe("comment");
    const unlocked = await admin.request<{ unlockResultPeriod: { status: string } }>(decide("unlockResultPeriod"), { input: { id: period.id, comment: "Relevé CPAM rectificatif reçu" } });
    expect(unlocked.data?.unlockResultPeriod.status).toBe("DRAFT");
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { targetId: period.id, action: "results.unlock" } });
    expect(audit.summary).toMatchObject({ reason: "Relevé CPAM rectificatif reçu" });
    expect((await msp.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: pepsInputs(1190) } })).errors).toBeUndefined();
  });

  it("refuses a year in the future and keeps other MSPs' periods out of reach", async () => {
    const future = await msp.request(SAVE, { input: { projectId: P, programme: "ACI", year: new Date().getUTCFullYear() + 1, inputs: {} } });
    expect(future.errors?.[0]?.extensions?.field).toBe("year");
    const msp2 = await t.as("msp2@demo.maillage.fr");
    expect(GqlClient.code(await msp2.request(`query($p: ID!) { resultPeriods(projectId: $p) { id } }`, { p: P }))).toBe("NOT_FOUND");
    const researcher = await t.as("chercheur@demo.maillage.fr");
    expect(GqlClient.code(await researcher.request(`query($p: ID!) { resultPeriods(projectId: $p) { id } }`, { p: P }))).toBe("NOT_FOUND");
  });

  it("keeps an incomplete draft as typed, with empty outputs and every field error in French", async () => {
    const inputs = { patientele: 4000, contractStart: "2019-13-01" };
    const r = await msp.request<{ saveResultPeriod: Record<string, any> }>(SAVE_FULL, { input: { projectId: P, programme: "ACI", year: 2020, inputs } });
    expect(r.errors).toBeUndefined();
    const period = r.data!.saveResultPeriod;
    expect(period).toMatchObject({ status: "DRAFT", inputs, outputs: {}, ruleSetId: null, summary: null, project: { id: P } });
    const expected = validatePeriodInputs("ACI", 2020, inputs, REF, new Date());
    expect(expected.ok).toBe(false);
    expect(period.validationErrors).toEqual(expected.ok ? [] : expected.error.map(({ field, code, message }) => ({ field, code, message })));
    expect(period.validationErrors.length).toBeGreaterThan(1);
  });

  it("refuses to submit invalid inputs with every field error, and changes nothing", async () => {
    const before = await prisma().resultPeriod.findFirstOrThrow({ where: { projectId: P, programme: "ACI", year: 2020 } });
    const r = await msp.request(SUBMIT_FULL, { input: { id: before.id } });
    expect(GqlClient.code(r)).toBe("BAD_USER_INPUT");
    const expected = evaluatePeriod("ACI", 2020, before.inputs, REF, new Date());
    expect(expected.ok).toBe(false);
    expect(r.errors?.[0]?.extensions?.fields).toEqual(expected.ok ? [] : expected.error.map(({ field, code, message }) => ({ field, code, message })));
    expect(r.errors?.[0]?.message).toMatch(/[a-zé]/);
    const after = await prisma().resultPeriod.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
    expect(await prisma().auditEvent.count({ where: { targetId: before.id, action: "results.submit" } })).toBe(0);
  });

  it("computes and stores the outputs of a complete draft, equal to evaluatePeriod", async () => {
    const inputs = ipepInputs();
    const r = await msp.request<{ saveResultPeriod: Record<string, any> }>(SAVE_FULL, { input: { projectId: P, programme: "IPEP", year: 2021, inputs } });
    expect(r.errors).toBeUndefined();
    const expected = direct("IPEP", 2021, inputs);
    const period = r.data!.saveResultPeriod;
    expect(period.outputs).toEqual(stored(expected.outputs));
    expect(period.ruleSetId).toBe(expected.referenceId);
    expect(period.validationErrors).toEqual([]);
    const s = expected.outputs.summary;
    expect(period.summary).toEqual({
      referenceId: s.referenceId,
      illustrative: s.illustrative,
      patients: s.patients,
      computedEur: s.computedEur,
      perPatientEur: s.perPatientEur,
      receivedEur: s.receivedEur,
      feeForServiceEquivalentEur: s.feeForServiceEquivalentEur,
      score: s.score,
    });
    const row = await prisma().resultPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(row.outputs).toEqual(stored(expected.outputs));
  });

  it("stores the outputs and the rule set on submission — T-ACI-1 (DOMAIN.md §3.7): 4,000 patients, all engagements = 10,500 points = 73,500 €", async () => {
    const inputs = { ruleSetId: "ACI2017", patientele: 4000, associatedProfessionals: 13, contractStart: "2017-09-01", amountReceivedEur: null, achievements: allAchieved(ACI_RULE_SETS.ACI2017.indicators.map((i) => i.code)) };
    // Saved through the raw row first (as an older draft would be), so the submission itself computes the outputs.
    const draft = await prisma().resultPeriod.create({ data: { federationId: DEMO_IDS.federations.nouvelleAquitaine, projectId: P, programme: "ACI", year: 2018, inputs } });
    expect(draft.outputs).toEqual({});
    const r = await charge.request<{ submitResultPeriod: Record<string, any> }>(SUBMIT_FULL, { input: { id: draft.id } });
    expect(r.errors).toBeUndefined();
    const period = r.data!.submitResultPeriod;
    const expected = direct("ACI", 2018, inputs);
    expect(period).toMatchObject({ status: "SUBMITTED", ruleSetId: "ACI2017", outputs: stored(expected.outputs) });
    expect(period.summary).toMatchObject({ referenceId: "ACI2017", patients: 4000, score: 10_500, computedEur: 73_500 });
    const row = await prisma().resultPeriod.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", ruleSetId: "ACI2017", outputs: stored(expected.outputs) });
  });

  it("computes ACI 2017 avenant 1 with the socle and prerequisite rows achieved at 4,000 patients", async () => {
    const rows = ACI_RULE_SETS.ACI2017_AV1.indicators.filter((i) => i.type !== "OPTIONNEL").map((i) => i.code);
    const inputs = { patientele: 4000, associatedProfessionals: 13, contractStart: "2022-01-01", amountReceivedEur: 60_000, achievements: allAchieved(rows) };
    const saved = await msp.request<{ saveResultPeriod: Record<string, any> }>(SAVE_FULL, { input: { projectId: P, programme: "ACI", year: 2023, inputs } });
    const submitted = await msp.request<{ submitResultPeriod: Record<string, any> }>(SUBMIT_FULL, { input: { id: saved.data!.saveResultPeriod.id } });
    expect(submitted.errors).toBeUndefined();
    const expected = direct("ACI", 2023, inputs);
    expect(expected.referenceId).toBe("ACI2017_AV1");
    expect(submitted.data!.submitResultPeriod).toMatchObject({ ruleSetId: "ACI2017_AV1", outputs: stored(expected.outputs) });
    expect(submitted.data!.submitResultPeriod.summary.computedEur).toBeGreaterThan(0);
    expect(submitted.data!.submitResultPeriod.summary.receivedEur).toBe(60_000);
  });

  it("places each period in its yearly calendar (DOMAIN.md §2.5): a past year still in draft is overdue, an approved one closed", async () => {
    const CAL = `query($p: ID!) { resultPeriods(projectId: $p) { id year status programme calendar { status statusLabel evidenceDueAt deadlines { kind dueAt flag } } } }`;
    const saved = await msp.request<{ saveResultPeriod: { id: string } }>(SAVE, { input: { projectId: P, programme: "IPEP", year: 2021, inputs: ipepInputs() } });
    expect(saved.errors).toBeUndefined();
    const list = await msp.request<{ resultPeriods: { id: string; status: string; calendar: { status: string; statusLabel: string; evidenceDueAt: string; deadlines: { kind: string; dueAt: string }[] } }[] }>(CAL, { p: P });
    const period = list.data!.resultPeriods.find((x) => x.id === saved.data!.saveResultPeriod.id)!;
    expect(period.calendar.status).toBe("OVERDUE");
    expect(period.calendar.statusLabel).toMatch(/retard/i);
    expect(period.calendar.evidenceDueAt.slice(0, 10)).toBe("2022-01-31");
    for (const p of list.data!.resultPeriods.filter((x) => x.status === "APPROVED")) expect(p.calendar.status).toBe("CLOSED");
  });

  it("lists the federation's submitted periods for review, newest submission first, by pages; staff only", async () => {
    const query = `query($status: PeriodStatus, $first: Int, $after: String) { resultPeriodsForReview(status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status submittedAt project { id name } summary { computedEur } } } } }`;
    const expected = await prisma().resultPeriod.findMany({
      where: { federationId: DEMO_IDS.federations.nouvelleAquitaine, status: "SUBMITTED" },
      orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      include: { project: true },
    });
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await charge.request(query, { first: 1, after });
      expect(r.errors).toBeUndefined();
      const page = r.data.resultPeriodsForReview;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e: any) => e.node.id));
      for (const e of page.edges) expect(e.node.project.name).toBe(expected.find((p) => p.id === e.node.id)?.project.name);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((p) => p.id));
    const drafts: any = await admin.request(query, { status: "DRAFT", first: 100 });
    expect(drafts.data.resultPeriodsForReview.edges.every((e: any) => e.node.status === "DRAFT")).toBe(true);
    expect(GqlClient.code(await admin.request(query, { after: "pas-un-curseur" }))).toBe("BAD_USER_INPUT");
    expect(GqlClient.code(await msp.request(query, {}))).toBe("FORBIDDEN");
    const admin2 = await t.as("admin2@demo.maillage.fr");
    const other: any = await admin2.request(query, { first: 100 });
    expect(other.data.resultPeriodsForReview.edges.map((e: any) => e.node.id)).not.toContain(expected[0]?.id);
  });
});
