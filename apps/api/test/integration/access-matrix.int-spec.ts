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
