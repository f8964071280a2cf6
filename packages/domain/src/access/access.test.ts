import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  isRole,
  projectScope,
  type Resource,
  ROLE_LABELS,
  ROLES,
  scopeIncludes,
} from "./access.js";

const FED = "fed-a";
const OTHER_FED = "fed-b";
const OWN_PROJECT = "proj-own";

const actors = {
  FEDERATION_ADMIN: { userId: "u-admin", role: "FEDERATION_ADMIN", federationId: FED, mspProjectId: null },
  CHARGE_DEVELOPPEMENT: { userId: "u-charge", role: "CHARGE_DEVELOPPEMENT", federationId: FED, mspProjectId: null },
  MSP_MEMBER: { userId: "u-msp", role: "MSP_MEMBER", federationId: FED, mspProjectId: OWN_PROJECT },
  MSP_MEMBER_WITHOUT_PROJECT: { userId: "u-msp-0", role: "MSP_MEMBER", federationId: FED, mspProjectId: null },
  RESEARCHER: { userId: "u-research", role: "RESEARCHER", federationId: FED, mspProjectId: null },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

/** Column order of the expectation table below. */
const resources = {
  ownProject: { kind: "project", federationId: FED, projectId: OWN_PROJECT },
  sameFedProject: { kind: "project", federationId: FED, projectId: "proj-2" },
  // Same project id in another federation: tenancy must hold even if ids collide.
  otherFedProject: { kind: "project", federationId: OTHER_FED, projectId: OWN_PROJECT },
  sameFed: { kind: "federation", federationId: FED },
  otherFed: { kind: "federation", federationId: OTHER_FED },
  reference: { kind: "reference" },
  none: { kind: "none" },
} satisfies Record<string, Resource>;
type ResourceName = keyof typeof resources;
const RESOURCE_NAMES = Object.keys(resources) as ResourceName[];

const T = true;
const F = false;
type Row = readonly [boolean, boolean, boolean, boolean, boolean, boolean, boolean];

// prettier-ignore
const FEDERATION_STAFF: Record<Action, Row> = {
  //                 ownProject sameFedProject otherFedProject sameFed otherFed reference none
  "project.read":    [T, T, F, F, F, F, F],
  "project.list":    [F, F, F, T, F, F, T],
  "project.create":  [F, F, F, T, F, F, T],
  "project.update":  [T, T, F, F, F, F, F],
  "federation.read": [F, F, F, T, F, F, T],
  "reference.read":  [F, F, F, F, F, T, T],
  "staff.list":      [F, F, F, T, F, F, T],
  "project.advance": [T, T, F, F, F, F, F],
  "project.submit":  [T, T, F, F, F, F, F],
  "project.review":  [T, T, F, F, F, F, F],
  "project.team.manage": [T, T, F, F, F, F, F],
  "milestone.define": [F, F, F, F, F, F, F],
  "results.edit":    [F, F, F, F, F, F, F],
  "results.approve": [F, F, F, F, F, F, F],
  "results.overview": [F, F, F, T, F, F, T],
  "results.reference.read": [F, F, F, T, F, F, T],
  "results.reference.edit": [F, F, F, F, F, F, F],
  "research.query":  [F, F, F, F, F, F, F],
  "research.configure": [F, F, F, F, F, F, F],
  "users.manage":    [F, F, F, F, F, F, F],
  "audit.read":      [F, F, F, F, F, F, F],
};

// prettier-ignore
const EXPECTED: Record<ActorName, Record<Action, Row>> = {
  FEDERATION_ADMIN: {
    ...FEDERATION_STAFF,
    "milestone.define": [F, F, F, T, F, F, T],
    "results.approve": [T, T, F, F, F, F, F],
    "results.reference.edit": [F, F, F, T, F, F, T],
    "research.query":  [F, F, F, F, F, F, T],
    "research.configure": [F, F, F, F, F, F, T],
    "users.manage":    [F, F, F, T, F, F, T],
    "audit.read":      [F, F, F, T, F, F, T],
  },
  CHARGE_DEVELOPPEMENT: { ...FEDERATION_STAFF, "results.edit": [T, T, F, F, F, F, F] },
  MSP_MEMBER: {
    "project.read":    [T, F, F, F, F, F, F],
    "project.list":    [F, F, F, T, F, F, T],
    "project.create":  [F, F, F, F, F, F, F],
    "project.update":  [F, F, F, F, F, F, F],
    "federation.read": [F, F, F, T, F, F, T],
    "reference.read":  [F, F, F, F, F, T, T],
    "staff.list":      [F, F, F, T, F, F, T],
    "project.advance": [F, F, F, F, F, F, F],
    "project.submit":  [T, F, F, F, F, F, F],
    "project.review":  [F, F, F, F, F, F, F],
    "project.team.manage": [T, F, F, F, F, F, F],
    "milestone.define": [F, F, F, F, F, F, F],
    "results.edit":    [T, F, F, F, F, F, F],
    "results.approve": [F, F, F, F, F, F, F],
    "results.overview": [F, F, F, F, F, F, F],
    "results.reference.read": [F, F, F, T, F, F, T],
    "results.reference.edit": [F, F, F, F, F, F, F],
    "research.query":  [F, F, F, F, F, F, F],
    "research.configure": [F, F, F, F, F, F, F],
    "users.manage":    [F, F, F, F, F, F, F],
    "audit.read":      [F, F, F, F, F, F, F],
  },
  MSP_MEMBER_WITHOUT_PROJECT: {
    "project.read":    [F, F, F, F, F, F, F],
    "project.list":    [F, F, F, F, F, F, F],
    "project.create":  [F, F, F, F, F, F, F],
    "project.update":  [F, F, F, F, F, F, F],
    "federation.read": [F, F, F, T, F, F, T],
    "reference.read":  [F, F, F, F, F, T, T],
    "staff.list":      [F, F, F, T, F, F, T],
    "project.advance": [F, F, F, F, F, F, F],
    "project.submit":  [F, F, F, F, F, F, F],
    "project.review":  [F, F, F, F, F, F, F],
    "project.team.manage": [F, F, F, F, F, F, F],
    "milestone.define": [F, F, F, F, F, F, F],
    "results.edit":    [F, F, F, F, F, F, F],
    "results.approve": [F, F, F, F, F, F, F],
    "results.overview": [F, F, F, F, F, F, F],
    "results.reference.read": [F, F, F, T, F, F, T],
    "results.reference.edit": [F, F, F, F, F, F, F],
    "research.query":  [F, F, F, F, F, F, F],
    "research.configure": [F, F, F, F, F, F, F],
    "users.manage":    [F, F, F, F, F, F, F],
    "audit.read":      [F, F, F, F, F, F, F],
  },
  RESEARCHER: {
    "project.read":    [F, F, F, F, F, F, F],
    "project.list":    [F, F, F, F, F, F, F],
    "project.create":  [F, F, F, F, F, F, F],
    "project.update":  [F, F, F, F, F, F, F],
    "federation.read": [F, F, F, T, F, F, T],
    "reference.read":  [F, F, F, F, F, T, T],
    "staff.list":      [F, F, F, F, F, F, F],
    "project.advance": [F, F, F, F, F, F, F],
    "project.submit":  [F, F, F, F, F, F, F],
    "project.review":  [F, F, F, F, F, F, F],
    "project.team.manage": [F, F, F, F, F, F, F],
    "milestone.define": [F, F, F, F, F, F, F],
    "results.edit":    [F, F, F, F, F, F, F],
    "results.approve": [F, F, F, F, F, F, F],
    "results.overview": [F, F, F, F, F, F, F],
    "results.reference.read": [F, F, F, F, F, F, F],
    "results.reference.edit": [F, F, F, F, F, F, F],
    "research.query":  [F, F, F, F, F, F, T],
    "research.configure": [F, F, F, F, F, F, F],
    "users.manage":    [F, F, F, F, F, F, F],
    "audit.read":      [F, F, F, F, F, F, F],
  },
};

const cases = (Object.keys(actors) as ActorName[]).flatMap((actorName) =>
  ACTIONS.flatMap((action) =>
    RESOURCE_NAMES.map((resourceName, column) => ({
      actorName,
      action,
      resourceName,
      expected: EXPECTED[actorName][action][column],
    })),
  ),
);

describe(can.name, () => {
  it("covers every actor × action × resource", () => {
    expect(cases).toHaveLength(5 * ACTIONS.length * RESOURCE_NAMES.length);
  });

  it.each(cases)("$actorName · $action · $resourceName → $expected", ({ actorName, action, resourceName, expected }) => {
    expect(can(actors[actorName], action, resources[resourceName])).toBe(expected);
  });

  it("treats an omitted resource as { kind: 'none' }", () => {
    for (const actor of Object.values(actors)) {
      for (const action of ACTIONS) {
        expect(can(actor, action)).toBe(can(actor, action, { kind: "none" }));
      }
    }
  });

  it("refuses an unknown role or action coming from untyped data", () => {
    const ghost = { ...actors.FEDERATION_ADMIN, role: "SUPERUSER" } as unknown as Actor;
    for (const action of ACTIONS) {
      for (const name of RESOURCE_NAMES) expect(can(ghost, action, resources[name])).toBe(false);
    }
    expect(can(actors.FEDERATION_ADMIN, "project.delete" as Action, resources.sameFedProject)).toBe(false);
  });
});

describe(projectScope.name, () => {
  it("gives federation staff their whole federation", () => {
    expect(projectScope(actors.FEDERATION_ADMIN)).toEqual({ kind: "federation", federationId: FED });
    expect(projectScope(actors.CHARGE_DEVELOPPEMENT)).toEqual({ kind: "federation", federationId: FED });
  });

  it("gives an MSP member their own project only, or nothing when they have none", () => {
    expect(projectScope(actors.MSP_MEMBER)).toEqual({ kind: "project", federationId: FED, projectId: OWN_PROJECT });
    expect(projectScope(actors.MSP_MEMBER_WITHOUT_PROJECT)).toEqual({ kind: "none" });
  });

  it("gives a researcher no project row, even with a stray mspProjectId", () => {
    expect(projectScope(actors.RESEARCHER)).toEqual({ kind: "none" });
    expect(projectScope({ ...actors.RESEARCHER, mspProjectId: OWN_PROJECT })).toEqual({ kind: "none" });
  });

  it("ignores mspProjectId for federation staff", () => {
    expect(projectScope({ ...actors.CHARGE_DEVELOPPEMENT, mspProjectId: OWN_PROJECT })).toEqual({
      kind: "federation",
      federationId: FED,
    });
  });
});

describe("policy invariants (property-based)", () => {
  const id = fc.constantFrom("a", "b", "c");
  const actorArb = fc.record({
    userId: fc.string(),
    role: fc.constantFrom(...ROLES),
    federationId: id,
    mspProjectId: fc.option(id, { nil: null }),
  });
  const resourceArb: fc.Arbitrary<Resource> = fc.oneof(
    fc.record({ kind: fc.constant("project" as const), federationId: id, projectId: id }),
    fc.record({ kind: fc.constant("federation" as const), federationId: id }),
    fc.constant({ kind: "reference" as const }),
    fc.constant({ kind: "none" as const }),
  );
  const actionArb = fc.constantFrom(...ACTIONS);

  it("never grants anything on another federation's project or federation", () => {
    fc.assert(
      fc.property(actorArb, actionArb, resourceArb, (actor, action, resource) => {
        if (resource.kind === "project" || resource.kind === "federation") {
          if (resource.federationId !== actor.federationId) expect(can(actor, action, resource)).toBe(false);
        }
      }),
    );
  });

  it("project.read agrees with the repositories' filter (projectScope)", () => {
    fc.assert(
      fc.property(actorArb, id, id, (actor, federationId, projectId) => {
        const project = { kind: "project", federationId, projectId } as const;
        expect(can(actor, "project.read", project)).toBe(scopeIncludes(projectScope(actor), project));
      }),
    );
  });

  it("whoever may update a project may also read it, and may list", () => {
    fc.assert(
      fc.property(actorArb, resourceArb, (actor, resource) => {
        if (can(actor, "project.update", resource)) {
          expect(can(actor, "project.read", resource)).toBe(true);
          expect(can(actor, "project.list")).toBe(true);
        }
      }),
    );
  });

  it("a scope never spans another federation", () => {
    fc.assert(
      fc.property(actorArb, (actor) => {
        const scope = projectScope(actor);
        if (scope.kind !== "none") expect(scope.federationId).toBe(actor.federationId);
      }),
    );
  });
});

describe("roles", () => {
  it("labels every role in French", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS.FEDERATION_ADMIN).toBe("Administrateur·rice de la fédération");
    expect(ROLE_LABELS.CHARGE_DEVELOPPEMENT).toBe("Chargé·e de développement");
    expect(ROLE_LABELS.MSP_MEMBER).toBe("Membre d'une MSP");
    expect(ROLE_LABELS.RESEARCHER).toBe("Chercheur·se");
  });

  it("narrows untrusted values with isRole", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ["", "ADMIN", "researcher", null, undefined, 1]) expect(isRole(value)).toBe(false);
  });
});
