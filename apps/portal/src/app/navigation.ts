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
  // Result periods submitted by the MSPs (admins decide, chargés read) and the reference data they are computed with.
  { label: "Résultats à valider", to: "/resultats/a-valider" },
  // Aggregates of the approved periods (charts, map, exports).
  { label: "Tableau de bord des résultats", to: "/resultats/tableau-de-bord" },
  { label: "Référentiels", to: "/referentiels" },
  // Import of result periods from a spreadsheet (CSV/XLSX), with a line-by-line report.
  { label: "Import de périodes", to: "/resultats/import" },
  // What a team would receive under the PEPS forfait compared with fee-for-service (DOMAIN.md §4.4).
  { label: "Simulateur PEPS", to: "/simulateur-peps" },
];

/** The main navigation of each role. */
export function navItemsFor(user: SessionUser): NavItem[] {
  switch (user.role) {
    case "FEDERATION_ADMIN":
      // Admins also see what researchers see (the anonymised aggregates of the federations that opted in).
      // « Utilisateurs »: the people of the federation, their invitations and accounts (admins only).
      return [
        ...STAFF_ITEMS,
        { label: "Jalons", to: "/jalons" },
        { label: "Espace recherche", to: "/recherche" },
        { label: "Utilisateurs", to: "/utilisateurs" },
        // « Journal »: the federation's audit log (admins only).
        { label: "Journal", to: "/journal" },
      ];
    case "CHARGE_DEVELOPPEMENT":
      return [...STAFF_ITEMS];
    case "MSP_MEMBER":
      return [
        { label: "Mon projet", to: homePathFor(user) },
        ...(user.mspProject ? [{ label: "Mes résultats", to: `/projets/${encodeURIComponent(user.mspProject.id)}/resultats` }] : []),
        { label: "Simulateur PEPS", to: "/simulateur-peps" },
      ];
    case "RESEARCHER":
      return [{ label: "Espace recherche", to: "/recherche" }];
  }
}
