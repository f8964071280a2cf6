import type { Role } from "../../../gql/graphql";
import type { SessionUser } from "../hooks/use-session";

/** Federation staff: they follow many projects. */
export const STAFF_ROLES: readonly Role[] = ["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT"];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Where a user lands after signing in (and on `/`). */
export function homePathFor(user: Pick<SessionUser, "role" | "mspProject">): string {
  switch (user.role) {
    case "FEDERATION_ADMIN":
    case "CHARGE_DEVELOPPEMENT":
      return "/projets";
    case "MSP_MEMBER":
      return user.mspProject ? `/projets/${encodeURIComponent(user.mspProject.id)}` : "/mon-projet";
    case "RESEARCHER":
      return "/recherche";
  }
}
