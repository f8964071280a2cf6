/**
 * The one access policy of Maillage.
 *
 * Every API resolver asks {@link can} before acting, and every repository applies
 * {@link projectScope} as its row filter, so "who sees what" is decided here and nowhere else.
 * Roles adapt DOMAIN.md §10.2 (RBAC proposal, 💡) to the product decisions of the brief:
 * - tenancy: a federation's users never see another federation's rows;
 * - FEDERATION_ADMIN and CHARGE_DEVELOPPEMENT read, list, create and update every project of their
 *   federation (§10.2 makes "read all in federation" configurable for chargés; we grant it);
 * - MSP_MEMBER reads only the project of their own MSP (§10.2 "Own project(s)");
 * - RESEARCHER sees no project row at all: aggregates only, via the research portal (§10.2, §6.4).
 *
 * The policy is deny-by-default: an unknown combination of action and resource is refused.
 */

export const ROLES = ["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT", "MSP_MEMBER", "RESEARCHER"] as const;
export type Role = (typeof ROLES)[number];

/** Narrows untrusted data (a token claim, a DB column) to a known role. */
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** French labels shown in the portal. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  FEDERATION_ADMIN: "Administrateur·rice de la fédération",
  CHARGE_DEVELOPPEMENT: "Chargé·e de développement",
  MSP_MEMBER: "Membre d'une MSP",
  RESEARCHER: "Chercheur·se",
};

/** The authenticated user, as the API knows them. `mspProjectId` only matters for MSP_MEMBER. */
export type Actor = {
  readonly userId: string;
  readonly role: Role;
  readonly federationId: string;
  readonly mspProjectId: string | null;
};

export const ACTIONS = [
  "project.read",
  "project.list",
  "project.create",
  "project.update",
  "federation.read",
  "reference.read",
  "staff.list",
  "project.advance",
  "project.submit",
  "project.review",
  "project.team.manage",
  "milestone.define",
  "results.edit",
  "results.approve",
  "results.overview",
  "results.reference.read",
  "results.reference.edit",
  "research.query",
  "research.configure",
  "users.manage",
  "audit.read",
] as const;
export type Action = (typeof ACTIONS)[number];

export type Resource =
  | { readonly kind: "project"; readonly federationId: string; readonly projectId: string }
  | { readonly kind: "federation"; readonly federationId: string }
  | { readonly kind: "reference" }
  | { readonly kind: "none" };

/** The set of project rows an actor may see; repositories turn it into a SQL `WHERE`. */
export type ProjectScope =
  | { readonly kind: "none" }
  | { readonly kind: "federation"; readonly federationId: string }
  | { readonly kind: "project"; readonly federationId: string; readonly projectId: string };

/** Compile-time exhaustiveness check that still denies at runtime. */
const assertNever = (_value: never): false => false;

/** Roles that run the federation's support work: they manage every project of their federation. */
const isFederationStaff = (role: Role): boolean => role === "FEDERATION_ADMIN" || role === "CHARGE_DEVELOPPEMENT";

/**
 * The project rows `actor` may read or list — the filter every project query must apply.
 * FEDERATION_ADMIN / CHARGE_DEVELOPPEMENT: the whole federation; MSP_MEMBER: their own project
 * (nothing while they are not attached to one); RESEARCHER: nothing (DOMAIN.md §10.2, 💡 product rule).
 */
export function projectScope(actor: Actor): ProjectScope {
  if (!isRole(actor.role)) return { kind: "none" };
  if (isFederationStaff(actor.role)) {
    return { kind: "federation", federationId: actor.federationId };
  }
  if (actor.role === "MSP_MEMBER" && actor.mspProjectId !== null) {
    return { kind: "project", federationId: actor.federationId, projectId: actor.mspProjectId };
  }
  return { kind: "none" };
}

/** Whether a project row falls inside a scope (the in-memory twin of the repositories' SQL filter). */
export function scopeIncludes(
  scope: ProjectScope,
  project: { readonly federationId: string; readonly projectId: string },
): boolean {
  switch (scope.kind) {
    case "none":
      return false;
    case "federation":
      return scope.federationId === project.federationId;
    case "project":
      return scope.federationId === project.federationId && scope.projectId === project.projectId;
    default:
      return assertNever(scope);
  }
}

/**
 * Federation-level actions target the actor's own federation when no resource is given;
 * an explicit resource must be that same federation. Any other resource kind is refused.
 */
function targetsOwnFederation(actor: Actor, resource: Resource): boolean {
  if (resource.kind === "none") return true;
  if (resource.kind === "federation") return resource.federationId === actor.federationId;
  return false;
}

/**
 * Whether `actor` may perform `action` on `resource` (DOMAIN.md §10.2, 💡 product rules; see module doc).
 *
 * - `project.read` / `project.update` need a `project` resource: omitting it is refused.
 * - `project.list`, `project.create`, `federation.read`, `staff.list` take a `federation` resource
 *   or none (meaning the actor's own federation).
 * - `reference.read` (départements, communes…) takes a `reference` resource or none.
 */
export function can(actor: Actor, action: Action, resource: Resource = { kind: "none" }): boolean {
  // Deny-by-default even when a caller forgot to validate a role coming from a token or a row.
  if (!isRole(actor.role)) return false;
  switch (action) {
    case "project.read":
      return resource.kind === "project" && scopeIncludes(projectScope(actor), resource);
    case "project.update":
      return (
        resource.kind === "project" && isFederationStaff(actor.role) && resource.federationId === actor.federationId
      );
    case "project.list":
      return projectScope(actor).kind !== "none" && targetsOwnFederation(actor, resource);
    case "project.create":
      return isFederationStaff(actor.role) && targetsOwnFederation(actor, resource);
    case "federation.read":
      return targetsOwnFederation(actor, resource);
    case "staff.list":
      return (isFederationStaff(actor.role) || actor.role === "MSP_MEMBER") && targetsOwnFederation(actor, resource);
    case "reference.read":
      return resource.kind === "reference" || resource.kind === "none";
    // Pipeline (issue "project pipeline"): staff move stages and review; the MSP team submits milestones and
    // keeps its team list, for its own project only; staff may submit on the team's behalf.
    case "project.advance":
    case "project.review":
      return (
        resource.kind === "project" && isFederationStaff(actor.role) && resource.federationId === actor.federationId
      );
    case "project.submit":
    case "project.team.manage":
      return (
        resource.kind === "project" &&
        (isFederationStaff(actor.role) || actor.role === "MSP_MEMBER") &&
        scopeIncludes(projectScope(actor), resource)
      );
    case "milestone.define":
      return actor.role === "FEDERATION_ADMIN" && targetsOwnFederation(actor, resource);
    // Results (issue "Results of running MSPs"): the MSP team (or a chargé on its behalf) edits its drafts; only a
    // federation admin approves, returns or unlocks a period.
    case "results.edit":
      return (
        resource.kind === "project" &&
        (actor.role === "MSP_MEMBER" || actor.role === "CHARGE_DEVELOPPEMENT") &&
        scopeIncludes(projectScope(actor), resource)
      );
    case "results.approve":
      return resource.kind === "project" && actor.role === "FEDERATION_ADMIN" && resource.federationId === actor.federationId;
    // The federation's view over all its MSPs' results: review queue, dashboards and their exports (staff only).
    case "results.overview":
      return isFederationStaff(actor.role) && targetsOwnFederation(actor, resource);
    // Versioned reference data of the calculators (ADR 0009): every member of the federation computing periods
    // reads it (MSP teams compute live in the portal); only an admin imports or edits it.
    case "results.reference.read":
      return (isFederationStaff(actor.role) || actor.role === "MSP_MEMBER") && targetsOwnFederation(actor, resource);
    case "results.reference.edit":
      return actor.role === "FEDERATION_ADMIN" && targetsOwnFederation(actor, resource);
    // Research (issue "Research access"): anonymised aggregates for researchers, and admins (to see what is
    // released); the disclosure-control settings are an admin's, audited.
    case "research.query":
      return (actor.role === "RESEARCHER" || actor.role === "FEDERATION_ADMIN") && resource.kind === "none";
    case "research.configure":
      return actor.role === "FEDERATION_ADMIN" && resource.kind === "none";
    // Going live (issue "Going live", item 2): a federation admin invites, deactivates and reactivates the people
    // of their own federation, never another's.
    case "users.manage":
      return actor.role === "FEDERATION_ADMIN" && targetsOwnFederation(actor, resource);
    // The audit log of the federation (issue "Going live", item 6): its admins read it, nobody else.
    case "audit.read":
      return actor.role === "FEDERATION_ADMIN" && targetsOwnFederation(actor, resource);
    default:
      // Unreachable for typed callers; an unknown action coming from untyped data is refused.
      return assertNever(action);
  }
}
