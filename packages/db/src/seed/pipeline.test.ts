/**
 * The demo pipeline in memory (no database): stage states, submissions, teams and timelines checked against the
 * business rules of @maillage/domain (gates, field validation, identifiers, alerts).
 */
import {
  computeAlerts,
  DEFAULT_MILESTONES,
  deriveCurrentStage,
  exitRequirements,
  findMilestone,
  isValidAdeli,
  isValidFiness,
  isValidRpps,
  meetsMinimumTeam,
  PARAMEDICAL_PROFESSIONS,
  RPPS_PROFESSIONS,
  validateMilestoneFields,
  type AlertProjectSnapshot,
  type MilestoneState,
  type ProjectSnapshot,
  type StageStateSnapshot,
  type TeamMemberSnapshot,
} from "@maillage/domain";
import { beforeAll, describe, expect, it } from "vitest";

import { buildDemoDataset, DEMO_ACCOUNTS, DEMO_IDS, type DemoDataset } from "./demo";
import { STAGES } from "./generator";
import { BACKFILL_COMMENT, IMMOBILIER_NOT_APPLICABLE_REASON } from "./pipeline";

const NOW_A = new Date("2026-11-23T09:00:00.000Z");
const NOW_B = new Date("2027-03-01T15:30:00.000Z");
const DAY = 86_400_000;
const FED1 = DEMO_IDS.federations.nouvelleAquitaine;

type Project = DemoDataset["projects"][number];
type Submission = DemoDataset["submissions"][number];

const idx = (stage: string) => STAGES.indexOf(stage as (typeof STAGES)[number]);
const groupBy = <T,>(rows: readonly T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(key(r)) ?? [];
    list.push(r);
    m.set(key(r), list);
  }
  return m;
};

let d: DemoDataset;
let subsOf: Map<string, Submission[]>;
let teamOf: Map<string, DemoDataset["team"]>;
let statesOf: Map<string, DemoDataset["stageStates"]>;
let eventsOf: Map<string, DemoDataset["auditEvents"]>;

beforeAll(() => {
  d = buildDemoDataset(NOW_A, "hash");
  subsOf = groupBy(d.submissions, (s) => s.projectId);
  teamOf = groupBy(d.team, (m) => m.projectId);
  statesOf = groupBy(d.stageStates, (s) => s.projectId);
  eventsOf = groupBy(d.auditEvents, (e) => e.projectId);
});

/** The latest submission of each milestone as it stood at `at` (a review after `at` had not happened yet). */
function milestonesAt(p: Project, at: number): Record<string, MilestoneState> {
  const out: Record<string, MilestoneState> = {};
  const subs = (subsOf.get(p.id) ?? [])
    .filter((s) => s.createdAt.getTime() <= at)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  for (const s of subs) {
    if (s.milestoneKey in out) continue;
    const reviewed = s.reviewedAt !== null && s.reviewedAt.getTime() <= at;
    const status = reviewed ? s.status : "SUBMITTED";
    out[s.milestoneKey] = { status, approvedFields: status === "APPROVED" ? s.fields : {} };
  }
  return out;
}

function teamSnapshot(p: Project): TeamMemberSnapshot[] {
  return (teamOf.get(p.id) ?? []).map((m) => ({ profession: m.profession, role: m.role, isAssociate: m.isAssociate, joinedAt: m.joinedAt, leftAt: m.leftAt }));
}

function snapshotAt(p: Project, at: number): ProjectSnapshot {
  const stageStates: Partial<Record<(typeof STAGES)[number], StageStateSnapshot>> = {};
  for (const s of statesOf.get(p.id) ?? []) {
    stageStates[s.stage] = { completedAt: s.completedAt && s.completedAt.getTime() <= at ? s.completedAt : null, notApplicable: s.notApplicable };
  }
  return {
    stage: deriveCurrentStage(stageStates),
    stageStates,
    legalForm: p.legalForm ?? null,
    team: teamSnapshot(p),
    milestones: milestonesAt(p, at),
    customMilestones: [],
  };
}

describe("stage states", () => {
  it("complete every stage before the current one, in order, between createdAt and stageEnteredAt", () => {
    for (const p of d.projects) {
      const states = statesOf.get(p.id) ?? [];
      const k = idx(p.stage);
      expect(states.map((s) => s.stage)).toEqual(STAGES.slice(0, k + 1));
      let cursor = p.createdAt.getTime();
      for (const s of states.slice(0, k)) {
        if (s.notApplicable) {
          expect(s).toMatchObject({ stage: "IMMOBILIER", startedAt: null, completedAt: null, notApplicableReason: IMMOBILIER_NOT_APPLICABLE_REASON });
          continue;
        }
        expect(s.startedAt?.getTime()).toBe(cursor);
        expect(s.completedAt!.getTime()).toBeGreaterThan(s.startedAt!.getTime());
        cursor = s.completedAt!.getTime();
      }
      const current = states[k]!;
      expect(current.completedAt).toBeNull();
      expect(current.startedAt?.getTime()).toBe(cursor);
      expect(p.stageEnteredAt?.getTime()).toBe(cursor);
      expect(cursor).toBeLessThanOrEqual(NOW_A.getTime());
      expect(deriveCurrentStage(Object.fromEntries(states.map((s) => [s.stage, s])))).toBe(p.stage);
    }
  });

  it("marks IMMOBILIER not applicable for about a quarter of the projects past it (multi-site MSPs)", () => {
    const past = d.projects.filter((p) => idx(p.stage) > idx("IMMOBILIER"));
    const na = past.filter((p) => statesOf.get(p.id)?.some((s) => s.notApplicable));
    expect(na.length / past.length).toBeGreaterThan(0.15);
    expect(na.length / past.length).toBeLessThan(0.35);
    expect(d.stageStates.filter((s) => s.notApplicable).every((s) => s.stage === "IMMOBILIER")).toBe(true);
  });

  it("left every completed stage with its gate holding at that time (milestones, minimum team, legal form, ACI)", () => {
    let checked = 0;
    for (const p of d.projects) {
      for (const s of statesOf.get(p.id) ?? []) {
        if (!s.completedAt) continue;
        const at = s.completedAt.getTime();
        const unmet = exitRequirements(snapshotAt(p, at), s.stage, s.completedAt);
        expect(unmet, `${p.name} leaving ${s.stage}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });
});

describe("submissions", () => {
  it("approve every required milestone (DEFAULT_MILESTONES) of every completed stage", () => {
    for (const p of d.projects) {
      const now = milestonesAt(p, NOW_A.getTime());
      for (const s of statesOf.get(p.id) ?? []) {
        if (!s.completedAt) continue;
        for (const m of DEFAULT_MILESTONES.filter((x) => x.stage === s.stage && x.required)) {
          expect(now[m.key]?.status, `${p.name} ${m.key}`).toBe("APPROVED");
        }
      }
    }
  });

  it("carry valid field values, dated no later than the submission", () => {
    for (const s of d.submissions) {
      const def = findMilestone(s.milestoneKey, []);
      expect(def, s.milestoneKey).toBeDefined();
      const values = Object.entries(s.fields).map(([key, value]) => ({ key, value }));
      const r = validateMilestoneFields(def!, values, NOW_A);
      expect(r.ok ? r.value : r.error, `${s.milestoneKey} ${JSON.stringify(s.fields)}`).toEqual(s.fields);
      for (const f of def!.fields.filter((x) => x.type === "DATE")) {
        const v = s.fields[f.key];
        if (v) expect(v <= s.createdAt.toISOString().slice(0, 10), `${s.milestoneKey}.${f.key}`).toBe(true);
      }
    }
  });

  it("date the milestones within their project's life; reviews a few days after the submission", () => {
    const projects = new Map(d.projects.map((p) => [p.id, p]));
    for (const s of d.submissions) {
      const p = projects.get(s.projectId)!;
      expect(s.federationId).toBe(p.federationId);
      expect(s.createdAt.getTime()).toBeGreaterThan(p.createdAt.getTime());
      expect(s.createdAt.getTime()).toBeLessThanOrEqual(NOW_A.getTime());
      if (s.status === "SUBMITTED") {
        expect([s.reviewerId, s.reviewComment, s.reviewedAt]).toEqual([null, null, null]);
      } else {
        expect(s.reviewerId).not.toBeNull();
        expect(s.reviewedAt!.getTime()).toBeGreaterThan(s.createdAt.getTime());
        expect(s.reviewedAt!.getTime() - s.createdAt.getTime()).toBeLessThan(26 * DAY);
        expect(s.reviewedAt!.getTime()).toBeLessThanOrEqual(p.lastActivityAt!.getTime());
      }
      if (s.status === "CHANGES_REQUESTED") expect(s.reviewComment).toMatch(/[a-zé]{3}.*[.!?]$/);
      // The documents of the history went by e-mail.
      if (s.createdAt.getTime() < p.stageEnteredAt!.getTime() && s.milestoneKey !== "ACI_JUSTIFICATIFS") expect(s.comment).toBe(BACKFILL_COMMENT);
      // Staff review; the chargé·e (or the admin) submits on behalf of the team, msp@/msp2@ for their own project.
      expect([p.chargeId, DEMO_IDS.users.admin, DEMO_IDS.users.admin2]).toContain(s.reviewerId ?? p.chargeId);
      const own = DEMO_ACCOUNTS.find((a) => a.mspProjectId === p.id)?.userId ?? null;
      expect([p.chargeId, own, DEMO_IDS.users.admin, DEMO_IDS.users.admin2]).toContain(s.authorId);
    }
    const statuses = groupBy(d.submissions, (s) => s.status);
    expect(statuses.get("APPROVED")!.length).toBeGreaterThan(1000);
    expect(statuses.get("CHANGES_REQUESTED")!.length).toBeGreaterThan(50);
    expect(statuses.get("SUBMITTED")!.length).toBeGreaterThan(20);
  });

  it("leave the current stage of active projects partly submitted (1–20 days ago), partly sent back, partly missing", () => {
    const active = d.projects.filter((p) => p.status === "ACTIVE" && p.stage !== "EN_FONCTIONNEMENT" && p.stage !== "SIGNATURE_ACI");
    const outcome: Record<string, number> = {};
    for (const p of active) {
      const ms = milestonesAt(p, NOW_A.getTime());
      for (const m of DEFAULT_MILESTONES.filter((x) => x.stage === p.stage && x.required)) {
        const status = ms[m.key]?.status ?? "MISSING";
        outcome[status] = (outcome[status] ?? 0) + 1;
      }
    }
    for (const status of ["SUBMITTED", "CHANGES_REQUESTED", "MISSING"]) expect(outcome[status], status).toBeGreaterThan(5);
    const pending = d.submissions.filter((s) => s.status === "SUBMITTED" && s.milestoneKey !== "ACI_JUSTIFICATIFS");
    const ages = pending.map((s) => (NOW_A.getTime() - s.createdAt.getTime()) / DAY);
    expect(ages.filter((a) => a > 7).length).toBeGreaterThan(5);
    expect(ages.filter((a) => a <= 7).length).toBeGreaterThan(3);
    expect(Math.max(...ages)).toBeLessThanOrEqual(21);
  });

  it("gives running MSPs their signed ACI contract and past years' evidence packs", () => {
    for (const p of d.projects.filter((x) => x.stage === "SIGNATURE_ACI" || x.stage === "EN_FONCTIONNEMENT")) {
      const ms = milestonesAt(p, NOW_A.getTime());
      expect(ms.CONTRAT_ACI?.status, p.name).toBe("APPROVED");
      const signedYear = Number(ms.CONTRAT_ACI!.approvedFields.signedAt!.slice(0, 4));
      const years = (subsOf.get(p.id) ?? []).filter((s) => s.milestoneKey === "ACI_JUSTIFICATIFS").map((s) => Number(s.fields.year));
      // Years whose 31 January deadline has passed (NOW_A is in November).
      const due = [];
      for (let y = signedYear; y < NOW_A.getUTCFullYear(); y++) due.push(y);
      if (p.status === "ACTIVE") expect(years.sort(), p.name).toEqual(due);
    }
  });

  it("has exactly one MSP at SIGNATURE_ACI still an association, committed to a SISA within 6 months", () => {
    const committed = d.submissions.filter((s) => s.milestoneKey === "CONTRAT_ACI" && s.status === "APPROVED" && s.fields.sisaCommitment === "true");
    expect(committed).toHaveLength(1);
    const p = d.projects.find((x) => x.id === committed[0]!.projectId)!;
    expect(p).toMatchObject({ stage: "SIGNATURE_ACI", legalForm: "ASSOCIATION_1901", status: "ACTIVE", federationId: FED1 });
    const signed = Date.parse(committed[0]!.fields.signedAt!);
    expect(NOW_A.getTime() - signed).toBeLessThan(170 * DAY);
    expect(milestonesAt(p, NOW_A.getTime()).SISA_STATUTS).toBeUndefined();
  });
});

describe("legal forms", () => {
  it("are mostly SISA from STRUCTURE_JURIDIQUE on, associations for the others and some earlier projects", () => {
    const structured = d.projects.filter((p) => idx(p.stage) >= idx("STRUCTURE_JURIDIQUE"));
    const sisa = structured.filter((p) => p.legalForm === "SISA").length / structured.length;
    expect(sisa).toBeGreaterThan(0.78);
    expect(sisa).toBeLessThan(0.92);
    const passed = structured.filter((p) => p.stage !== "STRUCTURE_JURIDIQUE");
    expect(passed.every((p) => p.legalForm !== null)).toBe(true);
    expect(passed.filter((p) => p.legalForm === "ASSOCIATION_1901").length).toBeGreaterThan(3);
    const early = d.projects.filter((p) => idx(p.stage) < idx("STRUCTURE_JURIDIQUE"));
    expect(early.filter((p) => p.legalForm === "ASSOCIATION_1901").length).toBeGreaterThan(5);
    expect(early.filter((p) => p.legalForm === "SISA")).toEqual([]);
    for (const p of d.projects.filter((x) => x.legalForm === "ASSOCIATION_1901")) {
      expect(milestonesAt(p, NOW_A.getTime()).ASSO_STATUTS?.status, p.name).toBe("APPROVED");
    }
    expect(d.projects.filter((p) => idx(p.stage) >= idx("SIGNATURE_ACI") && p.legalForm !== "SISA")).toHaveLength(1);
  });

  it("give a reason to every paused or abandoned project, none to active ones", () => {
    for (const p of d.projects) {
      if (p.status === "ACTIVE") expect(p.statusReason).toBeNull();
      else expect(p.statusReason).toMatch(/^[A-ZÉ].{10,}/);
    }
  });
});

describe("teams", () => {
  it("have 3–15 active members with distinct names, valid RPPS (or a few ADELI) numbers", () => {
    const rpps = new Set<string>();
    for (const p of d.projects) {
      const team = teamOf.get(p.id) ?? [];
      const active = team.filter((m) => m.leftAt === null);
      expect(active.length, p.name).toBeGreaterThanOrEqual(3);
      expect(active.length, p.name).toBeLessThanOrEqual(15);
      expect(new Set(team.map((m) => m.fullName)).size).toBe(team.length);
      for (const m of team) {
        expect(m.fullName).toMatch(/^[A-ZÉÎÏ][\p{L}'-]+( [\p{L}'-]+)+$/u);
        expect(m.rpps !== null && m.adeli !== null).toBe(false);
        if (RPPS_PROFESSIONS.includes(m.profession)) expect(m.rpps).not.toBeNull();
        if (m.rpps !== null) {
          expect(isValidRpps(m.rpps), m.rpps).toBe(true);
          expect(m.rpps.startsWith("10")).toBe(true);
          expect(rpps.has(m.rpps)).toBe(false);
          rpps.add(m.rpps);
        }
        if (m.adeli !== null) {
          expect(isValidAdeli(m.adeli)).toBe(true);
          expect(m.adeli.startsWith(p.departementCode)).toBe(true);
          expect(m.profession === "AUTRE" || PARAMEDICAL_PROFESSIONS.includes(m.profession)).toBe(true);
        }
        expect(m.joinedAt.getTime() % DAY).toBe(0);
        if (m.leftAt) expect(m.leftAt.getTime()).toBeGreaterThan(m.joinedAt.getTime());
      }
    }
    const withRpps = d.team.filter((m) => m.rpps !== null).length;
    const withAdeli = d.team.filter((m) => m.adeli !== null).length;
    expect(withRpps / d.team.length).toBeGreaterThan(0.8);
    expect(withAdeli).toBeGreaterThan(10);
    expect(withAdeli / d.team.length).toBeLessThan(0.12);
  });

  it("mix professions close to DOMAIN.md §2.6 (~25 % GPs, ~30 % nurses, ~13 % physios)", () => {
    const share = (p: string) => d.team.filter((m) => m.profession === p).length / d.team.length;
    expect(share("MEDECIN_GENERALISTE")).toBeGreaterThan(0.2);
    expect(share("MEDECIN_GENERALISTE")).toBeLessThan(0.3);
    expect(share("INFIRMIER")).toBeGreaterThan(0.25);
    expect(share("INFIRMIER")).toBeLessThan(0.35);
    expect(share("MASSEUR_KINESITHERAPEUTE")).toBeGreaterThan(0.1);
    expect(share("MASSEUR_KINESITHERAPEUTE")).toBeLessThan(0.17);
    expect(new Set(d.team.map((m) => m.profession)).size).toBeGreaterThanOrEqual(12);
  });

  it("have 1–2 active leaders, one coordinator from OUVERTURE on, a few departures", () => {
    for (const p of d.projects) {
      const team = teamOf.get(p.id) ?? [];
      const leaders = team.filter((m) => m.role === "LEADER");
      expect(leaders.length).toBeGreaterThanOrEqual(1);
      expect(leaders.length).toBeLessThanOrEqual(2);
      expect(leaders.every((m) => m.leftAt === null)).toBe(true);
      const coordinators = team.filter((m) => m.role === "COORDINATOR");
      expect(coordinators.length, p.name).toBe(idx(p.stage) >= idx("OUVERTURE") ? 1 : 0);
      expect(coordinators.every((m) => m.leftAt === null)).toBe(true);
    }
    expect(d.team.filter((m) => m.leftAt !== null).length).toBeGreaterThan(50);
  });

  it("meet the minimum team from PROJET_SANTE on (SISA: among associates), except msp@'s project", () => {
    for (const p of d.projects) {
      if (idx(p.stage) < idx("PROJET_SANTE") || p.id === DEMO_IDS.projects.msp) continue;
      const team = teamSnapshot(p);
      expect(meetsMinimumTeam(team, NOW_A), p.name).toBe(true);
      if (p.legalForm === "SISA") expect(meetsMinimumTeam(team, NOW_A, { associatesOnly: true }), p.name).toBe(true);
      else expect(team.some((m) => m.isAssociate)).toBe(false);
    }
  });
});

describe("timelines", () => {
  it("tell each project's story in order, from its creation to its latest activity", () => {
    const submissions = new Map(d.submissions.map((s) => [s.id, s]));
    const members = new Map(d.team.map((m) => [m.id, m]));
    for (const p of d.projects) {
      const events = eventsOf.get(p.id) ?? [];
      for (let i = 1; i < events.length; i++) expect(events[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.createdAt.getTime());
      expect(events[0]).toMatchObject({ action: "project.create", targetType: "MspProject", targetId: p.id, createdAt: p.createdAt });
      expect(events.at(-1)!.createdAt).toEqual(p.lastActivityAt);
      expect(p.updatedAt).toEqual(p.lastActivityAt);
      for (const e of events) {
        expect(e.federationId).toBe(p.federationId);
        expect(e.actorId).toMatch(/^[0-9a-f-]{36}$/);
        if (e.targetType === "Submission") expect(submissions.get(e.targetId)?.projectId).toBe(p.id);
        if (e.targetType === "TeamMember") expect(members.get(e.targetId)?.projectId).toBe(p.id);
        if (e.targetType === "MspProject") expect(e.targetId).toBe(p.id);
      }
      const count = (action: string) => events.filter((e) => e.action === action).length;
      const subs = subsOf.get(p.id) ?? [];
      const states = statesOf.get(p.id) ?? [];
      expect(count("milestone.submit")).toBe(subs.length);
      expect(count("milestone.review")).toBe(subs.filter((s) => s.reviewedAt).length);
      expect(count("team.add")).toBe((teamOf.get(p.id) ?? []).length);
      expect(count("team.leave")).toBe((teamOf.get(p.id) ?? []).filter((m) => m.leftAt).length);
      expect(count("project.stage")).toBe(states.filter((s) => s.completedAt).length);
      expect(count("project.stage.applicability")).toBe(states.filter((s) => s.notApplicable).length);
      const stageEvents = events.filter((e) => e.action === "project.stage");
      const completed = states.filter((s) => s.completedAt);
      stageEvents.forEach((e, i) => {
        expect(e.summary).toMatchObject({ from: completed[i]!.stage, direction: "forward", reason: null });
        expect(e.createdAt).toEqual(completed[i]!.completedAt);
      });
      if (stageEvents.length) expect(stageEvents.at(-1)!.summary.to).toBe(p.stage);
    }
    // One global chronological order (ids follow time once inserted).
    for (let i = 1; i < d.auditEvents.length; i++) {
      expect(d.auditEvents[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(d.auditEvents[i - 1]!.createdAt.getTime());
    }
  });

  it("show ~15 % of the active projects stalled (70–200 days), the others active recently", () => {
    const active = d.projects.filter((p) => p.status === "ACTIVE");
    const age = (p: Project) => (NOW_A.getTime() - p.lastActivityAt!.getTime()) / DAY;
    const stalled = active.filter((p) => age(p) > 60);
    expect(stalled.length / active.length).toBeGreaterThan(0.1);
    expect(stalled.length / active.length).toBeLessThan(0.22);
    for (const p of stalled) {
      expect(age(p)).toBeGreaterThanOrEqual(70);
      expect(age(p)).toBeLessThanOrEqual(201);
      expect(p.stage).not.toBe("EN_FONCTIONNEMENT");
    }
    for (const p of active.filter((x) => age(x) <= 60)) expect(age(p)).toBeLessThan(45);
  });
});

describe("alerts of the demo (computeAlerts of @maillage/domain)", () => {
  it("raise stalled projects, waiting reviews, CPOM renewals and one SISA due", () => {
    const snapshots: AlertProjectSnapshot[] = d.projects.map((p) => {
      const subs = [...(subsOf.get(p.id) ?? [])].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      const approvedFields: Record<string, Record<string, string>> = {};
      for (const s of subs) if (s.status === "APPROVED" && !(s.milestoneKey in approvedFields)) approvedFields[s.milestoneKey] = s.fields;
      return {
        projectId: p.id,
        federationId: p.federationId,
        name: p.name,
        stage: p.stage,
        status: p.status,
        lastActivityAt: p.lastActivityAt!,
        pendingSubmissions: subs.filter((s) => s.status === "SUBMITTED").map((s) => ({ id: s.id, milestoneKey: s.milestoneKey, createdAt: s.createdAt })),
        approvedFields,
        submittedEvidenceYears: subs.filter((s) => s.milestoneKey === "ACI_JUSTIFICATIFS" && s.status !== "CHANGES_REQUESTED").map((s) => Number(s.fields.year)),
      };
    });
    for (const now of [NOW_A, new Date(NOW_A.getTime() + 20 * DAY)]) {
      const alerts = computeAlerts(snapshots, now).filter((a) => a.federationId === FED1);
      const kinds = groupBy(alerts, (a) => a.kind);
      expect(kinds.get("STALLED_PROJECT")!.length).toBeGreaterThanOrEqual(10);
      expect(kinds.get("SUBMISSION_AWAITING_REVIEW")!.length).toBeGreaterThanOrEqual(10);
      expect(kinds.get("CPOM_RENEWAL")!.length).toBeGreaterThanOrEqual(3);
      expect(kinds.get("SISA_DUE")).toHaveLength(1);
      expect(alerts.some((a) => a.projectId === DEMO_IDS.projects.msp && a.kind === "STALLED_PROJECT")).toBe(false);
    }
  });
});

describe("the demo accounts' projects", () => {
  it("msp@'s « MSP du Val de l'Isle »: earlier stages done, PROJET_SANTE submitted 3 days ago, ENGAGEMENTS_PS missing, 1 GP", () => {
    const p = d.projects.find((x) => x.id === DEMO_IDS.projects.msp)!;
    expect(p).toMatchObject({ stage: "PROJET_SANTE", status: "ACTIVE", legalForm: null });
    expect((statesOf.get(p.id) ?? []).map((s) => [s.stage, s.completedAt !== null])).toEqual([
      ["PREMIER_CONTACT", true],
      ["PRE_DIAGNOSTIC", true],
      ["DIAGNOSTIC_TERRITORIAL", true],
      ["PROJET_SANTE", false],
    ]);
    const current = (subsOf.get(p.id) ?? []).filter((s) => s.milestoneKey === "PROJET_SANTE" || s.milestoneKey === "ENGAGEMENTS_PS");
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ milestoneKey: "PROJET_SANTE", status: "SUBMITTED", authorId: DEMO_IDS.users.msp, reviewerId: null });
    expect(Object.keys(current[0]!.fields)).toEqual(["versionDate"]);
    expect(NOW_A.getTime() - current[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(3 * DAY);
    expect(NOW_A.getTime() - current[0]!.createdAt.getTime()).toBeLessThan(4 * DAY);
    const team = teamOf.get(p.id) ?? [];
    expect(team.map((m) => [m.profession, m.role, m.leftAt])).toEqual([
      ["MEDECIN_GENERALISTE", "LEADER", null],
      ["INFIRMIER", "MEMBER", null],
      ["MASSEUR_KINESITHERAPEUTE", "MEMBER", null],
    ]);
    expect(team[0]!.fullName).toBe("Marion Lacoste");
    expect(meetsMinimumTeam(teamSnapshot(p), NOW_A)).toBe(false);
    const unmet = exitRequirements(snapshotAt(p, NOW_A.getTime()), "PROJET_SANTE", NOW_A).map((u) => u.key);
    expect(unmet.sort()).toEqual(["MILESTONE_NOT_APPROVED:ENGAGEMENTS_PS", "MILESTONE_NOT_APPROVED:PROJET_SANTE", "TEAM_MINIMUM_COMPOSITION"]);
    // Its timeline only holds actions the API itself records.
    const actions = new Set((eventsOf.get(p.id) ?? []).map((e) => e.action));
    expect([...actions].sort()).toEqual(["milestone.review", "milestone.submit", "project.create", "project.stage", "team.add"]);
  });

  it("msp2@'s Carhaix-Plouguer: a SISA at SIGNATURE_ACI, contract signed and submitted by msp2@", () => {
    const p = d.projects.find((x) => x.id === DEMO_IDS.projects.msp2)!;
    expect(p).toMatchObject({ stage: "SIGNATURE_ACI", status: "ACTIVE", legalForm: "SISA" });
    const ms = milestonesAt(p, NOW_A.getTime());
    expect(ms.CONTRAT_ACI?.status).toBe("APPROVED");
    expect(ms.SISA_STATUTS?.status).toBe("APPROVED");
    const contract = (subsOf.get(p.id) ?? []).find((s) => s.milestoneKey === "CONTRAT_ACI" && s.status === "APPROVED")!;
    expect(contract.authorId).toBe(DEMO_IDS.users.msp2);
    expect(contract.reviewerId).toBe(DEMO_IDS.users.chargeBretagne);
    expect(teamOf.get(p.id)?.[0]).toMatchObject({ fullName: "Erwan Le Bihan", profession: "MEDECIN_GENERALISTE", role: "LEADER", isAssociate: true });
    expect(exitRequirements(snapshotAt(p, NOW_A.getTime()), "SIGNATURE_ACI", NOW_A)).toEqual([]);
  });
});

describe("determinism", () => {
  it("gives identical rows for the same `now`", () => {
    const again = buildDemoDataset(NOW_A, "hash");
    expect(again.stageStates).toEqual(d.stageStates);
    expect(again.submissions).toEqual(d.submissions);
    expect(again.team).toEqual(d.team);
    expect(again.auditEvents).toEqual(d.auditEvents);
    expect(again.projects).toEqual(d.projects);
  });

  it("moves only the timestamps with another `now` (the calendar-bound ACI evidence packs aside)", () => {
    const other = buildDemoDataset(NOW_B, "hash");
    const shiftA = NOW_A.getTime();
    const shiftB = NOW_B.getTime();
    const rel = (t: Date | null | undefined, now: number) => (t ? Math.round((t.getTime() - now) / 1000) : null);
    const isDate = (key: string, field: string) => findMilestone(key, [])?.fields.find((f) => f.key === field)?.type === "DATE";
    const subs = (x: DemoDataset, now: number) =>
      x.submissions
        .filter((s) => s.milestoneKey !== "ACI_JUSTIFICATIFS")
        .map((s) => ({
          ...s,
          createdAt: rel(s.createdAt, now),
          reviewedAt: rel(s.reviewedAt, now),
          fields: Object.fromEntries(Object.entries(s.fields).map(([k, v]) => [k, isDate(s.milestoneKey, k) ? "date" : v])),
        }));
    expect(subs(other, shiftB)).toEqual(subs(d, shiftA));
    const team = (x: DemoDataset, now: number) => x.team.map((m) => ({ ...m, joinedAt: rel(m.joinedAt, now)! / 86_400, leftAt: m.leftAt ? rel(m.leftAt, now)! / 86_400 : null, createdAt: rel(m.createdAt, now) }));
    const near = (a: ReturnType<typeof team>, b: ReturnType<typeof team>) =>
      a.map((m, i) => ({ ...m, joinedAt: Math.abs(m.joinedAt - b[i]!.joinedAt) <= 1, leftAt: m.leftAt === null ? null : Math.abs(m.leftAt - b[i]!.leftAt!) <= 1 }));
    expect(near(team(other, shiftB), team(d, shiftA))).toEqual(near(team(d, shiftA), team(d, shiftA)));
    const states = (x: DemoDataset, now: number) => x.stageStates.map((s) => ({ ...s, startedAt: rel(s.startedAt, now), completedAt: rel(s.completedAt, now) }));
    expect(states(other, shiftB)).toEqual(states(d, shiftA));
    const projects = (x: DemoDataset, now: number) =>
      x.projects.map((p) => ({ id: p.id, legalForm: p.legalForm, statusReason: p.statusReason, stageEnteredAt: rel(p.stageEnteredAt, now) }));
    expect(projects(other, shiftB)).toEqual(projects(d, shiftA));
  });
});
