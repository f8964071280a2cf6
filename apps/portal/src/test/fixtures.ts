import type { ProjectDetailsFragment, ProjectRowFragment, SessionUserFragment } from "../gql/graphql";

/** Test data builders: complete API shapes (with `__typename`), overridable per test. */

const FEDERATION = { __typename: "Federation", id: "fed-1", name: "Fédération des MSP d’Auvergne-Rhône-Alpes" } as const;

export function buildUser(overrides: Partial<SessionUserFragment> = {}): SessionUserFragment {
  return {
    __typename: "User",
    id: "user-charge",
    email: "claire.martin@femasaura.fr",
    displayName: "Claire Martin",
    role: "CHARGE_DEVELOPPEMENT",
    federation: FEDERATION,
    mspProject: null,
    ...overrides,
  };
}

export function buildProjectRow(overrides: Partial<ProjectRowFragment> = {}): ProjectRowFragment {
  return {
    __typename: "Project",
    id: "project-1",
    name: "MSP des Boutières",
    communeCode: "07186",
    communeName: "Privas",
    departement: { __typename: "Departement", code: "07", name: "Ardèche" },
    stage: "PROJET_SANTE",
    status: "ACTIVE",
    charge: { __typename: "StaffMember", id: "user-charge", displayName: "Claire Martin" },
    updatedAt: "2026-11-03T10:00:00.000Z",
    ...overrides,
  };
}

export function buildProjectDetails(overrides: Partial<ProjectDetailsFragment> = {}): ProjectDetailsFragment {
  return {
    __typename: "Project",
    id: "project-1",
    name: "MSP des Boutières",
    communeCode: "07186",
    communeName: "Privas",
    departement: { __typename: "Departement", code: "07", name: "Ardèche" },
    stage: "VALIDATION_ARS",
    status: "ON_HOLD",
    statusReason: "En attente de la décision de la commune sur les locaux",
    legalForm: null,
    charge: {
      __typename: "StaffMember",
      id: "user-charge",
      displayName: "Claire Martin",
      email: "claire.martin@femasaura.fr",
    },
    createdAt: "2025-02-14T09:30:00.000Z",
    updatedAt: "2026-11-03T10:00:00.000Z",
    lastActivityAt: "2026-10-28T15:45:00.000Z",
    ...overrides,
  };
}

/** A GraphQL error as the API sends it. */
export function apiError(code: string, message = code, extensions: Record<string, unknown> = {}) {
  return { message, extensions: { code, ...extensions } };
}
