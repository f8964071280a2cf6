import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, buildProjectDetails, buildUser } from "../../../test/fixtures";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { COMMUNES } from "../graphql/communes.query";
import { CREATE_PROJECT } from "../graphql/create-project.mutation";
import { PROJECT } from "../graphql/project.query";
import { STAFF } from "../graphql/staff.query";
import { UPDATE_PROJECT } from "../graphql/update-project.mutation";
import { EditProjectPage } from "./edit-project-page";
import { NewProjectPage } from "./new-project-page";

type Mocks = Parameters<typeof renderRoutes>[0]["mocks"];

const staffMock = {
  request: { query: STAFF },
  result: {
    data: {
      __typename: "Query",
      staff: [
        { __typename: "StaffMember", id: "user-charge", displayName: "Claire Martin", role: "CHARGE_DEVELOPPEMENT" },
        { __typename: "StaffMember", id: "user-2", displayName: "Yanis Benali", role: "CHARGE_DEVELOPPEMENT" },
      ],
    },
  },
};

const communesMock = {
  request: { query: COMMUNES, variables: { search: "Pri", first: 10 } },
  result: {
    data: {
      __typename: "Query",
      communes: [
        { __typename: "Commune", code: "07186", name: "Privas", departementCode: "07", postalCodes: ["07000"] },
        { __typename: "Commune", code: "26258", name: "Pradelle", departementCode: "26", postalCodes: ["26340"] },
      ],
    },
  },
};

function renderForm(path: string, routes: Parameters<typeof renderRoutes>[0]["routes"], mocks: Mocks) {
  return renderRoutes({
    routes: [...routes, { path: "*", element: <LocationProbe /> }],
    initialEntry: path,
    mocks,
    user: buildUser(),
  });
}

describe(NewProjectPage.name, () => {
  const routes = [{ path: "/projets/nouveau", element: <NewProjectPage /> }];

  it("creates a project from a commune picked in the autocomplete and opens it", async () => {
    const { user } = renderForm("/projets/nouveau", routes, [
      staffMock,
      communesMock,
      {
        request: {
          query: CREATE_PROJECT,
          variables: { input: { name: "MSP du Coiron", communeCode: "07186", chargeId: "user-charge" } },
        },
        result: { data: { __typename: "Mutation", createProject: buildProjectDetails({ id: "project-77" }) } },
      },
    ]);

    // The chargé·e creating the project is preselected once the staff list is there.
    expect(await screen.findByRole("option", { name: "Yanis Benali" })).toBeInTheDocument();
    expect(screen.getByLabelText("Chargé·e de développement")).toHaveValue("user-charge");

    await user.type(screen.getByLabelText("Nom du projet"), "MSP du Coiron");
    const commune = screen.getByRole("combobox", { name: "Commune" });
    await user.type(commune, "Pri");
    expect(await screen.findByRole("option", { name: /Privas/ })).toBeInTheDocument();
    await user.keyboard("{ArrowDown}{Enter}");
    expect(commune).toHaveValue("Privas");
    expect(commune).toHaveAccessibleDescription(/Code INSEE : 07186/);

    await user.click(screen.getByRole("button", { name: "Créer le projet" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/projets/project-77");
  });

  it("requires a commune chosen from the list before calling the API", async () => {
    const { user } = renderForm("/projets/nouveau", routes, [staffMock]);
    await user.type(await screen.findByLabelText("Nom du projet"), "MSP du Coiron");
    await user.click(screen.getByRole("button", { name: "Créer le projet" }));
    const commune = screen.getByRole("combobox", { name: "Commune" });
    expect(commune).toHaveAccessibleDescription(/Choisissez une commune dans la liste proposée/);
    expect(commune).toHaveFocus();
  });

  it("shows BAD_USER_INPUT messages next to the field the API names", async () => {
    const { user } = renderForm("/projets/nouveau", routes, [
      staffMock,
      communesMock,
      {
        request: {
          query: CREATE_PROJECT,
          variables: { input: { name: "MSP", communeCode: "07186", chargeId: "user-charge" } },
        },
        // The API's shape: `field` names the first problem, `fields` lists them all.
        result: {
          errors: [
            apiError("BAD_USER_INPUT", "Le nom du projet doit contenir au moins 3 caractères.", {
              field: "name",
              reason: "PROJECT.NAME_TOO_SHORT",
              fields: [
                { field: "name", code: "PROJECT.NAME_TOO_SHORT", message: "Le nom du projet doit contenir au moins 3 caractères." },
                {
                  field: "communeCode",
                  code: "PROJECT.COMMUNE_OUTSIDE_FEDERATION",
                  message: "Cette commune n'est pas dans un département couvert par la fédération.",
                },
              ],
            }),
          ],
        },
      },
    ]);
    await screen.findByRole("option", { name: "Yanis Benali" });
    await user.type(screen.getByLabelText("Nom du projet"), "MSP");
    await user.type(screen.getByRole("combobox", { name: "Commune" }), "Pri");
    await user.click(await screen.findByRole("option", { name: /Privas/ }));
    await user.click(screen.getByRole("button", { name: "Créer le projet" }));

    const name = screen.getByLabelText("Nom du projet");
    expect(await screen.findByText("Le nom du projet doit contenir au moins 3 caractères.")).toBeInTheDocument();
    expect(name).toHaveAccessibleDescription("Le nom du projet doit contenir au moins 3 caractères.");
    expect(name).toHaveAttribute("aria-invalid", "true");
    // The focus moves to the first field in error on the next frame.
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByRole("combobox", { name: "Commune" })).toHaveAccessibleDescription(
      /Cette commune n'est pas dans un département couvert par la fédération\./,
    );
  });
});

describe(EditProjectPage.name, () => {
  const routes = [{ path: "/projets/:projectId/modifier", element: <EditProjectPage /> }];
  const projectMock = {
    request: { query: PROJECT, variables: { id: "project-1" } },
    result: { data: { __typename: "Query", project: buildProjectDetails() } },
  };

  it("sends only the changed fields and returns to the project", async () => {
    const { user } = renderForm("/projets/project-1/modifier", routes, [
      projectMock,
      staffMock,
      {
        request: {
          query: UPDATE_PROJECT,
          variables: { input: { id: "project-1", chargeId: "user-2", status: "ACTIVE" } },
        },
        result: {
          data: {
            __typename: "Mutation",
            updateProject: buildProjectDetails({ status: "ACTIVE" }),
          },
        },
      },
    ]);
    expect(await screen.findByLabelText("Nom du projet")).toHaveValue("MSP des Boutières");
    expect(screen.getByLabelText("Statut")).toHaveValue("ON_HOLD");
    await user.selectOptions(screen.getByLabelText("Chargé·e de développement"), await screen.findByRole("option", { name: "Yanis Benali" }));
    await user.selectOptions(screen.getByLabelText("Statut"), "Actif");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/projets/project-1");
  });

  it("shows a BAD_USER_INPUT error on the status field", async () => {
    const { user } = renderForm("/projets/project-1/modifier", routes, [
      projectMock,
      staffMock,
      {
        request: {
          query: UPDATE_PROJECT,
          variables: { input: { id: "project-1", status: "ABANDONED", statusReason: "Départ à la retraite des médecins" } },
        },
        result: {
          errors: [
            apiError("BAD_USER_INPUT", "Un projet signé ne peut pas être abandonné", { field: "status" }),
          ],
        },
      },
    ]);
    await user.selectOptions(await screen.findByLabelText("Statut"), "Abandonné");
    await user.type(screen.getByLabelText("Raison de l’abandon"), "Départ à la retraite des médecins");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Un projet signé ne peut pas être abandonné")).toBeInTheDocument();
    expect(screen.getByLabelText("Statut")).toHaveAccessibleDescription("Un projet signé ne peut pas être abandonné");
    expect(screen.getByRole("alert")).toHaveTextContent("corrigez les champs signalés");
  });

  it("asks why a project is put on hold, and records its legal form", async () => {
    const { user } = renderForm("/projets/project-1/modifier", routes, [
      {
        request: { query: PROJECT, variables: { id: "project-1" } },
        result: { data: { __typename: "Query", project: buildProjectDetails({ status: "ACTIVE", statusReason: null }) } },
      },
      staffMock,
      {
        request: {
          query: UPDATE_PROJECT,
          variables: {
            input: { id: "project-1", status: "ON_HOLD", statusReason: "Recherche d’un second médecin", legalForm: "SISA" },
          },
        },
        result: {
          data: {
            __typename: "Mutation",
            updateProject: buildProjectDetails({ status: "ON_HOLD", statusReason: "Recherche d’un second médecin", legalForm: "SISA" }),
          },
        },
      },
    ]);
    expect(await screen.findByLabelText("Structure juridique")).toHaveValue("");
    expect(screen.queryByLabelText("Raison de la mise en pause")).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Statut"), "En pause");
    await user.selectOptions(screen.getByLabelText("Structure juridique"), "SISA");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    const reason = screen.getByLabelText("Raison de la mise en pause");
    expect(reason).toHaveAccessibleDescription("Indiquez la raison de la mise en pause ou de l’abandon.");
    expect(reason).toHaveFocus();

    await user.type(reason, "Recherche d’un second médecin");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/projets/project-1");
  });
});
