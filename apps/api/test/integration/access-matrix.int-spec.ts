/**
 * Every query and mutation of the schema × every role × two federations. The list of operations is read from
 * the committed schema.graphql, so a new operation fails this test until its row of the matrix is written.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { DEMO_IDS } from "@maillage/db/seed";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type GqlResponse, type TestApp } from "./harness.js";

const ACTORS = {
  anonymous: null,
  admin: "admin@demo.maillage.fr",
  charge: "charge@demo.maillage.fr",
  msp: "msp@demo.maillage.fr",
  chercheur: "chercheur@demo.maillage.fr",
  admin2: "admin2@demo.maillage.fr",
  msp2: "msp2@demo.maillage.fr",
} as const;
type ActorName = keyof typeof ACTORS;

const FED1 = DEMO_IDS.federations.nouvelleAquitaine;
const FED2 = DEMO_IDS.federations.bretagne;
const P1 = DEMO_IDS.projects.msp;
const P2 = DEMO_IDS.projects.msp2;

/** Where each actor belongs, to check answers against. */
const HOME: Record<Exclude<ActorName, "anonymous">, { federationId: string; projectId: string | null; role: string }> = {
  admin: { federationId: FED1, projectId: null, role: "FEDERATION_ADMIN" },
  charge: { federationId: FED1, projectId: null, role: "CHARGE_DEVELOPPEMENT" },
  msp: { federationId: FED1, projectId: P1, role: "MSP_MEMBER" },
  chercheur: { federationId: FED1, projectId: null, role: "RESEARCHER" },
  admin2: { federationId: FED2, projectId: null, role: "FEDERATION_ADMIN" },
  msp2: { federationId: FED2, projectId: P2, role: "MSP_MEMBER" },
};

type Ctx = { t: TestApp; actor: ActorName; c: GqlClient };
type Check = (r: GqlResponse<any>, ctx: Ctx) => Promise<void> | void;

const isStaff = (a: ActorName) => a === "admin" || a === "charge" || a === "admin2";
const expectCode = (code: string): Check => (r) => {
  expect(GqlClient.code(r), JSON.stringify(r.errors)).toBe(code);
  expect(r.data).toBeNull();
};
const anonymousRefused = expectCode("UNAUTHENTICATED");

/** Commune codes the creation test can use, one in each federation. */
const COMMUNE = { [FED1]: "33063" /* Bordeaux */, [FED2]: "35238" /* Rennes */ };

/** One open alert on each federation's demo project, made by hand (no alert rule produces the key "matrix"). */
async function openMatrixAlerts(t: TestApp): Promise<void> {
  for (const [projectId, federationId] of [[P1, FED1], [P2, FED2]] as const) {
    await t.running.database.prisma.alert.upsert({
      where: { projectId_kind_key: { projectId, kind: "STALLED_PROJECT", key: "matrix" } },
      create: { projectId, federationId, kind: "STALLED_PROJECT", key: "matrix", message: "Alerte de test" },
      update: { resolvedAt: null },
    });
  }
}
const matrixAlerts = (t: TestApp) =>
  Promise.all([P1, P2].map((projectId) => t.running.database.prisma.alert.findUnique({ where: { projectId_kind_key: { projectId, kind: "STALLED_PROJECT", key: "matrix" } } })));

type Operation = { name: string; kind: "query" | "mutation"; run: (ctx: Ctx) => Promise<GqlResponse<any>>; expect: (actor: ActorName) => Check };

const OPERATIONS: Operation[] = [
  {
    name: "me",
    kind: "query",
    run: ({ c }) => c.request(`{ me { id role federation { id } mspProject { id } } }`),
    expect: (a) =>
      a === "anonymous"
        ? anonymousRefused
        : (r) => {
            const home = HOME[a];
            expect(r.data.me.role).toBe(home.role);
            expect(r.data.me.federation.id).toBe(home.federationId);
            expect(r.data.me.mspProject?.id ?? null).toBe(home.projectId);
          },
  },
  {
    name: "federation",
    kind: "query",
    run: ({ c }) => c.request(`{ federation { id departements { code } } }`),
    expect: (a) =>
      a === "anonymous"
        ? anonymousRefused
        : (r) => {
            expect(r.data.federation.id).toBe(HOME[a].federationId);
            expect(r.data.federation.departements.length).toBe(HOME[a].federationId === FED1 ? 12 : 4);
          },
  },
  {
    name: "departements",
    kind: "query",
    run: ({ c }) => c.request(`{ departements { code region { code } } }`),
    expect: (a) => (a === "anonymous" ? anonymousRefused : (r) => expect(r.data.departements).toHaveLength(101)),
  },
  {
    name: "communes",
    kind: "query",
    run: ({ c }) => c.request(`{ communes(search: "saint", first: 50) { code departementCode } }`),
    expect: (a) =>
      a === "anonymous"
        ? anonymousRefused
        : async (r, { t }) => {
            const own = await t.running.database.prisma.federationDepartement.findMany({ where: { federationId: HOME[a].federationId } });
            const codes = new Set(own.map((d) => d.departementCode));
            expect(r.data.communes.length).toBeGreaterThan(0);
            for (const commune of r.data.communes) expect(codes.has(commune.departementCode)).toBe(true);
          },
  },
  {
    name: "staff",
    kind: "query",
    run: ({ c }) => c.request(`{ staff { id role } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "chercheur") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        const ids = r.data.staff.map((s: { id: string }) => s.id);
        const users = await t.running.database.prisma.user.findMany({ where: { id: { in: ids } } });
        expect(users.length).toBeGreaterThan(0);
        for (const u of users) {
          expect(u.federationId).toBe(HOME[a].federationId);
          expect(["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT"]).toContain(u.role);
        }
      };
    },
  },
  {
    name: "projects",
    kind: "query",
    run: ({ c }) => c.request(`{ projects(first: 100) { totalCount edges { node { id } } } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      return async (r, { t }) => {
        const home = HOME[a];
        const ids: string[] = r.data.projects.edges.map((e: { node: { id: string } }) => e.node.id);
        if (a === "chercheur") {
          expect(r.data.projects.totalCount).toBe(0);
          expect(ids).toEqual([]);
          return;
        }
        if (home.projectId) {
          expect(r.data.projects.totalCount).toBe(1);
          expect(ids).toEqual([home.projectId]);
          return;
        }
        const expected = await t.running.database.prisma.mspProject.count({ where: { federationId: home.federationId } });
        expect(r.data.projects.totalCount).toBe(expected);
        const rows = await t.running.database.prisma.mspProject.findMany({ where: { id: { in: ids } }, select: { federationId: true } });
        expect(rows.every((p) => p.federationId === home.federationId)).toBe(true);
      };
    },
  },
  {
    name: "project",
    kind: "query",
    run: async ({ c }) => {
      const [first, second] = [await c.request(`query($id: ID!) { project(id: $id) { id } }`, { id: P1 }), await c.request(`query($id: ID!) { project(id: $id) { id } }`, { id: P2 })];
      return { ...first, data: { p1: first, p2: second } } as GqlResponse<any>;
    },
    expect: (a) => (r) => {
      const { p1, p2 } = r.data as { p1: GqlResponse<any>; p2: GqlResponse<any> };
      if (a === "anonymous") {
        expect(GqlClient.code(p1)).toBe("UNAUTHENTICATED");
        expect(GqlClient.code(p2)).toBe("UNAUTHENTICATED");
        return;
      }
      const home = HOME[a];
      const seesP1 = home.federationId === FED1 && a !== "chercheur" && (home.projectId === null || home.projectId === P1);
      const seesP2 = home.federationId === FED2 && (home.projectId === null || home.projectId === P2);
      for (const [resp, sees, id] of [[p1, seesP1, P1], [p2, seesP2, P2]] as const) {
        if (sees) expect(resp.data?.project.id).toBe(id);
        else {
          expect(GqlClient.code(resp)).toBe("NOT_FOUND");
          expect(resp.data).toBeNull();
        }
      }
    },
  },
  {
    name: "createProject",
    kind: "mutation",
    run: ({ c, actor }) => {
      const fed = actor === "anonymous" ? FED1 : HOME[actor].federationId;
      return c.request(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id name departement { code } } }`, {
        input: { name: `Projet de test ${actor}`, communeCode: COMMUNE[fed] },
      });
    },
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (!isStaff(a)) {
        return async (r, { t }) => {
          expect(GqlClient.code(r)).toBe("FORBIDDEN");
          expect(await t.running.database.prisma.mspProject.count({ where: { name: `Projet de test ${a}` } })).toBe(0);
        };
      }
      return async (r, { t }) => {
        expect(r.errors).toBeUndefined();
        const row = await t.running.database.prisma.mspProject.findUniqueOrThrow({ where: { id: r.data.createProject.id } });
        expect(row.federationId).toBe(HOME[a].federationId);
      };
    },
  },
  {
    name: "updateProject",
    kind: "mutation",
    run: ({ c, actor }) =>
      c.request(`mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id name } }`, {
        input: { id: P1, name: `MSP du Val de l'Isle (${actor})` },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      const mayUpdate = a === "admin" || a === "charge";
      const seesP1 = a === "msp";
      return async (r, { t }) => {
        const row = await t.running.database.prisma.mspProject.findUniqueOrThrow({ where: { id: P1 } });
        if (mayUpdate) {
          expect(r.data.updateProject.name).toBe(`MSP du Val de l'Isle (${a})`);
          expect(row.name).toBe(`MSP du Val de l'Isle (${a})`);
          return;
        }
        expect(GqlClient.code(r)).toBe(seesP1 ? "FORBIDDEN" : "NOT_FOUND");
        expect(row.name).not.toBe(`MSP du Val de l'Isle (${a})`);
      };
    },
  },
  {
    name: "alerts",
    kind: "query",
    run: async ({ c, t }) => {
      await openMatrixAlerts(t);
      return c.request(`{ alerts(first: 100, filter: { includeResolved: true }) { totalCount edges { node { id kind project { id } } } } }`);
    },
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      return async (r, { t }) => {
        expect(r.errors).toBeUndefined();
        const projectIds: string[] = r.data.alerts.edges.map((e: { node: { project: { id: string } } }) => e.node.project.id);
        const ids: string[] = r.data.alerts.edges.map((e: { node: { id: string } }) => e.node.id);
        const [p1Alert, p2Alert] = await matrixAlerts(t);
        if (a === "chercheur") {
          expect(r.data.alerts.totalCount).toBe(0);
          expect(ids).toEqual([]);
          return;
        }
        const home = HOME[a];
        if (home.projectId) expect(new Set(projectIds)).toEqual(new Set([home.projectId]));
        const rows = await t.running.database.prisma.mspProject.findMany({ where: { id: { in: projectIds } }, select: { federationId: true } });
        expect(rows.every((p) => p.federationId === home.federationId)).toBe(true);
        expect(ids.includes(p1Alert!.id)).toBe(home.federationId === FED1);
        expect(ids.includes(p2Alert!.id)).toBe(home.federationId === FED2);
      };
    },
  },
  {
    name: "refreshAlerts",
    kind: "mutation",
    run: async ({ c, t }) => {
      await openMatrixAlerts(t);
      return c.request(`mutation { refreshAlerts { opened updated resolved } }`);
    },
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      return async (r, ctx) => {
        const { t } = ctx;
        // An admin's refresh resolves the hand-made alert of their federation (no rule produces it), not the other's.
        const [p1Alert, p2Alert] = await matrixAlerts(t);
        if (a === "admin" || a === "admin2") {
          expect(r.errors).toBeUndefined();
          expect(r.data.refreshAlerts.resolved).toBeGreaterThanOrEqual(1);
          expect(p1Alert!.resolvedAt !== null).toBe(a === "admin");
          expect(p2Alert!.resolvedAt !== null).toBe(a === "admin2");
          return;
        }
        await expectCode("FORBIDDEN")(r, ctx);
        expect(p1Alert!.resolvedAt).toBeNull();
        expect(p2Alert!.resolvedAt).toBeNull();
      };
    },
  },
  {
    name: "sendAlertDigests",
    kind: "mutation",
    // E-mail is not configured in this app: admins get 0, everyone else is refused.
    run: ({ c }) => c.request(`mutation { sendAlertDigests }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "admin" || a === "admin2") return (r) => expect(r.data.sendAlertDigests).toBe(0);
      return expectCode("FORBIDDEN");
    },
  },
  {
    name: "board",
    kind: "query",
    run: ({ c }) => c.request(`{ board { stage count projects { id } } }`),
    expect: (a) =>
      a === "anonymous"
        ? anonymousRefused
        : async (r, { t }) => {
            const home = HOME[a];
            const ids: string[] = r.data.board.flatMap((col: { projects: { id: string }[] }) => col.projects.map((p) => p.id));
            if (a === "chercheur") return expect(ids).toEqual([]);
            if (home.projectId) return expect(ids).toEqual([home.projectId]);
            expect(ids.length).toBe(await t.running.database.prisma.mspProject.count({ where: { federationId: home.federationId } }));
          },
  },
  {
    name: "milestoneCatalogue",
    kind: "query",
    run: ({ c }) => c.request(`{ milestoneCatalogue { key stage isCustom } }`),
    expect: (a) => (a === "anonymous" ? anonymousRefused : (r) => expect(r.data.milestoneCatalogue.length).toBeGreaterThan(15)),
  },
  {
    name: "advanceProjectStage",
    kind: "mutation",
    run: ({ c }) => c.request(`mutation($input: AdvanceProjectStageInput!) { advanceProjectStage(input: $input) { id } }`, { input: { projectId: P1, toStage: "VALIDATION_ARS" } }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      const expected = a === "admin" || a === "charge" ? "STAGE_GATE_NOT_MET" : a === "msp" ? "FORBIDDEN" : "NOT_FOUND";
      return async (r, { t }) => {
        expect(GqlClient.code(r)).toBe(expected);
        expect((await t.running.database.prisma.mspProject.findUniqueOrThrow({ where: { id: P1 } })).stage).toBe("PROJET_SANTE");
      };
    },
  },
  {
    name: "setStageApplicability",
    kind: "mutation",
    run: ({ c }) =>
      c.request(`mutation($input: SetStageApplicabilityInput!) { setStageApplicability(input: $input) { id } }`, {
        input: { projectId: P1, stage: "IMMOBILIER", notApplicable: true, reason: "MSP hors les murs" },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "admin" || a === "charge") return (r) => expect(r.data.setStageApplicability.id).toBe(P1);
      return expectCode(a === "msp" ? "FORBIDDEN" : "NOT_FOUND");
    },
  },
  {
    name: "submitMilestone",
    kind: "mutation",
    run: ({ c, actor }) =>
      c.request(`mutation($input: SubmitMilestoneInput!) { submitMilestone(input: $input) { id } }`, {
        input: { projectId: P1, milestoneKey: "FICHE_PROJET", comment: `Fiche projet déposée par ${actor}` },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "admin" || a === "charge" || a === "msp") {
        return async (r, { t }) => {
          const row = await t.running.database.prisma.submission.findUniqueOrThrow({ where: { id: r.data.submitMilestone.id } });
          expect(row.projectId).toBe(P1);
        };
      }
      return async (r, { t }) => {
        expect(GqlClient.code(r)).toBe("NOT_FOUND");
        expect(await t.running.database.prisma.submission.count({ where: { comment: `Fiche projet déposée par ${a}` } })).toBe(0);
      };
    },
  },
  {
    name: "reviewMilestone",
    kind: "mutation",
    run: async ({ c, t, actor }) => {
      const s = await t.running.database.prisma.submission.create({
        data: { federationId: FED1, projectId: P1, milestoneKey: "LISTE_PS", comment: `à relire (${actor})`, authorId: DEMO_IDS.users.msp },
      });
      const r = await c.request(`mutation($input: ReviewMilestoneInput!) { reviewMilestone(input: $input) { id status } }`, { input: { submissionId: s.id, decision: "APPROVE" } });
      return { ...r, data: { response: r, submissionId: s.id } } as GqlResponse<any>;
    },
    expect: (a) => async (r, { t }) => {
      const { response, submissionId } = r.data as { response: GqlResponse<any>; submissionId: string };
      const row = await t.running.database.prisma.submission.findUniqueOrThrow({ where: { id: submissionId } });
      if (a === "admin" || a === "charge") {
        expect(response.data?.reviewMilestone.status).toBe("APPROVED");
        return expect(row.status).toBe("APPROVED");
      }
      expect(GqlClient.code(response)).toBe(a === "anonymous" ? "UNAUTHENTICATED" : a === "msp" ? "FORBIDDEN" : "NOT_FOUND");
      expect(row.status).toBe("SUBMITTED");
    },
  },
  {
    name: "addTeamMember",
    kind: "mutation",
    run: ({ c, actor }) =>
      c.request(`mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }`, {
        input: { projectId: P1, fullName: `Membre ajouté par ${actor}`, profession: "INFIRMIER", joinedAt: "2026-01-05" },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "admin" || a === "charge" || a === "msp") return (r) => expect(r.data.addTeamMember.id).toBeTruthy();
      return async (r, { t }) => {
        expect(GqlClient.code(r)).toBe("NOT_FOUND");
        expect(await t.running.database.prisma.teamMember.count({ where: { fullName: `Membre ajouté par ${a}` } })).toBe(0);
      };
    },
  },
  {
    name: "updateTeamMember",
    kind: "mutation",
    run: async ({ c, t, actor }) => {
      const m = await t.running.database.prisma.teamMember.create({
        data: { federationId: FED1, projectId: P1, fullName: `À modifier (${actor})`, profession: "INFIRMIER", joinedAt: new Date("2025-01-01") },
      });
      const r = await c.request(`mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { id leftAt } }`, { input: { id: m.id, leftAt: "2026-06-30" } });
      return { ...r, data: { response: r, memberId: m.id } } as GqlResponse<any>;
    },
    expect: (a) => async (r, { t }) => {
      const { response, memberId } = r.data as { response: GqlResponse<any>; memberId: string };
      const row = await t.running.database.prisma.teamMember.findUniqueOrThrow({ where: { id: memberId } });
      if (a === "admin" || a === "charge" || a === "msp") {
        expect(response.data?.updateTeamMember.leftAt).toBe("2026-06-30");
        return expect(row.leftAt).not.toBeNull();
      }
      expect(GqlClient.code(response)).toBe(a === "anonymous" ? "UNAUTHENTICATED" : "NOT_FOUND");
      expect(row.leftAt).toBeNull();
    },
  },
  {
    name: "addMilestoneDefinition",
    kind: "mutation",
    run: ({ c, actor }) =>
      c.request(`mutation($input: AddMilestoneDefinitionInput!) { addMilestoneDefinition(input: $input) { key } }`, {
        input: { stage: "OUVERTURE", label: `Inauguration (${actor})` },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "admin" || a === "admin2") {
        return async (r, { t }) => {
          const row = await t.running.database.prisma.milestoneDefinition.findFirstOrThrow({ where: { key: r.data.addMilestoneDefinition.key } });
          expect(row.federationId).toBe(HOME[a].federationId);
        };
      }
      return expectCode("FORBIDDEN");
    },
  },
  {
    name: "resultsDashboard",
    kind: "query",
    run: ({ c }) => c.request(`{ resultsDashboard { totals { mspCount periodCount } byDepartement { departementCode } } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (!isStaff(a)) return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        const home = HOME[a].federationId;
        const approved = await t.running.database.prisma.resultPeriod.count({ where: { federationId: home, status: "APPROVED", NOT: { outputs: { equals: {} } } } });
        expect(r.data.resultsDashboard.totals.periodCount).toBe(approved);
        const own = new Set((await t.running.database.prisma.federationDepartement.findMany({ where: { federationId: home } })).map((d) => d.departementCode));
        for (const d of r.data.resultsDashboard.byDepartement) expect(own.has(d.departementCode)).toBe(true);
      };
    },
  },
  {
    name: "resultPeriods",
    kind: "query",
    run: ({ c }) => c.request(`query($p: ID!) { resultPeriods(projectId: $p) { id projectId } }`, { p: P1 }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "admin" || a === "charge" || a === "msp") return (r) => expect(Array.isArray(r.data.resultPeriods)).toBe(true);
      return expectCode("NOT_FOUND");
    },
  },
  {
    name: "saveResultPeriod",
    kind: "mutation",
    run: ({ c, actor }) =>
      c.request(`mutation($input: SaveResultPeriodInput!) { saveResultPeriod(input: $input) { id } }`, {
        input: { projectId: P1, programme: "IPEP", year: 2024, inputs: { by: actor } },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "charge" || a === "msp") return (r) => expect(r.data.saveResultPeriod.id).toBeTruthy();
      return expectCode(a === "admin" ? "FORBIDDEN" : "NOT_FOUND");
    },
  },
  ...(["submitResultPeriod", "approveResultPeriod", "returnResultPeriod", "unlockResultPeriod"] as const).map(
    (name): Operation => ({
      name,
      kind: "mutation",
      run: async ({ c, t, actor }) => {
        const status = name === "submitResultPeriod" ? "DRAFT" : name === "unlockResultPeriod" ? "APPROVED" : "SUBMITTED";
        // A submission is computed (and refused while incomplete): complete ACI inputs, one valid year per actor.
        const submit = name === "submitResultPeriod";
        const year = submit ? 2016 + Object.keys(ACTORS).indexOf(actor) : 2000 + Math.floor(Math.random() * 1000000);
        const inputs = submit
          ? { patientele: 1000, associatedProfessionals: 5, contractStart: "2015-03-01", amountReceivedEur: null, achievements: {} }
          : { actor };
        const p = await t.running.database.prisma.resultPeriod.create({ data: { federationId: FED1, projectId: P1, programme: "ACI", year, status, inputs } });
        const r = await c.request(`mutation($input: PeriodDecisionInput!) { ${name}(input: $input) { id status } }`, { input: { id: p.id, comment: "Motif" } });
        return { ...r, data: { response: r, id: p.id, status } } as GqlResponse<any>;
      },
      expect: (a) => async (r, { t }) => {
        const { response, id, status } = r.data as { response: GqlResponse<any>; id: string; status: string };
        const row = await t.running.database.prisma.resultPeriod.findUniqueOrThrow({ where: { id } });
        const allowed = name === "submitResultPeriod" ? a === "charge" || a === "msp" : a === "admin";
        if (allowed) return expect(row.status).not.toBe(status);
        const expected = a === "anonymous" ? "UNAUTHENTICATED" : a === "admin" || a === "charge" || a === "msp" ? "FORBIDDEN" : "NOT_FOUND";
        expect(GqlClient.code(response)).toBe(expected);
        expect(row.status).toBe(status);
      },
    }),
  ),
  {
    name: "resultsReferenceData",
    kind: "query",
    run: ({ c }) => c.request(`{ resultsReferenceData { pepsTables { code illustrative } aciRuleSets { code indicators { code flag } } ipepParameters { code } } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a === "chercheur") return expectCode("FORBIDDEN");
      return (r) => {
        expect(r.data.resultsReferenceData.pepsTables.length).toBeGreaterThan(0);
        expect(r.data.resultsReferenceData.aciRuleSets.map((rs: { code: string }) => rs.code)).toContain("ACI2017_AV1");
      };
    },
  },
  {
    name: "resultPeriodsForReview",
    kind: "query",
    run: async ({ c, t }) => {
      // One submitted period in each federation, so each staff member has something to see (and nobody the other's).
      for (const [projectId, federationId] of [[P1, FED1], [P2, FED2]] as const) {
        await t.running.database.prisma.resultPeriod.upsert({
          where: { projectId_programme_year: { projectId, programme: "PEPS", year: 2019 } },
          create: { federationId, projectId, programme: "PEPS", year: 2019, status: "SUBMITTED", submittedAt: new Date(), inputs: {} },
          update: {},
        });
      }
      return c.request(`{ resultPeriodsForReview(first: 100) { totalCount edges { node { id projectId status } } } }`);
    },
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (!isStaff(a)) return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        const nodes = r.data.resultPeriodsForReview.edges.map((e: { node: { id: string; status: string } }) => e.node);
        expect(nodes.length).toBeGreaterThan(0);
        const rows = await t.running.database.prisma.resultPeriod.findMany({ where: { id: { in: nodes.map((n: { id: string }) => n.id) } } });
        for (const row of rows) {
          expect(row.federationId).toBe(HOME[a].federationId);
          expect(row.status).toBe("SUBMITTED");
        }
      };
    },
  },
  {
    name: "updateAciIndicator",
    kind: "mutation",
    run: ({ c, actor }) =>
      c.request(`mutation($input: UpdateAciIndicatorInput!) { updateAciIndicator(input: $input) { code indicators { code fixedPoints } } }`, {
        input: { ruleSetCode: "ACI2017_AV1", code: "DIVERSITE_SERVICES_N1", fixedPoints: 300 + Object.keys(ACTORS).indexOf(actor), variablePointsPer4000: 0, markVerified: false },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        expect(r.data.updateAciIndicator.code).toBe("ACI2017_AV1");
        const row = await t.running.database.prisma.referenceDataset.findUniqueOrThrow({
          where: { federationId_kind_code: { federationId: HOME[a].federationId, kind: "ACI_RULE_SET", code: "ACI2017_AV1" } },
        });
        expect(row.data).toMatchObject({ indicators: { DIVERSITE_SERVICES_N1: { fixedPoints: 300 + Object.keys(ACTORS).indexOf(a) } } });
      };
    },
  },
  {
    name: "updateIpepParameters",
    kind: "mutation",
    run: ({ c }) =>
      c.request(`mutation($input: UpdateIpepParametersInput!) { updateIpepParameters(input: $input) { code source } }`, {
        input: { code: "IPEP_MATRICE", cEcart: 0.25, cEvolution: 0.75, shareOfSavings: 0.5, patientExperienceMaxPoints: 20, modulation: { kind: "NONE" } },
      }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        expect(r.data.updateIpepParameters).toEqual({ code: "IPEP_MATRICE", source: "EDITED" });
        const row = await t.running.database.prisma.referenceDataset.findUniqueOrThrow({
          where: { federationId_kind_code: { federationId: HOME[a].federationId, kind: "IPEP_PARAMETERS", code: "IPEP_MATRICE" } },
        });
        expect(row.data).toMatchObject({ cEcart: 0.25, cEvolution: 0.75 });
      };
    },
  },
  {
    name: "apiTokens",
    kind: "query",
    run: ({ c }) => c.request(`{ apiTokens { id name } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      return async (r, { t }) => {
        // Only the caller's own tokens.
        const user = await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: ACTORS[a] } });
        const own = await t.running.database.prisma.apiToken.findMany({ where: { userId: user.id } });
        expect(r.data.apiTokens.map((x: { id: string }) => x.id).sort()).toEqual(own.map((x) => x.id).sort());
      };
    },
  },
  {
    name: "createApiToken",
    kind: "mutation",
    run: ({ c, actor }) => c.request(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }`, { input: { name: `matrice ${actor}` } }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      return async (r, { t }) => {
        expect(r.data.createApiToken.token).toMatch(/^mlg_/);
        const row = await t.running.database.prisma.apiToken.findUniqueOrThrow({ where: { id: r.data.createApiToken.apiToken.id }, include: { user: true } });
        expect(row.user.email).toBe(ACTORS[a]);
      };
    },
  },
  {
    name: "revokeApiToken",
    kind: "mutation",
    // Each actor tries to revoke a token of admin@ (federation 1): only admin@ may.
    run: async ({ t, c }) => {
      const owner = await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: ACTORS.admin } });
      const token = await t.running.database.prisma.apiToken.create({
        data: { userId: owner.id, name: "matrice", tokenHash: `matrice-${Math.random()}`, prefix: "mlg_matr", expiresAt: new Date(Date.now() + 86_400_000) },
      });
      return c.request(`mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, { id: token.id });
    },
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin") return expectCode("NOT_FOUND");
      return (r) => expect(r.data.revokeApiToken.revokedAt).not.toBeNull();
    },
  },
  ...(
    [
      ["researchCatalog", `{ researchCatalog { measures { id } dimensions { id categories { value } } } }`, (d: any) => expect(d.researchCatalog.measures.length).toBeGreaterThan(0)],
      [
        "researchAggregate",
        `{ researchAggregate(input: { measure: MSP_COUNT, groupBy: [YEAR] }) { cellCount cells { suppressed value } } }`,
        (d: any) => expect(d.researchAggregate.cellCount).toBe(d.researchAggregate.cells.length),
      ],
      ["researchQueries", `{ researchQueries(first: 5) { totalCount edges { node { id } } } }`, (d: any) => expect(d.researchQueries.totalCount).toBeGreaterThanOrEqual(0)],
      ["researchBudget", `{ researchBudget { mode epsilonRemaining } }`, (d: any) => expect(d.researchBudget.mode).toBe("OFF")],
      ["researchSettings", `{ researchSettings { thresholds { minPatients minContributors } } }`, (d: any) => expect(d.researchSettings.thresholds).toEqual({ minPatients: 11, minContributors: 3 })],
    ] as const
  ).map(
    ([name, query, check]): Operation => ({
      name,
      kind: "query",
      run: ({ c }) => c.request(query),
      // Researchers and federation admins only; everyone else is refused (issue "Research access", item 1).
      expect: (a) => (a === "anonymous" ? anonymousRefused : a === "chercheur" || a === "admin" || a === "admin2"
          ? (r) => {
              expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
              check(r.data);
            }
          : expectCode("FORBIDDEN")),
    }),
  ),
  {
    name: "updateResearchSettings",
    kind: "mutation",
    run: ({ c }) => c.request(`mutation { updateResearchSettings(input: { minContributors: 3 }) { thresholds { minContributors } } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        expect(r.data.updateResearchSettings.thresholds.minContributors).toBe(3);
        expect(await t.running.database.prisma.auditEvent.count({ where: { action: "research.settings" } })).toBeGreaterThan(0);
      };
    },
  },
  {
    name: "login",
    kind: "mutation",
    // The one public operation: anyone may try; the anonymous row tries a wrong password.
    run: ({ t, actor }) => (actor === "anonymous" ? t.client().login(ACTORS.admin, "wrong-password") : t.client().login(ACTORS[actor])),
    expect: (a) => (a === "anonymous" ? expectCode("UNAUTHENTICATED") : (r) => expect(r.data.login.role).toBe(HOME[a].role)),
  },
  {
    name: "logout",
    kind: "mutation",
    run: ({ c }) => c.request(`mutation { logout }`),
    expect: () => (r) => expect(r.data.logout).toBe(true),
  },
  {
    name: "changePassword",
    kind: "mutation",
    // Signed-in users only; a wrong current password changes nothing (the matrix's sessions stay).
    run: ({ c }) => c.request(`mutation { changePassword(input: { currentPassword: "pas-le-bon", newPassword: "girafe-velo-orage-pistache" }) }`),
    expect: (a) => (a === "anonymous" ? anonymousRefused : expectCode("BAD_USER_INPUT")),
  },
  {
    name: "requestPasswordReset",
    kind: "mutation",
    // Public, and the same answer for everyone (SMTP is off here: nothing is sent).
    run: ({ c, actor }) => c.request(`mutation R($email: String!) { requestPasswordReset(email: $email) }`, { email: ACTORS[actor] ?? "personne@example.org" }),
    expect: () => (r) => expect(r.data.requestPasswordReset).toBe(true),
  },
  {
    name: "users",
    kind: "query",
    run: ({ c }) => c.request(`{ users { email } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        const rows = await t.running.database.prisma.user.findMany({ where: { email: { in: r.data.users.map((u: { email: string }) => u.email) } }, select: { federationId: true } });
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((u) => u.federationId === HOME[a].federationId)).toBe(true);
      };
    },
  },
  {
    name: "inviteUser",
    kind: "mutation",
    run: ({ c, actor }) => c.request(`mutation I($input: InviteUserInput!) { inviteUser(input: $input) { user { email status } } }`, { input: { email: `invite-${actor}@exemple.fr`, displayName: `Invité ${actor}`, role: "RESEARCHER" } }),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        expect(r.data.inviteUser.user.status).toBe("INVITED");
        const row = await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: `invite-${a}@exemple.fr` } });
        expect(row.federationId).toBe(HOME[a].federationId);
      };
    },
  },
  {
    name: "reassignPortfolio",
    kind: "mutation",
    // From a chargé·e of the OTHER federation to one's own colleague: NOT_FOUND, nothing moves.
    run: async ({ c, actor, t }) => {
      const prisma = t.running.database.prisma;
      const away = await prisma.user.findUniqueOrThrow({ where: { email: actor === "admin2" || actor === "msp2" ? "charge@demo.maillage.fr" : "charge@bretagne.demo.maillage.fr" } });
      const home = await prisma.user.findUniqueOrThrow({ where: { email: actor === "admin2" || actor === "msp2" ? "admin2@demo.maillage.fr" : "admin@demo.maillage.fr" } });
      return c.request(`mutation R($a: ID!, $b: ID!) { reassignPortfolio(fromUserId: $a, toUserId: $b) { moved } }`, { a: away.id, b: home.id });
    },
    expect: (a) => (a === "anonymous" ? anonymousRefused : a === "admin" || a === "admin2" ? expectCode("NOT_FOUND") : expectCode("FORBIDDEN")),
  },
  {
    name: "changeUserRole",
    kind: "mutation",
    run: async ({ c, actor, t }) => {
      const away = await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: actor === "admin2" || actor === "msp2" ? "charge@demo.maillage.fr" : "charge@bretagne.demo.maillage.fr" } });
      return c.request(`mutation C($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { role } }`, { input: { userId: away.id, role: "FEDERATION_ADMIN" } });
    },
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        expect(GqlClient.code(r)).toBe("NOT_FOUND");
        expect(await t.running.database.prisma.user.count({ where: { email: { in: ["charge@demo.maillage.fr", "charge@bretagne.demo.maillage.fr"] }, role: "FEDERATION_ADMIN" } })).toBe(0);
      };
    },
  },
  ...(["resendInvitation", "revokeInvitation", "deactivateUser", "reactivateUser"] as const).map(
    (name): Operation => ({
      name,
      kind: "mutation",
      // Aimed at a chargé·e of the OTHER federation: an admin gets NOT_FOUND and nothing changes.
      run: async ({ c, actor, t }) => {
        const target = await t.running.database.prisma.user.findUniqueOrThrow({ where: { email: actor === "admin2" || actor === "msp2" ? "charge@demo.maillage.fr" : "charge@bretagne.demo.maillage.fr" } });
        return c.request(`mutation M($id: ID!) { ${name}(userId: $id) { __typename } }`, { id: target.id });
      },
      expect: (a) => {
        if (a === "anonymous") return anonymousRefused;
        if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
        return async (r, { t }) => {
          expect(GqlClient.code(r)).toBe("NOT_FOUND");
          expect(await t.running.database.prisma.user.count({ where: { email: { in: ["charge@demo.maillage.fr", "charge@bretagne.demo.maillage.fr"] }, disabledAt: { not: null } } })).toBe(0);
        };
      },
    }),
  ),
  {
    name: "auditEvents",
    kind: "query",
    run: ({ c }) => c.request(`{ auditEvents(first: 20) { totalCount edges { node { id } } } }`),
    expect: (a) => {
      if (a === "anonymous") return anonymousRefused;
      if (a !== "admin" && a !== "admin2") return expectCode("FORBIDDEN");
      return async (r, { t }) => {
        const ids = r.data.auditEvents.edges.map((e: { node: { id: string } }) => BigInt(e.node.id));
        expect(ids.length).toBeGreaterThan(0);
        const rows = await t.running.database.prisma.auditEvent.findMany({ where: { id: { in: ids } }, select: { federationId: true } });
        expect(rows.every((row) => row.federationId === HOME[a].federationId)).toBe(true);
      };
    },
  },
  {
    name: "mySessions",
    kind: "query",
    run: ({ c }) => c.request(`{ mySessions { id current } }`),
    expect: (a) => (a === "anonymous" ? anonymousRefused : (r) => expect(r.data.mySessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1)),
  },
  {
    name: "revokeMySession",
    kind: "mutation",
    // Someone else's session (the first admin's): never reachable.
    run: async ({ c, t, actor }) => {
      const other = await t.running.database.prisma.session.findFirstOrThrow({ where: { revokedAt: null, user: { email: actor === "admin" ? "admin2@demo.maillage.fr" : "admin@demo.maillage.fr" } } });
      return c.request(`mutation R($id: ID!) { revokeMySession(id: $id) }`, { id: other.id });
    },
    expect: (a) => (a === "anonymous" ? anonymousRefused : expectCode("NOT_FOUND")),
  },
  {
    name: "acceptInvitation",
    kind: "mutation",
    run: ({ c }) => c.request(`mutation { acceptInvitation(input: { token: "jeton-inconnu-de-vingt-caracteres", newPassword: "girafe-velo-orage-pistache" }) }`),
    expect: () => expectCode("BAD_USER_INPUT"),
  },
  {
    name: "resetPassword",
    kind: "mutation",
    run: ({ c }) => c.request(`mutation { resetPassword(input: { token: "jeton-inconnu-de-vingt-caracteres", newPassword: "girafe-velo-orage-pistache" }) }`),
    expect: () => expectCode("BAD_USER_INPUT"),
  },
];

describe("access matrix: every operation × every role × two federations", () => {
  let t: TestApp;
  const clients = new Map<ActorName, GqlClient>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const [name, email] of Object.entries(ACTORS) as [ActorName, string | null][]) {
      clients.set(name, email ? await t.as(email) : t.client());
    }
  });
  afterAll(() => t.close());

  it("covers every query and mutation of schema.graphql", () => {
    const sdl = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../schema.graphql"), "utf8");
    const schema = buildSchema(sdl);
    const inSchema = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `query ${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `mutation ${f}`),
    ].sort();
    expect(OPERATIONS.map((o) => `${o.kind} ${o.name}`).sort()).toEqual(inSchema);
  });

  // logout last, as it ends the sessions the other rows use.
  const ordered = [...OPERATIONS.filter((o) => o.name !== "logout"), ...OPERATIONS.filter((o) => o.name === "logout")];
  for (const op of ordered) {
    for (const actor of Object.keys(ACTORS) as ActorName[]) {
      it(`${op.kind} ${op.name} as ${actor}`, async () => {
        const c = clients.get(actor);
        if (!c) throw new Error(`no client for ${actor}`);
        const ctx = { t, actor, c };
        await op.expect(actor)(await op.run(ctx), ctx);
      });
    }
  }
});
