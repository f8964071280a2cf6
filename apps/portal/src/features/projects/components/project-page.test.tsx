import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, buildProjectDetails, buildUser } from "../../../test/fixtures";
import { type Mocks, projectSectionMocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { PROJECT } from "../graphql/project.query";
import { ProjectPage } from "./project-page";

function projectMock(id: string, result: object) {
  return { request: { query: PROJECT, variables: { id } }, result };
}

function renderProjectPage(mocks: object[], user = buildUser(), id = "project-1") {
  return renderRoutes({
    routes: [{ path: "/projets/:projectId", element: <ProjectPage /> }],
    initialEntry: `/projets/${id}`,
    mocks: [...(mocks as Mocks), ...projectSectionMocks(id, "VALIDATION_ARS")],
    user,
  });
}

describe(ProjectPage.name, () => {
  it("shows the project with its place among the 11 stages, in French", async () => {
    renderProjectPage([projectMock("project-1", { data: { __typename: "Query", project: buildProjectDetails() } })]);

    expect(await screen.findByRole("heading", { level: 1, name: "MSP des Boutières" })).toBeInTheDocument();
    expect(screen.getByText("(code INSEE 07186)")).toBeInTheDocument();
    expect(screen.getByText("Ardèche (07)")).toBeInTheDocument();
    expect(screen.getByText("En pause")).toBeInTheDocument();
    expect(screen.getByText("Claire Martin")).toBeInTheDocument();
    expect(screen.getByText("14 février 2025")).toBeInTheDocument();
    expect(screen.getByText("3 novembre 2026 à 11:00")).toBeInTheDocument();

    expect(screen.getByText(/Étape 5 sur 11/)).toHaveTextContent("Étape 5 sur 11 : Validation ARS");
    const steps = within(screen.getByRole("list", { name: "Étapes du projet" })).getAllByRole("listitem");
    expect(steps).toHaveLength(11);
    expect(steps[0]).toHaveTextContent("Premier contact / émergence (étape franchie)");
    expect(steps[4]).toHaveAttribute("aria-current", "step");
    expect(steps[4]).toHaveTextContent("Validation ARS (étape en cours)");
    expect(steps[5]).not.toHaveAttribute("aria-current");
    expect(steps[10]).toHaveTextContent("MSP en fonctionnement");
    expect(steps.filter((step) => step.hasAttribute("aria-current"))).toHaveLength(1);

    expect(screen.getByRole("link", { name: "Modifier" })).toHaveAttribute("href", "/projets/project-1/modifier");
    expect(screen.getByRole("link", { name: "Résultats" })).toHaveAttribute("href", "/projets/project-1/resultats");
  });

  it("does not offer « Modifier » to an MSP member", async () => {
    renderProjectPage(
      [projectMock("project-1", { data: { __typename: "Query", project: buildProjectDetails() } })],
      buildUser({ role: "MSP_MEMBER" }),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "MSP des Boutières" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Modifier" })).not.toBeInTheDocument();
  });

  it("shows « Projet introuvable » when the API answers NOT_FOUND", async () => {
    renderProjectPage([projectMock("unknown", { errors: [apiError("NOT_FOUND", "Project not found")] })], buildUser(), "unknown");
    expect(await screen.findByRole("heading", { level: 1, name: "Projet introuvable" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Retour à la liste des projets" })).toHaveAttribute("href", "/projets");
  });

  it("says access is refused when the API answers FORBIDDEN", async () => {
    renderProjectPage(
      [projectMock("project-9", { errors: [apiError("FORBIDDEN", "Forbidden")] })],
      buildUser({ role: "MSP_MEMBER" }),
      "project-9",
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
  });
});
