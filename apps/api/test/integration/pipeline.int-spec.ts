/**
 * The project pipeline end to end over HTTP: an MSP team uploads and submits milestones, a chargé reviews them,
 * stage gates (DOMAIN.md §2.2) refuse or allow moves, every change lands on the timeline.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type GqlResponse, type TestApp } from "./harness.js";

const P = DEMO_IDS.projects.msp;
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function upload(t: TestApp, c: GqlClient, projectId: string, name = "document.pdf", bytes: Buffer = PDF): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/pdf" }), name);
  const res = await fetch(`${t.url}/files?projectId=${projectId}`, {
    method: "POST",
    headers: { cookie: c.cookie ?? "", "apollo-require-preflight": "true" },
    body: form,
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

const SUBMIT = `mutation Submit($input: SubmitMilestoneInput!) { submitMilestone(input: $input) { id status milestoneKey files { id originalName url } author { displayName } } }`;
const REVIEW = `mutation Review($input: ReviewMilestoneInput!) { reviewMilestone(input: $input) { id status reviewer { displayName } reviewComment } }`;
const ADVANCE = `mutation Advance($input: AdvanceProjectStageInput!) { advanceProjectStage(input: $input) { id stage stageStates { stage completedAt notApplicable isCurrent } } }`;
const ADD_MEMBER = `mutation Add($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id fullName profession rpps joinedAt } }`;
const PAGE = `query Page($id: ID!) { project(id: $id) {
  stage milestoneProgress { approved required }
  checklist { key label required status lastSubmission { id status } }
  nextSteps { key }
  team { fullName profession leftAt }
  timeline { action label detail actor { displayName } createdAt }
} }`;

type Unmet = { key: string; stage: string; message: string };
const unmetOf = (r: GqlResponse) => (r.errors?.[0]?.extensions?.unmet ?? []) as Unmet[];

describe("project pipeline", () => {
  let t: TestApp;
  let msp: GqlClient;
  let charge: GqlClient;
  let admin: GqlClient;
  const startedAt = new Date();
  beforeAll(async () => {
    t = await startTestApp();
    [msp, charge, admin] = await Promise.all([t.as("msp@demo.maillage.fr"), t.as("charge@demo.maillage.fr"), t.as("admin@demo.maillage.fr")]);
  });
  afterAll(() => t.close());

  const prisma = () => t.running.database.prisma;

  async function submit(c: GqlClient, milestoneKey: string, extra: Record<string, unknown> = {}) {
    const fileId = await upload(t, c, P, `${milestoneKey.toLowerCase()}.pdf`);
    return c.request<{ submitMilestone: { id: string; status: string } }>(SUBMIT, { input: { projectId: P, milestoneKey, fileIds: [fileId], comment: "Version signée", ...extra } });
  }

  it("refuses to leave the projet de santé stage until its milestones are approved and the team is complete, listing every reason", async () => {
    const r = await charge.request(ADVANCE, { input: { projectId: P, toStage: "VALIDATION_ARS" } });
    expect(GqlClient.code(r)).toBe("STAGE_GATE_NOT_MET");
    const keys = unmetOf(r).map((u) => u.key);
    expect(keys).toEqual(expect.arrayContaining(["MILESTONE_NOT_APPROVED:PROJET_SANTE", "MILESTONE_NOT_APPROVED:ENGAGEMENTS_PS", "TEAM_MINIMUM_COMPOSITION"]));
    expect(unmetOf(r).every((u) => u.message.length > 10 && u.stage === "PROJET_SANTE")).toBe(true);
    expect((await prisma().mspProject.findUniqueOrThrow({ where: { id: P } })).stage).toBe("PROJET_SANTE");
  });

  it("lets the MSP team submit a milestone with its documents, in one transaction", async () => {
    const r = await submit(msp, "PROJET_SANTE", { fields: [{ key: "versionDate", value: "2026-10-01" }] });
    expect(r.errors).toBeUndefined();
    expect(r.data?.submitMilestone.status).toBe("SUBMITTED");
    const row = await prisma().submission.findUniqueOrThrow({ where: { id: r.data!.submitMilestone.id }, include: { files: true } });
    expect(row.files).toHaveLength(1);
    expect(row.fields).toEqual({ versionDate: "2026-10-01" });
  });

  it("refuses a submission with a file of another project, and creates nothing", async () => {
    const other = await t.as("msp2@demo.maillage.fr");
    const foreign = await upload(t, other, DEMO_IDS.projects.msp2);
    const before = await prisma().submission.count();
    const r = await msp.request(SUBMIT, { input: { projectId: P, milestoneKey: "ENGAGEMENTS_PS", fileIds: [foreign] } });
    expect(GqlClient.code(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toBe("fileIds");
    expect(await prisma().submission.count()).toBe(before);
  });

  it("refuses unknown milestones and invalid field values with the field named", async () => {
    const unknown = await msp.request(SUBMIT, { input: { projectId: P, milestoneKey: "NOPE", comment: "x" } });
    expect(unknown.errors?.[0]?.extensions?.field).toBe("milestoneKey");
    const badDate = await msp.request(SUBMIT, { input: { projectId: P, milestoneKey: "PROJET_SANTE", comment: "x", fields: [{ key: "versionDate", value: "01/10/2026" }] } });
    expect(GqlClient.code(badDate)).toBe("BAD_USER_INPUT");
    expect(badDate.errors?.[0]?.extensions?.field).toBe("fields.versionDate");
  });

  it("lets only federation staff review; asking for changes needs a comment; a submission is reviewed once", async () => {
    const s = await submit(msp, "ENGAGEMENTS_PS");
    const id = s.data!.submitMilestone.id;
    expect(GqlClient.code(await msp.request(REVIEW, { input: { submissionId: id, decision: "APPROVE" } }))).toBe("FORBIDDEN");
    const admin2 = await t.as("admin2@demo.maillage.fr");
    expect(GqlClient.code(await admin2.request(REVIEW, { input: { submissionId: id, decision: "APPROVE" } }))).toBe("NOT_FOUND");
    const noComment = await charge.request(REVIEW, { input: { submissionId: id, decision: "REQUEST_CHANGES" } });
    expect(noComment.errors?.[0]?.extensions?.field).toBe("comment");
    const changes = await charge.request<{ reviewMilestone: { status: string } }>(REVIEW, { input: { submissionId: id, decision: "REQUEST_CHANGES", comment: "Il manque la signature de l'infirmière." } });
    expect(changes.data?.reviewMilestone.status).toBe("CHANGES_REQUESTED");
    const again = await charge.request(REVIEW, { input: { submissionId: id, decision: "APPROVE" } });
    expect(again.errors?.[0]?.extensions?.reason).toBe("SUBMISSION.ALREADY_REVIEWED");
    const page = await msp.request<{ project: { nextSteps: { key: string }[] } }>(PAGE, { id: P });
    expect(page.data?.project.nextSteps.map((n) => n.key)).toContain("ENGAGEMENTS_PS");
  });

  it("validates team members (RPPS with its Luhn key) and keeps them on the project", async () => {
    const bad = await msp.request(ADD_MEMBER, { input: { projectId: P, fullName: "Dr Martin", profession: "MEDECIN_GENERALISTE", rpps: "10000123452", joinedAt: "2025-01-01" } });
    expect(GqlClient.code(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.field).toBe("rpps");
    for (const m of [
      { fullName: "Dr Anne Martin", profession: "MEDECIN_GENERALISTE", rpps: "10000123454" },
      { fullName: "Dr Paul Roux", profession: "MEDECIN_GENERALISTE", rpps: "10000000009" },
      { fullName: "Claire Petit", profession: "INFIRMIER", rpps: "10123456781" },
    ]) {
      const r = await msp.request(ADD_MEMBER, { input: { projectId: P, joinedAt: "2025-01-01", ...m } });
      expect(r.errors).toBeUndefined();
    }
  });

  it("moves the project forward once the gate holds, completing the stage and recording it", async () => {
    const pending = await prisma().submission.findMany({ where: { projectId: P, status: "SUBMITTED" } });
    for (const s of pending) {
      expect((await charge.request(REVIEW, { input: { submissionId: s.id, decision: "APPROVE" } })).errors).toBeUndefined();
    }
    const fixed = await submit(msp, "ENGAGEMENTS_PS");
    await charge.request(REVIEW, { input: { submissionId: fixed.data!.submitMilestone.id, decision: "APPROVE" } });
    const r = await charge.request<{ advanceProjectStage: { stage: string; stageStates: { stage: string; completedAt: string | null; isCurrent: boolean }[] } }>(ADVANCE, {
      input: { projectId: P, toStage: "VALIDATION_ARS" },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.advanceProjectStage.stage).toBe("VALIDATION_ARS");
    const states = r.data!.advanceProjectStage.stageStates;
    expect(states.find((s) => s.stage === "PROJET_SANTE")?.completedAt).not.toBeNull();
    expect(states.find((s) => s.isCurrent)?.stage).toBe("VALIDATION_ARS");
    const page = await charge.request<{ project: { timeline: { action: string; label: string; detail: string | null; actor: { displayName: string } | null }[] } }>(PAGE, { id: P });
    const tl = page.data!.project.timeline;
    expect(tl[0]).toMatchObject({ action: "project.stage", label: "Changement d'étape", detail: "Projet de santé → Validation ARS" });
    expect(tl.map((e) => e.action)).toEqual(expect.arrayContaining(["milestone.submit", "milestone.review", "team.add", "project.stage"]));
  });

  it("does not let anyone jump over a stage whose gate does not hold", async () => {
    const r = await charge.request(ADVANCE, { input: { projectId: P, toStage: "STRUCTURE_JURIDIQUE" } });
    expect(GqlClient.code(r)).toBe("STAGE_GATE_NOT_MET");
    expect(unmetOf(r).map((u) => u.key)).toEqual(expect.arrayContaining(["MILESTONE_NOT_APPROVED:VALIDATION_ARS", "MILESTONE_NOT_APPROVED:FINESS_EJ_ET"]));
  });

  it("refuses stage moves to MSP members and to other federations", async () => {
    expect(GqlClient.code(await msp.request(ADVANCE, { input: { projectId: P, toStage: "STRUCTURE_JURIDIQUE" } }))).toBe("FORBIDDEN");
    const admin2 = await t.as("admin2@demo.maillage.fr");
    expect(GqlClient.code(await admin2.request(ADVANCE, { input: { projectId: P, toStage: "STRUCTURE_JURIDIQUE" } }))).toBe("NOT_FOUND");
  });

  it("lets only an admin move back, with a reason", async () => {
    const byCharge = await charge.request(ADVANCE, { input: { projectId: P, toStage: "PROJET_SANTE", reason: "Erreur" } });
    expect(unmetOf(byCharge).map((u) => u.key)).toContain("BACKWARD_REQUIRES_ADMIN");
    const noReason = await admin.request(ADVANCE, { input: { projectId: P, toStage: "PROJET_SANTE" } });
    expect(unmetOf(noReason).map((u) => u.key)).toContain("BACKWARD_REQUIRES_REASON");
    const ok = await admin.request<{ advanceProjectStage: { stage: string } }>(ADVANCE, { input: { projectId: P, toStage: "PROJET_SANTE", reason: "Projet de santé à compléter" } });
    expect(ok.data?.advanceProjectStage.stage).toBe("PROJET_SANTE");
    const back = await charge.request(ADVANCE, { input: { projectId: P, toStage: "VALIDATION_ARS" } });
    expect(back.errors).toBeUndefined();
  });

  it("marks premises not applicable for a multi-site MSP, with a reason; other stages always apply", async () => {
    const SET = `mutation Set($input: SetStageApplicabilityInput!) { setStageApplicability(input: $input) { stageStates { stage notApplicable } } }`;
    const noReason = await charge.request(SET, { input: { projectId: P, stage: "IMMOBILIER", notApplicable: true } });
    expect(noReason.errors?.[0]?.extensions?.field).toBe("reason");
    const projet = await charge.request(SET, { input: { projectId: P, stage: "PROJET_SANTE", notApplicable: true, reason: "x" } });
    expect(projet.errors?.[0]?.extensions?.field).toBe("stage");
    const ok = await charge.request<{ setStageApplicability: { stageStates: { stage: string; notApplicable: boolean }[] } }>(SET, {
      input: { projectId: P, stage: "IMMOBILIER", notApplicable: true, reason: "MSP multi-site hors les murs" },
    });
    expect(ok.data?.setStageApplicability.stageStates.find((s) => s.stage === "IMMOBILIER")?.notApplicable).toBe(true);
  });

  it("lets an admin add a required milestone to a stage, which the gate then requires", async () => {
    const ADD = `mutation Def($input: AddMilestoneDefinitionInput!) { addMilestoneDefinition(input: $input) { key stage required isCustom } }`;
    expect(GqlClient.code(await charge.request(ADD, { input: { stage: "VALIDATION_ARS", label: "Compte rendu de la visite ARS", required: true } }))).toBe("FORBIDDEN");
    const r = await admin.request<{ addMilestoneDefinition: { key: string; required: boolean; isCustom: boolean } }>(ADD, { input: { stage: "VALIDATION_ARS", label: "Compte rendu de la visite ARS", required: true } });
    expect(r.data?.addMilestoneDefinition).toMatchObject({ required: true, isCustom: true });
    const page = await msp.request<{ project: { checklist: { key: string; required: boolean; status: string }[] } }>(PAGE, { id: P });
    expect(page.data?.project.checklist).toContainEqual(expect.objectContaining({ key: r.data!.addMilestoneDefinition.key, required: true, status: "MISSING" }));
    const gate = await charge.request(ADVANCE, { input: { projectId: P, toStage: "STRUCTURE_JURIDIQUE" } });
    expect(unmetOf(gate).map((u) => u.key)).toContain(`MILESTONE_NOT_APPROVED:${r.data!.addMilestoneDefinition.key}`);
  });

  it("shows the board: every project of the scope in its stage column, with milestone progress", async () => {
    const B = `{ board { stage label count projects { id milestoneProgress { approved required } } } }`;
    const r = await charge.request<{ board: { stage: string; label: string; count: number; projects: { id: string; milestoneProgress: { approved: number; required: number } }[] }[] }>(B);
    expect(r.data?.board).toHaveLength(11);
    expect(r.data!.board.reduce((n, c) => n + c.count, 0)).toBe(await prisma().mspProject.count({ where: { federationId: DEMO_IDS.federations.nouvelleAquitaine } }));
    const mine = r.data!.board.flatMap((c) => c.projects).find((p) => p.id === P);
    expect(mine?.milestoneProgress.required).toBeGreaterThan(0);
    const own = await msp.request<{ board: { count: number }[] }>(B);
    expect(own.data!.board.reduce((n, c) => n + c.count, 0)).toBe(1);
    const researcher = await t.as("chercheur@demo.maillage.fr");
    const none = await researcher.request<{ board: { count: number }[] }>(B);
    expect(none.data!.board.reduce((n, c) => n + c.count, 0)).toBe(0);
  });

  it("writes every change to the append-only audit log with the project", async () => {
    const events = await prisma().auditEvent.findMany({ where: { projectId: P, createdAt: { gte: startedAt } } });
    expect([...new Set(events.map((e) => e.action))].sort()).toEqual(
      ["file.upload", "milestone.review", "milestone.submit", "project.stage", "project.stage.applicability", "team.add"],
    );
    expect(events.every((e) => e.federationId === DEMO_IDS.federations.nouvelleAquitaine && e.actorId !== null)).toBe(true);
  });
});
