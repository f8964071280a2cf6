import { homePathFor, type SessionUser } from "../features/auth";

export type NavItem = {
  label: string;
  to: string;
  /** Shows the number of open alerts beside the label. */
  hasAlertCount?: boolean;
};

const STAFF_ITEMS: readonly NavItem[] = [
  { label: "Projets", to: "/projets" },
  { label: "Tableau", to: "/tableau" },
  { label: "Alertes", to: "/alertes", hasAlertCount: true },
];

/** The main navigation of each role. */
export function navItemsFor(user: SessionUser): NavItem[] {
  switch (user.role) {
    case "FEDERATION_ADMIN":
      return [...STAFF_ITEMS, { label: "Jalons", to: "/jalons" }];
    case "CHARGE_DEVELOPPEMENT":
      return [...STAFF_ITEMS];
    case "MSP_MEMBER":
      return [{ label: "Mon projet", to: homePathFor(user) }];
    case "RESEARCHER":
      return [{ label: "Espace recherche", to: "/recherche" }];
  }
}
