import { homePathFor, type SessionUser } from "../features/auth";

export type NavItem = { label: string; to: string };

/** The main navigation of each role. */
export function navItemsFor(user: SessionUser): NavItem[] {
  switch (user.role) {
    case "FEDERATION_ADMIN":
    case "CHARGE_DEVELOPPEMENT":
      return [{ label: "Projets", to: "/projets" }];
    case "MSP_MEMBER":
      return [{ label: "Mon projet", to: homePathFor(user) }];
    case "RESEARCHER":
      return [{ label: "Espace recherche", to: "/recherche" }];
  }
}
