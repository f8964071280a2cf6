import { getDefaultNormalizer, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProjectFilter, ProjectRowFragment, ProjectsQuery } from "../../../gql/graphql";
import { buildProjectRow, buildUser } from "../../../test/fixtures";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { PROJECT_FILTER_OPTIONS } from "../graphql/project-filter-options.query";
import { PROJECTS } from "../graphql/projects.query";
import { ProjectListPage } from "./project-list-page";

const filterOptionsMock = {
  request: { query: PROJECT_FILTER_OPTIONS },
  result: {
    data: {
      __typename: "Query",
      federation: {
        __typename: "Federation",
        id: "fed-1",
        departements: [
          { __typename: "Departement", code: "07", name: "Ardèche" },
          { __typename: "Departement", code: "26", name: "Drôme" },
        ],
      },
      staff: [
        { __typename: "StaffMember", id: "user-charge", displayName: "Claire Martin", role: "CHARGE_DEVELOPPEMENT" },
        { __typename: "StaffMember", id: "user-2", displayName: "Yanis Benali", role: "CHARGE_DEVELOPPEMENT" },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

type PageOptions = {
  filter?: ProjectFilter;
  after?: string;
  rows: ProjectRowFragment[];
  totalCount?: number;
  endCursor?: string | null;
  hasNextPage?: boolean;
  delay?: number;
};

function projectsMock({ filter = {}, after, rows, totalCount = rows.length, endCursor = null, hasNextPage = false, delay = 0 }: PageOptions) {
  const data: ProjectsQuery = {
    __typename: "Query",
    projects: {
      __typename: "ProjectConnection",
      totalCount,
      pageInfo: { __typename: "PageInfo", hasNextPage, endCursor },
      edges: rows.map((node) => ({ __typename: "ProjectEdge", cursor: `cursor-${node.id}`, node })),
    },
  };
  return {
    request: { query: PROJECTS, variables: { filter, first: 25, ...(after ? { after } : {}) } },
    result: { data },
    delay,
  };
}

function renderList(initialEntry: string, mocks: object[], user = buildUser()) {
  return renderRoutes({
    routes: [
      { path: "/projets", element: <ProjectListPage /> },
      { path: "*", element: <LocationProbe /> },
    ],
    initialEntry,
    mocks: [filterOptionsMock, ...(mocks as Parameters<typeof renderRoutes>[0]["mocks"] & object[])],
    user,
  });
}

const boutieres = buildProjectRow();
const drome = buildProjectRow({
  id: "project-2",
  name: "Pôle de santé du Diois",
  communeCode: "26113",
  communeName: "Die",
  departement: { __typename: "Departement", code: "26", name: "Drôme" },
  stage: "SIGNATURE_ACI",
  status: "ON_HOLD",
  charge: null,
  updatedAt: "2026-01-31T23:30:00.000Z",
});

describe(ProjectListPage.name, () => {
  it("lists projects with French labels, French dates and a French count", async () => {
    renderList("/projets", [projectsMock({ rows: [boutieres, drome], totalCount: 1520 })]);

    const table = await screen.findByRole("table");
    const [, firstRow, secondRow] = within(table).getAllByRole("row");
    expect(firstRow).toHaveTextContent("MSP des Boutières");
    expect(within(firstRow!).getByText("Privas")).toBeInTheDocument();
    expect(within(firstRow!).getByText("Ardèche (07)")).toBeInTheDocument();
    expect(within(firstRow!).getByText("Projet de santé")).toBeInTheDocument();
    expect(within(firstRow!).getByText("Actif")).toBeInTheDocument();
    expect(within(firstRow!).getByText("3 novembre 2026")).toBeInTheDocument();
    expect(within(firstRow!).getByRole("link", { name: "MSP des Boutières" })).toHaveAttribute("href", "/projets/project-1");

    expect(within(secondRow!).getByText("Signature ACI")).toBeInTheDocument();
    expect(within(secondRow!).getByText("En pause")).toBeInTheDocument();
    expect(within(secondRow!).getByText("Non attribué")).toBeInTheDocument();
    // 23:30 UTC on 31 January is already 1 February in Paris.
    expect(within(secondRow!).getByText("1 février 2026")).toBeInTheDocument();

    // fr-FR groups thousands with a narrow no-break space.
    expect(
      screen.getByText("1\u202f520 projets", { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) }),
    ).toBeInTheDocument();
  });

  it("shows a busy placeholder while the first page loads", async () => {
    renderList("/projets", [projectsMock({ rows: [boutieres], delay: 50 })]);
    expect(screen.getByText("Chargement…")).toBeInTheDocument();
    expect(screen.getByText("Chargement…").closest("[aria-busy='true']")).not.toBeNull();
    expect(await screen.findByRole("link", { name: "MSP des Boutières" })).toBeInTheDocument();
    expect(screen.queryByText("Chargement…")).not.toBeInTheDocument();
  });

  it("offers to reset the filters when none of the projects match", async () => {
    const { user, router } = renderList("/projets?etape=IMMOBILIER&q=Aubenas", [
      projectsMock({ filter: { stages: ["IMMOBILIER"], text: "Aubenas" }, rows: [] }),
      projectsMock({ rows: [boutieres] }),
    ]);

    expect(await screen.findByText("Aucun projet ne correspond à ces filtres")).toBeInTheDocument();
    expect(screen.getByText("0 projet")).toBeInTheDocument();
    expect(screen.getByLabelText("Étape")).toHaveValue("IMMOBILIER");
    expect(screen.getByLabelText("Rechercher")).toHaveValue("Aubenas");

    const emptyState = screen.getByText("Aucun projet ne correspond à ces filtres").parentElement!;
    await user.click(within(emptyState).getByRole("button", { name: "Réinitialiser les filtres" }));

    expect(await screen.findByRole("link", { name: "MSP des Boutières" })).toBeInTheDocument();
    expect(router.state.location.search).toBe("");
    expect(screen.getByLabelText("Étape")).toHaveValue("");
    expect(screen.getByLabelText("Rechercher")).toHaveValue("");
  });

  it("shows an error with a retry button that loads the list again", async () => {
    const { user } = renderList("/projets", [
      { ...projectsMock({ rows: [] }), result: undefined, error: new Error("Failed to fetch") },
      projectsMock({ rows: [boutieres] }),
    ]);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Impossible de charger les projets");
    await user.click(within(alert).getByRole("button", { name: "Réessayer" }));

    expect(await screen.findByRole("link", { name: "MSP des Boutières" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("pages forward with the end cursor and back with the previous cursor", async () => {
    const { user } = renderList("/projets", [
      projectsMock({ rows: [boutieres], totalCount: 26, hasNextPage: true, endCursor: "cursor-25" }),
      projectsMock({ after: "cursor-25", rows: [drome], totalCount: 26, hasNextPage: false, endCursor: "cursor-26" }),
    ]);

    expect(await screen.findByRole("link", { name: "MSP des Boutières" })).toBeInTheDocument();
    const pagination = screen.getByRole("navigation", { name: "Pagination" });
    expect(within(pagination).getByRole("button", { name: "Page précédente" })).toBeDisabled();

    await user.click(within(pagination).getByRole("button", { name: "Page suivante" }));
    expect(await screen.findByRole("link", { name: "Pôle de santé du Diois" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "MSP des Boutières" })).not.toBeInTheDocument();
    expect(within(pagination).getByText("Page 2")).toBeInTheDocument();
    expect(within(pagination).getByRole("button", { name: "Page suivante" })).toBeDisabled();

    // The first page comes back from the cache: no second request was mocked.
    await user.click(within(pagination).getByRole("button", { name: "Page précédente" }));
    expect(await screen.findByRole("link", { name: "MSP des Boutières" })).toBeInTheDocument();
    expect(within(pagination).getByText("Page 1")).toBeInTheDocument();
  });

  it("turns the filters into query variables and into the URL", async () => {
    const { user, router } = renderList("/projets", [
      projectsMock({ rows: [boutieres, drome] }),
      projectsMock({ filter: { stages: ["SIGNATURE_ACI"] }, rows: [drome] }),
      projectsMock({ filter: { stages: ["SIGNATURE_ACI"], departementCodes: ["26"] }, rows: [drome] }),
      projectsMock({ filter: { stages: ["SIGNATURE_ACI"], departementCodes: ["26"], mine: true }, rows: [] }),
      projectsMock({ filter: { stages: ["SIGNATURE_ACI"], departementCodes: ["26"], mine: true, text: "Die" }, rows: [drome] }),
    ]);
    expect(await screen.findByText("2 projets")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Étape"), "SIGNATURE_ACI");
    expect(await screen.findByText("1 projet")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "MSP des Boutières" })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Département"), await screen.findByRole("option", { name: "Drôme (26)" }));
    await user.click(screen.getByLabelText("Mon portefeuille"));
    expect(await screen.findByText("Aucun projet ne correspond à ces filtres")).toBeInTheDocument();
    expect(screen.getByLabelText("Chargé·e")).toBeDisabled();

    // Typing is debounced: one request for the whole word.
    await user.type(screen.getByLabelText("Rechercher"), "Die");
    expect(await screen.findByRole("link", { name: "Pôle de santé du Diois" })).toBeInTheDocument();
    expect(router.state.location.search).toBe("?etape=SIGNATURE_ACI&departement=26&portefeuille=1&q=Die");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("offers « Mon portefeuille » to chargés only", async () => {
    renderList("/projets", [projectsMock({ rows: [boutieres] })], buildUser({ role: "FEDERATION_ADMIN" }));
    expect(await screen.findByRole("link", { name: "MSP des Boutières" })).toBeInTheDocument();
    expect(screen.queryByLabelText("Mon portefeuille")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Nouveau projet" })).toHaveAttribute("href", "/projets/nouveau");
  });
});
