import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { PROJECT_STAGES, type ProjectStage, stageIndex } from "../projects/projects.js";
import {
  canBeNotApplicable,
  deriveCurrentStage,
  exitRequirements,
  isStagePassed,
  type MilestoneState,
  NOT_APPLICABLE_STAGES,
  planStageMove,
  type ProjectSnapshot,
  REQUIREMENT_CODES,
  requirementCode,
  sisaDeadline,
  type StageMove,
  type StageStateSnapshot,
} from "./gates.js";
import { DEFAULT_MILESTONES, type MilestoneDefinition, toCustomMilestoneDefinition } from "./milestones.js";
import type { Profession, TeamMemberSnapshot } from "./team.js";

const NOW = new Date("2026-11-20T09:00:00Z");
const DONE: StageStateSnapshot = { completedAt: new Date("2026-01-01T00:00:00Z"), notApplicable: false };
const NA: StageStateSnapshot = { completedAt: null, notApplicable: true };

const member = (profession: Profession, isAssociate = true): TeamMemberSnapshot => ({
  profession,
  role: "MEMBER",
  isAssociate,
  joinedAt: new Date("2024-01-01T00:00:00Z"),
  leftAt: null,
});
const FULL_TEAM = [member("MEDECIN_GENERALISTE"), member("MEDECIN_GENERALISTE"), member("INFIRMIER")];

const APPROVED_FIELDS: Record<string, Record<string, string>> = {
  VALIDATION_ARS: { validatedAt: "2025-06-01" },
  FINESS_EJ_ET: { finessEj: "750712184", finessEt: "130786049" },
  SISA_STATUTS: { constitutedAt: "2025-09-01", capitalVariable: "true" },
  ASSO_STATUTS: {},
  CONTRAT_ACI: { signedAt: "2026-10-01" },
};

/** Every catalogue milestone approved. */
const allApproved = (): Record<string, MilestoneState> =>
  Object.fromEntries(DEFAULT_MILESTONES.map((m) => [m.key, { status: "APPROVED", approvedFields: APPROVED_FIELDS[m.key] ?? {} }]));

/** Stages before `stage` completed. */
const passedUpTo = (stage: ProjectStage): Partial<Record<ProjectStage, StageStateSnapshot>> =>
  Object.fromEntries(PROJECT_STAGES.slice(0, stageIndex(stage)).map((s) => [s, DONE]));

/** A project at `stage` where every gate holds. */
const ready = (stage: ProjectStage, overrides: Partial<ProjectSnapshot> = {}): ProjectSnapshot => ({
  stage,
  stageStates: passedUpTo(stage),
  legalForm: "SISA",
  team: FULL_TEAM,
  milestones: allApproved(),
  customMilestones: [],
  ...overrides,
});

const withMilestone = (s: ProjectSnapshot, key: string, state: MilestoneState | null): ProjectSnapshot => {
  const milestones = { ...s.milestones };
  if (state === null) delete milestones[key];
  else milestones[key] = state;
  return { ...s, milestones };
};

const keys = (snapshot: ProjectSnapshot, stage: ProjectStage, now = NOW): string[] =>
  exitRequirements(snapshot, stage, now).map((r) => r.key);

describe("generic gate: required milestones approved (DOMAIN.md §2.2)", () => {
  it("holds for every stage when everything is approved", () => {
    for (const stage of PROJECT_STAGES) expect(keys(ready(stage), stage)).toEqual([]);
  });

  it.each(DEFAULT_MILESTONES.filter((m) => m.required).map((m) => [m.key, m.stage] as const))(
    "%s is required to leave %s",
    (key, stage) => {
      for (const status of ["MISSING", "SUBMITTED", "CHANGES_REQUESTED"] as const) {
        const s = withMilestone(ready(stage), key, { status, approvedFields: {} });
        expect(keys(s, stage)).toContain(`MILESTONE_NOT_APPROVED:${key}`);
      }
      expect(keys(withMilestone(ready(stage), key, null), stage)).toContain(`MILESTONE_NOT_APPROVED:${key}`);
    },
  );

  it.each(["ASSO_STATUTS", "DEMANDE_FIR", "RENCONTRE_ARS", "REGLEMENT_INTERIEUR", "CPOM", "ACI_JUSTIFICATIFS", "PEPS_CANDIDATURE"])(
    "optional %s never blocks its own stage",
    (key) => {
      const stage = DEFAULT_MILESTONES.find((m) => m.key === key)?.stage ?? "PREMIER_CONTACT";
      expect(keys(withMilestone(ready(stage), key, null), stage)).toEqual([]);
    },
  );

  it("lists unmet milestones in checklist order, with a French message naming the label", () => {
    const s = ready("PREMIER_CONTACT", { milestones: {} });
    expect(exitRequirements(s, "PREMIER_CONTACT", NOW)).toEqual([
      { key: "MILESTONE_NOT_APPROVED:FICHE_PROJET", stage: "PREMIER_CONTACT", message: "Le jalon « Fiche projet initiale » doit être validé." },
      {
        key: "MILESTONE_NOT_APPROVED:LISTE_PS",
        stage: "PREMIER_CONTACT",
        message: "Le jalon « Liste des professionnels de santé intéressés » doit être validé.",
      },
    ]);
  });

  it("PREMIER_CONTACT asks nothing more (no leader, no team rule)", () => {
    expect(keys(ready("PREMIER_CONTACT", { team: [], legalForm: null }), "PREMIER_CONTACT")).toEqual([]);
  });

  it("applies the federation's required custom milestones, not the optional ones", () => {
    const customs: MilestoneDefinition[] = [
      toCustomMilestoneDefinition({ key: "CUSTOM_COPIL", stage: "IMMOBILIER", label: "Comité de pilotage", description: null, required: true }),
      toCustomMilestoneDefinition({ key: "CUSTOM_OPT", stage: "IMMOBILIER", label: "Optionnel", description: null, required: false }),
    ];
    const s = ready("IMMOBILIER", { customMilestones: customs });
    expect(exitRequirements(s, "IMMOBILIER", NOW)).toEqual([
      { key: "MILESTONE_NOT_APPROVED:CUSTOM_COPIL", stage: "IMMOBILIER", message: "Le jalon « Comité de pilotage » doit être validé." },
    ]);
    expect(keys(withMilestone(s, "CUSTOM_COPIL", { status: "APPROVED", approvedFields: {} }), "IMMOBILIER")).toEqual([]);
  });

  it("a not-applicable IMMOBILIER or FINANCEMENTS stage has no gate", () => {
    const s = ready("IMMOBILIER", { milestones: {}, stageStates: { ...passedUpTo("IMMOBILIER"), IMMOBILIER: NA, FINANCEMENTS: NA } });
    expect(keys(s, "IMMOBILIER")).toEqual([]);
    expect(keys(s, "FINANCEMENTS")).toEqual([]);
    // A stray flag on another stage is ignored.
    const stray = ready("OUVERTURE", { milestones: {}, stageStates: { OUVERTURE: NA } });
    expect(keys(stray, "OUVERTURE")).toEqual(["MILESTONE_NOT_APPROVED:FICHE_POSTE_COORD", "MILESTONE_NOT_APPROVED:OUVERTURE"]);
  });
});

describe("PROJET_SANTE gate (DOMAIN.md §2.3, §1 MSP ✅)", () => {
  it("requires the projet de santé and the signed engagements", () => {
    const s = withMilestone(withMilestone(ready("PROJET_SANTE"), "PROJET_SANTE", null), "ENGAGEMENTS_PS", { status: "SUBMITTED", approvedFields: {} });
    expect(keys(s, "PROJET_SANTE")).toEqual(["MILESTONE_NOT_APPROVED:PROJET_SANTE", "MILESTONE_NOT_APPROVED:ENGAGEMENTS_PS"]);
  });

  it.each<[string, Profession[], boolean]>([
    ["2 GPs + 1 nurse", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE", "INFIRMIER"], true],
    ["1 GP + 1 nurse", ["MEDECIN_GENERALISTE", "INFIRMIER"], false],
    ["2 GPs + 1 pharmacist", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE", "PHARMACIEN"], false],
  ])("team %s → holds=%s", (_label, professions, holds) => {
    const s = ready("PROJET_SANTE", { team: professions.map((p) => member(p, false)) });
    expect(keys(s, "PROJET_SANTE")).toEqual(holds ? [] : ["TEAM_MINIMUM_COMPOSITION"]);
  });

  it("counts members active at `now` and says what is missing", () => {
    const team = [...FULL_TEAM.slice(0, 1), { ...member("MEDECIN_GENERALISTE"), leftAt: new Date("2026-11-01T00:00:00Z") }, member("INFIRMIER")];
    const [req] = exitRequirements(ready("PROJET_SANTE", { team }), "PROJET_SANTE", NOW);
    expect(req?.key).toBe("TEAM_MINIMUM_COMPOSITION");
    expect(req?.message).toContain("actuellement : 1 médecin généraliste et 1 paramédical");
    expect(keys(ready("PROJET_SANTE", { team }), "PROJET_SANTE", new Date("2026-10-01T00:00:00Z"))).toEqual([]);
  });
});

describe("STRUCTURE_JURIDIQUE gate (DOMAIN.md §2.2 S5, §1 SISA ✅)", () => {
  const stage = "STRUCTURE_JURIDIQUE";

  it("requires a legal form", () => {
    const [req] = exitRequirements(ready(stage, { legalForm: null }), stage, NOW);
    expect(req).toEqual({
      key: "LEGAL_FORM_MISSING",
      stage,
      message: "La forme juridique de la structure (association loi 1901 ou SISA) doit être renseignée.",
    });
  });

  it("SISA: statutes approved and associates ≥ 2 GPs + 1 paramedical", () => {
    expect(keys(ready(stage), stage)).toEqual([]);
    expect(keys(withMilestone(ready(stage), "SISA_STATUTS", { status: "SUBMITTED", approvedFields: {} }), stage)).toEqual([
      "MILESTONE_NOT_APPROVED:SISA_STATUTS",
    ]);
    const team = [member("MEDECIN_GENERALISTE"), member("MEDECIN_GENERALISTE", false), member("INFIRMIER")];
    const s = withMilestone(ready(stage, { team }), "SISA_STATUTS", null);
    expect(keys(s, stage)).toEqual(["MILESTONE_NOT_APPROVED:SISA_STATUTS", "SISA_COMPOSITION"]);
    expect(exitRequirements(s, stage, NOW)[1]?.message).toContain("actuellement : 1 médecin généraliste et 1 paramédical");
  });

  it("association: ASSO_STATUTS approved, no associate rule", () => {
    const s = ready(stage, { legalForm: "ASSOCIATION_1901", team: FULL_TEAM.map((m) => ({ ...m, isAssociate: false })) });
    expect(keys(s, stage)).toEqual([]);
    expect(keys(withMilestone(s, "ASSO_STATUTS", null), stage)).toEqual(["MILESTONE_NOT_APPROVED:ASSO_STATUTS"]);
  });
});

describe(sisaDeadline.name, () => {
  it.each([
    ["2026-01-15", "2026-07-15T23:59:59.999Z"],
    ["2026-08-31", "2027-02-28T23:59:59.999Z"],
    ["2026-02-30", null],
  ])("signed %s → SISA due %s (6 months, DOMAIN.md §2.4 ✅)", (signedAt, expected) => {
    expect(sisaDeadline(signedAt)?.toISOString() ?? null).toBe(expected);
  });
});

describe("SIGNATURE_ACI gate (DOMAIN.md §3.2 ✅, §2.4 ✅)", () => {
  const stage = "SIGNATURE_ACI";
  const association = (contract: Record<string, string> | null): ProjectSnapshot => {
    const s = ready(stage, { legalForm: "ASSOCIATION_1901" });
    return withMilestone(withMilestone(s, "SISA_STATUTS", null), "CONTRAT_ACI", contract && { status: "APPROVED", approvedFields: contract });
  };

  it("holds for a SISA with approved statutes", () => {
    expect(keys(ready(stage), stage)).toEqual([]);
  });

  it("requires the ARS validation: stage passed and milestone approved", () => {
    const notPassed = ready(stage, { stageStates: { ...passedUpTo(stage), VALIDATION_ARS: { completedAt: null, notApplicable: false } } });
    expect(keys(notPassed, stage)).toEqual(["ACI_REQUIRES_ARS_VALIDATION"]);
    const notApproved = withMilestone(ready(stage), "VALIDATION_ARS", { status: "CHANGES_REQUESTED", approvedFields: {} });
    expect(keys(notApproved, stage)).toEqual(["ACI_REQUIRES_ARS_VALIDATION"]);
  });

  it("requires the contract to be approved", () => {
    expect(keys(withMilestone(ready(stage), "CONTRAT_ACI", { status: "SUBMITTED", approvedFields: {} }), stage)).toEqual([
      "MILESTONE_NOT_APPROVED:CONTRAT_ACI",
    ]);
  });

  it.each([
    ["no commitment", { signedAt: "2026-10-01" }, NOW, ["ACI_REQUIRES_SISA"]],
    ["commitment false", { signedAt: "2026-10-01", sisaCommitment: "false" }, NOW, ["ACI_REQUIRES_SISA"]],
    ["commitment, within 6 months", { signedAt: "2026-10-01", sisaCommitment: "true" }, NOW, []],
    ["commitment, on the last day", { signedAt: "2026-05-20", sisaCommitment: "true" }, new Date("2026-11-20T23:59:59.999Z"), []],
    ["commitment, the day after", { signedAt: "2026-05-20", sisaCommitment: "true" }, new Date("2026-11-21T00:00:00Z"), ["SISA_DEADLINE_PASSED"]],
    ["commitment without a valid date", { signedAt: "", sisaCommitment: "true" }, NOW, ["ACI_REQUIRES_SISA"]],
  ])("association + %s → %j", (_label, contract, now, expected) => {
    expect(keys(association(contract), stage, now)).toEqual(expected);
  });

  it("SISA legal form without approved statutes still needs the commitment", () => {
    const s = withMilestone(ready(stage), "SISA_STATUTS", { status: "SUBMITTED", approvedFields: {} });
    expect(keys(s, stage)).toEqual(["ACI_REQUIRES_SISA"]);
    expect(keys(withMilestone(s, "CONTRAT_ACI", { status: "APPROVED", approvedFields: { signedAt: "2026-10-01", sisaCommitment: "true" } }), stage)).toEqual([]);
  });

  it("ignores the commitment of a contract whose latest version is not approved", () => {
    const s = withMilestone(association(null), "CONTRAT_ACI", {
      status: "SUBMITTED",
      approvedFields: { signedAt: "2026-10-01", sisaCommitment: "true" },
    });
    expect(keys(s, stage)).toEqual(["MILESTONE_NOT_APPROVED:CONTRAT_ACI", "ACI_REQUIRES_SISA"]);
  });

  it("gives the expired deadline in the message", () => {
    const [req] = exitRequirements(association({ signedAt: "2026-01-15", sisaCommitment: "true" }), stage, NOW);
    expect(req?.message).toContain("15/07/2026");
  });

  it("requires the minimum team", () => {
    expect(keys(ready(stage, { team: FULL_TEAM.slice(1) }), stage)).toEqual(["TEAM_MINIMUM_COMPOSITION"]);
  });

  it("collects every unmet requirement", () => {
    const s: ProjectSnapshot = { ...ready(stage, { legalForm: null, team: [], stageStates: {} }), milestones: {} };
    expect(keys(s, stage)).toEqual([
      "MILESTONE_NOT_APPROVED:CONTRAT_ACI",
      "ACI_REQUIRES_ARS_VALIDATION",
      "ACI_REQUIRES_SISA",
      "TEAM_MINIMUM_COMPOSITION",
    ]);
  });
});

describe(isStagePassed.name, () => {
  it("is true when completed, or not applicable for IMMOBILIER / FINANCEMENTS only", () => {
    const s = ready("PREMIER_CONTACT", {
      stageStates: { PREMIER_CONTACT: DONE, IMMOBILIER: NA, OUVERTURE: NA, FINANCEMENTS: { completedAt: null, notApplicable: false } },
    });
    expect(isStagePassed(s, "PREMIER_CONTACT")).toBe(true);
    expect(isStagePassed(s, "IMMOBILIER")).toBe(true);
    expect(isStagePassed(s, "OUVERTURE")).toBe(false);
    expect(isStagePassed(s, "FINANCEMENTS")).toBe(false);
    expect(isStagePassed(s, "PRE_DIAGNOSTIC")).toBe(false);
  });

  it("NOT_APPLICABLE_STAGES = IMMOBILIER, FINANCEMENTS", () => {
    expect(NOT_APPLICABLE_STAGES).toEqual(["IMMOBILIER", "FINANCEMENTS"]);
    expect(PROJECT_STAGES.filter(canBeNotApplicable)).toEqual(["IMMOBILIER", "FINANCEMENTS"]);
  });
});

describe(deriveCurrentStage.name, () => {
  it.each<[string, Partial<Record<ProjectStage, StageStateSnapshot>>, ProjectStage]>([
    ["nothing done", {}, "PREMIER_CONTACT"],
    ["S0 done", { PREMIER_CONTACT: DONE }, "PRE_DIAGNOSTIC"],
    ["S0–S4 done", passedUpTo("STRUCTURE_JURIDIQUE"), "STRUCTURE_JURIDIQUE"],
    ["S0–S4 done + S6, S7 ahead (out of order)", { ...passedUpTo("STRUCTURE_JURIDIQUE"), IMMOBILIER: DONE, FINANCEMENTS: DONE }, "STRUCTURE_JURIDIQUE"],
    ["S0–S5 done + S6 N/A + S7 ahead", { ...passedUpTo("IMMOBILIER"), IMMOBILIER: NA, FINANCEMENTS: DONE }, "OUVERTURE"],
    ["a gap: S1 not done", { PREMIER_CONTACT: DONE, DIAGNOSTIC_TERRITORIAL: DONE }, "PRE_DIAGNOSTIC"],
    ["stray N/A on OUVERTURE ignored", { ...passedUpTo("OUVERTURE"), OUVERTURE: NA }, "OUVERTURE"],
    ["all up to S9 done", passedUpTo("EN_FONCTIONNEMENT"), "EN_FONCTIONNEMENT"],
    ["all done incl. S10", { ...passedUpTo("EN_FONCTIONNEMENT"), EN_FONCTIONNEMENT: DONE }, "EN_FONCTIONNEMENT"],
  ])("%s → %s", (_label, states, expected) => {
    expect(deriveCurrentStage(states)).toBe(expected);
  });

  it("property: every stage before the derived one is passed, the derived one is not (unless last)", () => {
    fc.assert(
      fc.property(stageStatesArb, (states) => {
        const current = deriveCurrentStage(states);
        const s = ready(current, { stageStates: states });
        for (const stage of PROJECT_STAGES.slice(0, stageIndex(current))) expect(isStagePassed(s, stage)).toBe(true);
        if (current !== "EN_FONCTIONNEMENT") expect(isStagePassed(s, current)).toBe(false);
      }),
    );
  });
});

const stageStateArb: fc.Arbitrary<StageStateSnapshot | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(DONE),
  fc.constant(NA),
  fc.constant({ completedAt: null, notApplicable: false }),
);
const stageStatesArb: fc.Arbitrary<Partial<Record<ProjectStage, StageStateSnapshot>>> = fc
  .array(stageStateArb, { minLength: PROJECT_STAGES.length, maxLength: PROJECT_STAGES.length })
  .map((states) => {
    const out: Partial<Record<ProjectStage, StageStateSnapshot>> = {};
    PROJECT_STAGES.forEach((stage, i) => {
      const state = states[i];
      if (state) out[stage] = state;
    });
    return out;
  });

/** Applies a planned move the way the API does. */
function apply(states: Partial<Record<ProjectStage, StageStateSnapshot>>, move: StageMove, now: Date) {
  const next = { ...states };
  if (move.kind === "forward") {
    for (const s of move.complete) next[s] = { completedAt: now, notApplicable: next[s]?.notApplicable ?? false };
  } else {
    for (const s of move.reopen) next[s] = { completedAt: null, notApplicable: next[s]?.notApplicable ?? false };
  }
  return next;
}

describe(planStageMove.name, () => {
  const staff = { isAdmin: false };
  const admin = { isAdmin: true, reason: "Projet de santé à reprendre après avis de l'ARS" };

  it("refuses to move to the current stage", () => {
    expect(planStageMove(ready("OUVERTURE"), "OUVERTURE", NOW, admin)).toEqual({
      ok: false,
      error: [{ key: "STAGE_UNCHANGED", stage: "OUVERTURE", message: "Le projet est déjà à l'étape « Ouverture »." }],
    });
  });

  it("moves one stage forward when the gate holds", () => {
    expect(planStageMove(ready("PROJET_SANTE"), "VALIDATION_ARS", NOW, staff)).toEqual({ ok: true, value: { kind: "forward", complete: ["PROJET_SANTE"] } });
  });

  it("moves several stages at once, completing each (VALIDATION_ARS counts as passed for the ACI gate)", () => {
    expect(planStageMove(ready("VALIDATION_ARS"), "EN_FONCTIONNEMENT", NOW, staff)).toEqual({
      ok: true,
      value: {
        kind: "forward",
        complete: ["VALIDATION_ARS", "STRUCTURE_JURIDIQUE", "IMMOBILIER", "FINANCEMENTS", "OUVERTURE", "SIGNATURE_ACI"],
      },
    });
  });

  it("skips stages already passed (not applicable, or completed out of order)", () => {
    const s = ready("STRUCTURE_JURIDIQUE", {
      stageStates: { ...passedUpTo("STRUCTURE_JURIDIQUE"), IMMOBILIER: NA, FINANCEMENTS: DONE },
      milestones: withMilestone(ready("OUVERTURE"), "BAIL_PLANS", null).milestones,
    });
    expect(planStageMove(s, "OUVERTURE", NOW, staff)).toEqual({ ok: true, value: { kind: "forward", complete: ["STRUCTURE_JURIDIQUE"] } });
  });

  it("collects ALL unmet requirements across the stages of the move", () => {
    const s = withMilestone(withMilestone(ready("PROJET_SANTE", { legalForm: null }), "ENGAGEMENTS_PS", null), "FINESS_EJ_ET", null);
    const r = planStageMove(s, "IMMOBILIER", NOW, staff);
    expect(r.ok ? [] : r.error.map((e) => `${e.stage}/${e.key}`)).toEqual([
      "PROJET_SANTE/MILESTONE_NOT_APPROVED:ENGAGEMENTS_PS",
      "VALIDATION_ARS/MILESTONE_NOT_APPROVED:FINESS_EJ_ET",
      "STRUCTURE_JURIDIQUE/LEGAL_FORM_MISSING",
    ]);
  });

  it("refuses a backward move to a non-admin and without a reason, both at once", () => {
    const r = planStageMove(ready("OUVERTURE"), "PROJET_SANTE", NOW, { isAdmin: false, reason: "   " });
    expect(r.ok ? [] : r.error.map((e) => e.key)).toEqual(["BACKWARD_REQUIRES_ADMIN", "BACKWARD_REQUIRES_REASON"]);
    const noReason = planStageMove(ready("OUVERTURE"), "PROJET_SANTE", NOW, { isAdmin: true, reason: null });
    expect(noReason.ok ? [] : noReason.error.map((e) => e.key)).toEqual(["BACKWARD_REQUIRES_REASON"]);
    const notAdmin = planStageMove(ready("OUVERTURE"), "PROJET_SANTE", NOW, { isAdmin: false, reason: "motif" });
    expect(notAdmin.ok ? [] : notAdmin.error.map((e) => e.key)).toEqual(["BACKWARD_REQUIRES_ADMIN"]);
  });

  it("reopens toStage … current on a backward move", () => {
    expect(planStageMove(ready("OUVERTURE"), "PROJET_SANTE", NOW, admin)).toEqual({
      ok: true,
      value: { kind: "backward", reopen: ["PROJET_SANTE", "VALIDATION_ARS", "STRUCTURE_JURIDIQUE", "IMMOBILIER", "FINANCEMENTS", "OUVERTURE"] },
    });
  });

  it("backward moves do not look at gates", () => {
    const s = ready("OUVERTURE", { milestones: {}, team: [], legalForm: null });
    expect(planStageMove(s, "PREMIER_CONTACT", NOW, admin).ok).toBe(true);
  });

  it("error keys are known requirement codes", () => {
    const s: ProjectSnapshot = { ...ready("PREMIER_CONTACT", { legalForm: null, team: [] }), milestones: {} };
    const r = planStageMove(s, "EN_FONCTIONNEMENT", NOW, staff);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const e of r.error) expect(REQUIREMENT_CODES).toContain(requirementCode(e.key));
    expect(requirementCode("MILESTONE_NOT_APPROVED:CPOM")).toBe("MILESTONE_NOT_APPROVED");
    expect(requirementCode("LEGAL_FORM_MISSING")).toBe("LEGAL_FORM_MISSING");
  });

  const milestonesArb = fc
    .subarray(DEFAULT_MILESTONES.map((m) => m.key))
    .map((approvedKeys) => Object.fromEntries(approvedKeys.map((k) => [k, { status: "APPROVED" as const, approvedFields: APPROVED_FIELDS[k] ?? {} }])));
  const snapshotArb = fc
    .record({
      stageStates: stageStatesArb,
      legalForm: fc.constantFrom("SISA" as const, "ASSOCIATION_1901" as const, null),
      team: fc.constantFrom(FULL_TEAM, [], FULL_TEAM.slice(1)),
      milestones: fc.oneof(milestonesArb, fc.constant(allApproved())),
    })
    .map((r): ProjectSnapshot => ({ ...r, stage: deriveCurrentStage(r.stageStates), customMilestones: [] }));

  it("property: an accepted forward move lands on toStage or later, with every earlier stage passed", () => {
    fc.assert(
      fc.property(snapshotArb, fc.constantFrom(...PROJECT_STAGES), (snapshot, toStage) => {
        const r = planStageMove(snapshot, toStage, NOW, staff);
        if (!r.ok || r.value.kind !== "forward") return;
        expect(stageIndex(toStage)).toBeGreaterThan(stageIndex(snapshot.stage));
        expect(r.value.complete[0]).toBe(snapshot.stage);
        const after = deriveCurrentStage(apply(snapshot.stageStates, r.value, NOW));
        expect(stageIndex(after)).toBeGreaterThanOrEqual(stageIndex(toStage));
      }),
    );
  });

  it("property: a refused forward move only reports stages of the move, and never for a passed stage", () => {
    fc.assert(
      fc.property(snapshotArb, fc.constantFrom(...PROJECT_STAGES), (snapshot, toStage) => {
        if (stageIndex(toStage) <= stageIndex(snapshot.stage)) return;
        const r = planStageMove(snapshot, toStage, NOW, staff);
        if (!r.ok) {
          expect(r.error.length).toBeGreaterThan(0);
          for (const e of r.error) {
            expect(isStagePassed(snapshot, e.stage)).toBe(false);
            expect(stageIndex(e.stage)).toBeGreaterThanOrEqual(stageIndex(snapshot.stage));
            expect(stageIndex(e.stage)).toBeLessThan(stageIndex(toStage));
          }
        }
      }),
    );
  });

  it("property: an admin's backward move with a reason always lands exactly on toStage", () => {
    fc.assert(
      fc.property(snapshotArb, fc.constantFrom(...PROJECT_STAGES), (snapshot, toStage) => {
        if (stageIndex(toStage) >= stageIndex(snapshot.stage)) return;
        const r = planStageMove(snapshot, toStage, NOW, admin);
        expect(r.ok).toBe(true);
        if (r.ok) expect(deriveCurrentStage(apply(snapshot.stageStates, r.value, NOW))).toBe(toStage);
      }),
    );
  });

  it("property: with everything approved and a full SISA team, any forward move is accepted", () => {
    fc.assert(
      fc.property(stageStatesArb, fc.constantFrom(...PROJECT_STAGES), (states, toStage) => {
        const snapshot = ready(deriveCurrentStage(states), { stageStates: states });
        if (stageIndex(toStage) <= stageIndex(snapshot.stage)) return;
        expect(planStageMove(snapshot, toStage, NOW, staff).ok).toBe(true);
      }),
    );
  });
});
