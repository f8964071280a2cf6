import { cleanup, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildUser } from "../test/fixtures";
import { alertCountMock, type Mocks } from "../test/mocks";
import { renderRoutes } from "../test/render";
import { AppShell } from "./app-shell";

function renderShell(user: ReturnType<typeof buildUser>, initialEntry = "/", mocks: Mocks = []) {
  return renderRoutes({
    routes: [{ element: <AppShell />, children: [{ path: "*", element: <h1>Contenu de la page</h1> }] }],
    initialEntry,
    user,
    mocks,
  });
}

function mainNav() {
  return screen.getByRole("navigation", { name: "Navigation principale" });
}

describe(AppShell.name, () => {
  it("shows the federation, the user and their role, with a skip link to the main content", () => {
    renderShell(buildUser(), "/", [alertCountMock(0)]);
    const banner = screen.getByRole("banner");
    expect(within(banner).getByRole("link", { name: "Maillage" })).toBeInTheDocument();
    expect(within(banner).getByText("Fédération des MSP d’Auvergne-Rhône-Alpes")).toBeInTheDocument();
    expect(within(banner).getByText("Claire Martin")).toBeInTheDocument();
    expect(within(banner).getByText("Chargé·e de développement")).toBeInTheDocument();
    expect(within(banner).getByRole("button", { name: "Se déconnecter" })).toBeInTheDocument();

    expect(screen.getByRole("link", { name: "Aller au contenu principal" })).toHaveAttribute("href", "#contenu");
    expect(screen.getByRole("main")).toHaveAttribute("id", "contenu");
  });

  it("gives federation staff the project list", () => {
    renderShell(buildUser({ role: "FEDERATION_ADMIN" }), "/projets", [alertCountMock(0)]);
    const nav = mainNav();
    expect(within(nav).getByRole("link", { name: "Projets" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).queryByRole("link", { name: "Mon projet" })).not.toBeInTheDocument();
    expect(screen.getByText("Administrateur·rice de la fédération")).toBeInTheDocument();
  });

  it("gives staff the board and the alerts, with the number of open alerts", async () => {
    renderShell(buildUser(), "/tableau", [alertCountMock(14)]);
    const nav = mainNav();
    expect(within(nav).getByRole("link", { name: "Tableau" })).toHaveAttribute("aria-current", "page");
    const alerts = within(nav).getByRole("link", { name: /^Alertes/ });
    expect(alerts).toHaveAttribute("href", "/alertes");
    expect(await within(alerts).findByText("14")).toBeInTheDocument();
    expect(alerts).toHaveAccessibleName("Alertes (14 alertes en cours)");
    // The milestone catalogue and the research space are the admins'.
    expect(within(nav).queryByRole("link", { name: "Jalons" })).not.toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Espace recherche" })).not.toBeInTheDocument();
  });

  it("gives admins the milestone catalogue and the research space too", () => {
    renderShell(buildUser({ role: "FEDERATION_ADMIN" }), "/jalons", [alertCountMock(0)]);
    expect(within(mainNav()).getByRole("link", { name: "Jalons" })).toHaveAttribute("aria-current", "page");
    expect(within(mainNav()).getByRole("link", { name: "Alertes" })).toBeInTheDocument();
    expect(within(mainNav()).getByRole("link", { name: "Espace recherche" })).toHaveAttribute("href", "/recherche");
  });

  it("gives an MSP member « Mon projet » (their project) and not « Projets »", () => {
    renderShell(
      buildUser({
        role: "MSP_MEMBER",
        mspProject: { __typename: "Project", id: "project-42", name: "MSP du Vivarais" },
      }),
    );
    const nav = mainNav();
    expect(within(nav).getByRole("link", { name: "Mon projet" })).toHaveAttribute("href", "/projets/project-42");
    expect(within(nav).queryByRole("link", { name: "Projets" })).not.toBeInTheDocument();
  });

  it("gives staff the results to review and the reference data, and an MSP member « Mes résultats »", () => {
    renderShell(buildUser({ role: "CHARGE_DEVELOPPEMENT" }), "/resultats/a-valider", [alertCountMock(0)]);
    expect(within(mainNav()).getByRole("link", { name: "Résultats à valider" })).toHaveAttribute("aria-current", "page");
    expect(within(mainNav()).getByRole("link", { name: "Référentiels" })).toHaveAttribute("href", "/referentiels");
    cleanup();

    renderShell(
      buildUser({ role: "MSP_MEMBER", mspProject: { __typename: "Project", id: "project-42", name: "MSP du Vivarais" } }),
    );
    expect(within(mainNav()).getByRole("link", { name: "Mes résultats" })).toHaveAttribute("href", "/projets/project-42/resultats");
    expect(within(mainNav()).queryByRole("link", { name: "Résultats à valider" })).not.toBeInTheDocument();
  });

  it("gives a researcher neither « Projets » nor « Mon projet », only the research space", () => {
    renderShell(buildUser({ role: "RESEARCHER" }));
    const nav = mainNav();
    expect(within(nav).queryByRole("link", { name: "Projets" })).not.toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Mon projet" })).not.toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Espace recherche" })).toHaveAttribute("href", "/recherche");
  });

  it("gives every role « Mon compte » in the user menu, beside « Se déconnecter »", () => {
    for (const role of ["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT", "MSP_MEMBER", "RESEARCHER"] as const) {
      renderShell(buildUser({ role }), "/mon-compte", [alertCountMock(0)]);
      const banner = within(screen.getByRole("banner"));
      const link = banner.getByRole("link", { name: "Mon compte" });
      expect(link).toHaveAttribute("href", "/mon-compte");
      expect(link).toHaveAttribute("aria-current", "page");
      expect(link.parentElement).toBe(banner.getByRole("button", { name: "Se déconnecter" }).parentElement);
      cleanup();
    }
  });

  it("gives every role the personal API tokens page in the user menu", () => {
    for (const role of ["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT", "MSP_MEMBER", "RESEARCHER"] as const) {
      renderShell(buildUser({ role }), "/jetons", [alertCountMock(0)]);
      const link = within(screen.getByRole("banner")).getByRole("link", { name: "Jetons d’API" });
      expect(link).toHaveAttribute("href", "/jetons");
      expect(link).toHaveAttribute("aria-current", "page");
      cleanup();
    }
  });
});
