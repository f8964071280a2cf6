import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { RESEARCH_SETTINGS, UPDATE_RESEARCH_SETTINGS } from "../graphql/research-settings";
import { ResearchSettingsPage } from "./research-settings-page";

const THRESHOLDS = {
  __typename: "ResearchThresholds",
  minPatients: 11,
  minContributors: 3,
  dominanceShare: 0.85,
  minRateNumerator: 11,
  minRateDenominator: 11,
  minProfessionals: 11,
  protectionPercent: 10,
} as const;
const SETTINGS = { __typename: "ResearchSettings", thresholds: THRESHOLDS, privacyMode: "OFF", epsilonPerQuery: 0.5, epsilonBudget: 10 } as const;

const settingsMock: Mock = { request: { query: RESEARCH_SETTINGS }, result: { data: { __typename: "Query", researchSettings: SETTINGS } } };
const input = (over: Record<string, unknown>) => ({
  minPatients: 11,
  minContributors: 3,
  dominanceShare: 0.85,
  minRateNumerator: 11,
  minRateDenominator: 11,
  minProfessionals: 11,
  protectionPercent: 10,
  privacyMode: "OFF",
  epsilonPerQuery: 0.5,
  epsilonBudget: 10,
  allowBelowDefaults: false,
  reason: null,
  ...over,
});

function renderPage(mocks: Mock[]) {
  return renderRoutes({
    routes: [{ path: "/recherche/parametres", element: <ResearchSettingsPage /> }],
    initialEntry: "/recherche/parametres",
    mocks,
    user: buildUser({ role: "FEDERATION_ADMIN" }),
  });
}

describe(ResearchSettingsPage.name, () => {
  it("shows the thresholds in force with their defaults in French", async () => {
    renderPage([settingsMock]);
    expect(await screen.findByLabelText("Nombre minimal de MSP par case")).toHaveValue("3");
    expect(screen.getByLabelText("Part maximale d’une MSP dans un total")).toHaveValue("0,85");
    expect(screen.getByLabelText("Mode")).toHaveValue("OFF");
  });

  it("shows the API's refusal of a weaker threshold next to the field, then saves a stricter one", async () => {
    const refused: Mock = {
      request: { query: UPDATE_RESEARCH_SETTINGS, variables: { input: input({ minContributors: 2 }) } },
      result: {
        errors: [
          apiError("BAD_USER_INPUT", "La valeur « Nombre minimal de MSP » est plus faible que la valeur par défaut (3).", {
            field: "minContributors",
            fields: [{ field: "minContributors", code: "SDC.CONFIG_BELOW_DEFAULT", message: "La valeur est plus faible que la valeur par défaut (3)." }],
          }),
        ] as never,
      },
    };
    const saved: Mock = {
      request: { query: UPDATE_RESEARCH_SETTINGS, variables: { input: input({ minContributors: 4 }) } },
      result: { data: { __typename: "Mutation", updateResearchSettings: { ...SETTINGS, thresholds: { ...THRESHOLDS, minContributors: 4 } } } },
    };
    const { user } = renderPage([settingsMock, refused, saved]);
    const field = await screen.findByLabelText("Nombre minimal de MSP par case");
    await user.clear(field);
    await user.type(field, "2");
    await user.click(screen.getByRole("button", { name: "Enregistrer les paramètres" }));
    expect(await screen.findByText("La valeur est plus faible que la valeur par défaut (3).")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");

    await user.clear(field);
    await user.type(field, "4");
    await user.click(screen.getByRole("button", { name: "Enregistrer les paramètres" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Paramètres enregistrés");
  });

  it("refuses a value that is not a number without calling the API", async () => {
    const { user } = renderPage([settingsMock]);
    const field = await screen.findByLabelText("Niveau de protection (%)");
    await user.clear(field);
    await user.type(field, "dix");
    await user.click(screen.getByRole("button", { name: "Enregistrer les paramètres" }));
    expect(screen.getByText("Saisissez un nombre.")).toBeInTheDocument();
  });
});
