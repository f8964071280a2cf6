import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { UpdateResearchSettingsInput } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { RESEARCH_SETTINGS, UPDATE_RESEARCH_SETTINGS } from "../graphql/research-settings";
import type { ResearchSettings, ResearchThresholds } from "../types";
import { ResearchSettingsPage } from "./research-settings-page";

const PLATFORM: ResearchThresholds = {
  __typename: "ResearchThresholds",
  minPatients: 11,
  minContributors: 3,
  dominanceShare: 0.85,
  minRateNumerator: 11,
  minRateDenominator: 11,
  minProfessionals: 11,
  protectionPercent: 10,
};

const settings = (over: Partial<ResearchSettings> = {}): ResearchSettings => ({
  __typename: "ResearchSettings",
  thresholds: PLATFORM,
  federationThresholds: null,
  privacyMode: "OFF",
  epsilonPerQuery: 0.5,
  epsilonBudget: 10,
  ...over,
});

const settingsMock = (value: ResearchSettings = settings()): Mock => ({
  request: { query: RESEARCH_SETTINGS },
  result: { data: { __typename: "Query", researchSettings: value } },
});

/** The mutation's input as the form sends it: the seven thresholds typed, and the reason (null when empty). */
const input = (over: Partial<UpdateResearchSettingsInput> = {}): UpdateResearchSettingsInput => ({
  minPatients: 11,
  minContributors: 3,
  dominanceShare: 0.85,
  minRateNumerator: 11,
  minRateDenominator: 11,
  minProfessionals: 11,
  protectionPercent: 10,
  reason: null,
  ...over,
});

/** The API's refusal of values weaker than the deployment's: one problem per field (RESEARCH.WEAKER_THAN_DEPLOYMENT). */
const weakerThanDeployment = (fields: { field: string; message: string }[]) =>
  apiError("BAD_USER_INPUT", fields[0]?.message ?? "", {
    field: fields[0]?.field,
    reason: "RESEARCH.WEAKER_THAN_DEPLOYMENT",
    fields: fields.map((f) => ({ ...f, code: "RESEARCH.WEAKER_THAN_DEPLOYMENT" })),
  });

function renderPage(mocks: Mock[]) {
  return renderRoutes({
    routes: [{ path: "/recherche/parametres", element: <ResearchSettingsPage /> }],
    initialEntry: "/recherche/parametres",
    mocks,
    user: buildUser({ role: "FEDERATION_ADMIN" }),
  });
}

const text = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** The platform's read-only thresholds, term → value. */
function platformValues(): Record<string, string | undefined> {
  const platform = screen.getByRole("region", { name: "Seuils de la plateforme" });
  const values = within(platform).getAllByRole("definition").map((d) => text(d.textContent));
  return Object.fromEntries(within(platform).getAllByRole("term").map((t, i) => [text(t.textContent), values[i]]));
}

describe(ResearchSettingsPage.name, () => {
  it("shows the platform's thresholds read-only, the noise off, and prefills the federation's form with them", async () => {
    renderPage([settingsMock()]);
    const platform = await screen.findByRole("region", { name: "Seuils de la plateforme" });
    expect(platformValues()).toEqual({
      "Effectif minimal de patients": "11",
      "Nombre minimal de MSP par case": "3",
      "Part maximale d’une MSP dans un total": "0,85 (85 %)",
      "Numérateur minimal d’un taux": "11",
      "Dénominateur minimal d’un taux": "11",
      "Nombre minimal de professionnels (revenus)": "11",
      "Niveau de protection (%)": "10 %",
    });
    expect(within(platform).queryByRole("textbox")).not.toBeInTheDocument();
    expect(text(platform.textContent)).toContain("Bruit différentiel : désactivé — réglé par l’exploitant de la plateforme.");

    const form = screen.getByRole("form", { name: "Seuils de votre fédération (plus stricts uniquement)" });
    expect(form).toHaveTextContent("Votre fédération applique aujourd’hui les seuils de la plateforme.");
    expect(within(form).getByLabelText("Nombre minimal de MSP par case")).toHaveValue("3");
    expect(within(form).getByLabelText("Part maximale d’une MSP dans un total")).toHaveValue("0,85");
    expect(within(form).getByLabelText("Nombre minimal de MSP par case")).toHaveAccessibleDescription(/Plateforme : 3 ; plus strict : une valeur plus élevée\./);
    expect(within(form).getByLabelText("Part maximale d’une MSP dans un total")).toHaveAccessibleDescription(/Plateforme : 0,85 \(85\s%\) ; plus strict : une valeur plus faible\./);
    expect(within(form).getByLabelText("Motif (facultatif)")).toHaveValue("");
    // The noise and the « allow below defaults » box are the deployment's configuration now: no control for them.
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/ε/)).not.toBeInTheDocument();
  });

  it("prefills the form with the federation's own thresholds when it has some, and tells the noisy mode with its ε", async () => {
    const own = { ...PLATFORM, minContributors: 5, dominanceShare: 0.7 };
    renderPage([settingsMock(settings({ federationThresholds: own, privacyMode: "LAPLACE", epsilonPerQuery: 0.25, epsilonBudget: 12.5 }))]);
    const form = await screen.findByRole("form", { name: "Seuils de votre fédération (plus stricts uniquement)" });
    expect(form).toHaveTextContent("Votre fédération applique ses propres seuils, plus stricts que ceux de la plateforme, à ses données.");
    expect(within(form).getByLabelText("Nombre minimal de MSP par case")).toHaveValue("5");
    expect(within(form).getByLabelText("Part maximale d’une MSP dans un total")).toHaveValue("0,7");
    expect(within(form).getByLabelText("Effectif minimal de patients")).toHaveValue("11");
    const platform = screen.getByRole("region", { name: "Seuils de la plateforme" });
    // The platform's own values stay shown as they are, beside the federation's.
    expect(platformValues()).toMatchObject({ "Nombre minimal de MSP par case": "3", "Part maximale d’une MSP dans un total": "0,85 (85 %)" });
    expect(text(platform.textContent)).toContain("Bruit différentiel : activé (ε par requête 0,25, budget 12,5) — réglé par l’exploitant de la plateforme.");
  });

  it("shows each value the API refuses as weaker than the platform's next to its field, then saves stricter ones", async () => {
    const refused: Mock = {
      request: { query: UPDATE_RESEARCH_SETTINGS, variables: { input: input({ minContributors: 2, dominanceShare: 0.9, reason: "Petites MSP rurales" }) } },
      result: {
        errors: [
          weakerThanDeployment([
            { field: "minContributors", message: "Le paramètre « nombre minimal de MSP contributrices » ne peut être que plus strict que celui de la plateforme (3) : seul l'exploitant de la plateforme peut l'assouplir." },
            { field: "dominanceShare", message: "Le paramètre « part maximale d'une MSP (dominance) » ne peut être que plus strict que celui de la plateforme (0.85) : seul l'exploitant de la plateforme peut l'assouplir." },
          ]),
        ] as never,
      },
    };
    const own = { ...PLATFORM, minContributors: 4, dominanceShare: 0.8 };
    const saved: Mock = {
      request: { query: UPDATE_RESEARCH_SETTINGS, variables: { input: input({ minContributors: 4, dominanceShare: 0.8, reason: "Petites MSP rurales" }) } },
      result: { data: { __typename: "Mutation", updateResearchSettings: settings({ federationThresholds: own }) } },
    };
    const { user } = renderPage([settingsMock(), refused, saved]);
    const form = await screen.findByRole("form", { name: "Seuils de votre fédération (plus stricts uniquement)" });
    const contributors = within(form).getByLabelText("Nombre minimal de MSP par case");
    const dominance = within(form).getByLabelText("Part maximale d’une MSP dans un total");
    const patients = within(form).getByLabelText("Effectif minimal de patients");
    await user.clear(contributors);
    await user.type(contributors, "2");
    await user.clear(dominance);
    await user.type(dominance, "0,9");
    await user.type(within(form).getByLabelText("Motif (facultatif)"), "  Petites MSP rurales ");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les seuils" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent("2 valeurs n’ont pas été acceptées : corrigez les champs signalés.");
    expect(contributors).toHaveAttribute("aria-invalid", "true");
    expect(contributors).toHaveAccessibleDescription(/ne peut être que plus strict que celui de la plateforme \(3\)/);
    expect(dominance).toHaveAttribute("aria-invalid", "true");
    expect(dominance).toHaveAccessibleDescription(/part maximale d'une MSP \(dominance\) » ne peut être que plus strict/);
    expect(patients).not.toHaveAttribute("aria-invalid");
    expect(within(form).queryByText(/Seuils de votre fédération enregistrés/)).not.toBeInTheDocument();
    await waitFor(() => expect(contributors).toHaveFocus());

    // Editing a refused field clears its message only.
    await user.clear(contributors);
    await user.type(contributors, "4");
    expect(contributors).not.toHaveAttribute("aria-invalid");
    expect(dominance).toHaveAttribute("aria-invalid", "true");
    await user.clear(dominance);
    await user.type(dominance, "0,8");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les seuils" }));

    const status = within(form).getByRole("status");
    expect(await within(status).findByText("Seuils de votre fédération enregistrés (modification tracée dans le journal d’audit).")).toBeInTheDocument();
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
    expect(form).toHaveTextContent("Votre fédération applique ses propres seuils, plus stricts que ceux de la plateforme");
    expect(contributors).toHaveValue("4");
    expect(within(form).getByLabelText("Motif (facultatif)")).toHaveValue("");
    // The platform's thresholds did not change.
    expect(platformValues()).toMatchObject({ "Nombre minimal de MSP par case": "3", "Part maximale d’une MSP dans un total": "0,85 (85 %)" });
  });

  it("checks what is typed before calling the API: numbers, whole counts, a share between 0 and 1", async () => {
    const mutation = vi.fn(() => ({ data: { __typename: "Mutation" as const, updateResearchSettings: settings() } }));
    const { user } = renderPage([settingsMock(), { request: { query: UPDATE_RESEARCH_SETTINGS, variables: () => true }, result: mutation, maxUsageCount: 5 }]);
    const form = await screen.findByRole("form", { name: "Seuils de votre fédération (plus stricts uniquement)" });
    const protection = within(form).getByLabelText("Niveau de protection (%)");
    const patients = within(form).getByLabelText("Effectif minimal de patients");
    const dominance = within(form).getByLabelText("Part maximale d’une MSP dans un total");
    await user.clear(protection);
    await user.type(protection, "dix");
    await user.clear(patients);
    await user.type(patients, "12,5");
    await user.clear(dominance);
    await user.type(dominance, "85");
    await user.click(within(form).getByRole("button", { name: "Enregistrer les seuils" }));
    expect(protection).toHaveAccessibleDescription(/Saisissez un nombre\./);
    expect(patients).toHaveAccessibleDescription(/Saisissez un nombre entier, 1 ou plus\./);
    expect(dominance).toHaveAccessibleDescription(/Saisissez une part strictement comprise entre 0 et 1/);
    await waitFor(() => expect(patients).toHaveFocus());
    expect(mutation).not.toHaveBeenCalled();
  });

  it("says so when the API refuses without naming a field", async () => {
    const { user } = renderPage([settingsMock(), { request: { query: UPDATE_RESEARCH_SETTINGS, variables: { input: input() } }, result: { errors: [apiError("FORBIDDEN")] as never } }]);
    const form = await screen.findByRole("form", { name: "Seuils de votre fédération (plus stricts uniquement)" });
    await user.click(within(form).getByRole("button", { name: "Enregistrer les seuils" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Vous n’avez pas les droits nécessaires pour cette action.");
  });
});
