import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MilestoneDefinitionRowFragment } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock, Mocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { ADD_MILESTONE_DEFINITION } from "../graphql/add-milestone-definition.mutation";
import { MILESTONE_CATALOGUE } from "../graphql/milestone-catalogue.query";
import { MilestoneCataloguePage } from "./milestone-catalogue-page";

function definition(overrides: Partial<MilestoneDefinitionRowFragment>): MilestoneDefinitionRowFragment {
  return {
    __typename: "MilestoneDefinition",
    key: "PROJET_SANTE",
    stage: "PROJET_SANTE",
    label: "Projet de santé",
    description: "Projet de santé de l’équipe, daté et versionné.",
    required: true,
    isCustom: false,
    fields: [{ __typename: "MilestoneField", key: "versionDate", label: "Date de la version", type: "DATE", required: false }],
    ...overrides,
  };
}

const catalogueMock: Mock = {
  request: { query: MILESTONE_CATALOGUE },
  result: {
    data: {
      __typename: "Query",
      milestoneCatalogue: [
        definition({}),
        definition({ key: "ENGAGEMENTS_PS", label: "Engagements signés des professionnels", description: null, fields: [] }),
        definition({ key: "CUSTOM_CHARTE", stage: "STRUCTURE_JURIDIQUE", label: "Charte de fonctionnement", required: false, isCustom: true, fields: [], description: null }),
      ],
    },
  },
};

function renderCatalogue(mocks: Mocks, user = buildUser({ role: "FEDERATION_ADMIN" })) {
  return renderRoutes({
    routes: [{ path: "/jalons", element: <MilestoneCataloguePage /> }],
    initialEntry: "/jalons",
    mocks,
    user,
  });
}

describe(MilestoneCataloguePage.name, () => {
  it("lists the catalogue by stage, default milestones apart from the federation's", async () => {
    renderCatalogue([catalogueMock]);
    const projetSante = await screen.findByRole("region", { name: "4. Projet de santé" });
    const rows = within(projetSante).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Projet de santé");
    expect(rows[0]).toHaveTextContent("Catalogue par défaut");
    expect(rows[0]).toHaveTextContent("Date de la version (date)");
    expect(rows[1]).toHaveTextContent("Documents uniquement");
    const structure = screen.getByRole("region", { name: "6. Structure juridique" });
    expect(structure).toHaveTextContent("Charte de fonctionnement");
    expect(structure).toHaveTextContent("Ajouté par la fédération");
    expect(screen.getByRole("region", { name: "1. Premier contact / émergence" })).toHaveTextContent("Aucun jalon pour cette étape.");
  });

  it("lets an admin add a milestone to a stage", async () => {
    const { user } = renderCatalogue([
      catalogueMock,
      {
        request: {
          query: ADD_MILESTONE_DEFINITION,
          variables: { input: { stage: "OUVERTURE", label: "Charte qualité", required: true, description: "Charte signée par l’équipe." } },
        },
        result: {
          data: {
            __typename: "Mutation",
            addMilestoneDefinition: definition({
              key: "CUSTOM_CHARTE_QUALITE",
              stage: "OUVERTURE",
              label: "Charte qualité",
              description: "Charte signée par l’équipe.",
              isCustom: true,
              fields: [],
            }),
          },
        },
      },
    ]);
    const form = await screen.findByRole("form", { name: "Ajouter un jalon" });
    await user.click(within(form).getByRole("button", { name: "Ajouter le jalon" }));
    expect(within(form).getByLabelText("Étape")).toHaveAccessibleDescription("Choisissez l’étape du jalon.");
    expect(within(form).getByLabelText("Libellé")).toHaveAccessibleDescription("Le libellé du jalon est obligatoire.");

    await user.selectOptions(within(form).getByLabelText("Étape"), "9. Ouverture");
    await user.type(within(form).getByLabelText("Libellé"), "Charte qualité");
    await user.type(within(form).getByLabelText("Description (facultatif)"), "Charte signée par l’équipe.");
    await user.click(within(form).getByLabelText("Obligatoire pour passer à l’étape suivante"));
    await user.click(within(form).getByRole("button", { name: "Ajouter le jalon" }));

    expect(await screen.findByText("Le jalon « Charte qualité » est ajouté à l’étape « Ouverture ».")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "9. Ouverture" })).getByText("Charte qualité")).toBeInTheDocument();
  });

  it("shows the API's refusal next to the label", async () => {
    const { user } = renderCatalogue([
      catalogueMock,
      {
        request: { query: ADD_MILESTONE_DEFINITION, variables: { input: { stage: "OUVERTURE", label: "Charte qualité", required: false } } },
        result: {
          errors: [apiError("BAD_USER_INPUT", "Un jalon de ce nom existe déjà.", { field: "key", fields: [{ field: "key", code: "MILESTONE.KEY_TAKEN", message: "Un jalon de ce nom existe déjà." }] })],
        },
      },
    ]);
    const form = await screen.findByRole("form", { name: "Ajouter un jalon" });
    await user.selectOptions(within(form).getByLabelText("Étape"), "9. Ouverture");
    await user.type(within(form).getByLabelText("Libellé"), "Charte qualité");
    await user.click(within(form).getByRole("button", { name: "Ajouter le jalon" }));
    expect(await within(form).findByText("Un jalon de ce nom existe déjà.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Libellé")).toHaveAccessibleDescription("Un jalon de ce nom existe déjà.");
  });
});
