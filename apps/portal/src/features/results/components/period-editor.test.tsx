import { DEFAULT_RESULTS_REFERENCE_DATA, evaluatePeriod, validatePeriodInputs } from "@maillage/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock, Mocks } from "../../../test/mocks";
import { always } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { SUBMIT_RESULT_PERIOD } from "../graphql/period-decisions.mutation";
import { PROJECT_RESULT_PERIODS } from "../graphql/project-result-periods.query";
import { RESULTS_REFERENCE_DATA } from "../graphql/results-reference-data.query";
import { SAVE_RESULT_PERIOD } from "../graphql/save-result-period.mutation";
import { buildApiReferenceData, buildPeriod } from "../test-fixtures";
import { formatEur } from "../utils/numbers";
import { PeriodPage } from "./period-page";

const MEMBER = buildUser({
  id: "user-msp",
  role: "MSP_MEMBER",
  mspProject: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" },
});

function pageMocks(period = buildPeriod()): Mocks {
  return [
    always({
      request: { query: PROJECT_RESULT_PERIODS, variables: { projectId: "project-1" } },
      result: {
        data: {
          __typename: "Query",
          project: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" },
          resultPeriods: [period],
        },
      },
    }),
    always({
      request: { query: RESULTS_REFERENCE_DATA },
      result: { data: { __typename: "Query", resultsReferenceData: buildApiReferenceData() } },
    }),
  ];
}

function renderPeriod(mocks: Mocks, user = MEMBER) {
  return renderRoutes({
    routes: [
      { path: "/projets/:projectId/resultats/:periodId", element: <PeriodPage /> },
      { path: "/projets/:projectId/resultats", element: <h1>Liste des résultats</h1> },
    ],
    initialEntry: "/projets/project-1/resultats/period-1",
    mocks,
    user,
  });
}

/** The <dd> beside a <dt> of the computation panel. */
function figure(term: string): string | null | undefined {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

describe(PeriodPage.name, () => {
  it("computes the PEPS forfait of each group live, as the domain's evaluatePeriod does", async () => {
    const { user } = renderPeriod(pageMocks());
    expect(await screen.findByRole("heading", { level: 1, name: /PEPS 2025/ })).toBeInTheDocument();
    expect(screen.getAllByText("Table illustrative — valeurs fictives").length).toBeGreaterThan(0);

    await user.selectOptions(screen.getByLabelText("Tranche d’âge du groupe 1"), "65-74");
    await user.selectOptions(screen.getByLabelText("Nombre d’ALD du groupe 1"), "1");
    await user.click(screen.getByLabelText("Précarité (C2S / AME) du groupe 1"));
    await user.type(screen.getByLabelText("Patients du groupe 1"), "120");
    await user.click(screen.getByRole("button", { name: "Ajouter un groupe" }));
    await user.selectOptions(screen.getByLabelText("Tranche d’âge du groupe 2"), "75-84");
    await user.selectOptions(screen.getByLabelText("Sexe du groupe 2"), "M");
    await user.selectOptions(screen.getByLabelText("Nombre d’ALD du groupe 2"), "2");
    await user.type(screen.getByLabelText("Patients du groupe 2"), "80");
    await user.type(screen.getByLabelText("Score qualité (de 0 à 1)"), "0,5");
    await user.type(screen.getByLabelText("Équivalent paiement à l’acte"), "30000");

    const direct = evaluatePeriod(
      "PEPS",
      2025,
      {
        tableId: "PEPS_ILLUSTRATIF",
        scope: "PATIENTELE_MT",
        patientele: 200,
        groups: [
          { ageBand: "65-74", sex: "F", aldCount: 1, precarite: true, patients: 120 },
          { ageBand: "75-84", sex: "M", aldCount: 2, precarite: false, patients: 80 },
        ],
        daysInScope: 365,
        daysInPeriod: 365,
        qualityScore: 0.5,
        qualityIndicators: [],
        forfaitReceivedEur: 0,
        feeForServiceEquivalentEur: 30000,
        internalSplit: [],
      },
      DEFAULT_RESULTS_REFERENCE_DATA,
    );
    if (!direct.ok || !("peps" in direct.value.outputs)) throw new Error("the direct evaluation should succeed");
    const peps = direct.value.outputs.peps;

    expect(screen.getByTestId("forfait-groupe-1").textContent).toBe(formatEur(peps.byGroup[0]?.forfaitEur ?? NaN));
    expect(screen.getByTestId("forfait-groupe-2").textContent).toBe(formatEur(peps.byGroup[1]?.forfaitEur ?? NaN));
    expect(figure("Majoration précarité")).toBe(formatEur(peps.precariteEur));
    expect(figure("Bonus qualité")).toBe(formatEur(peps.qualityBonusEur));
    expect(figure("Forfait calculé")).toBe(formatEur(peps.totalEur));
    expect(figure("Équivalent paiement à l’acte")).toBe(formatEur(30000));
    // The patientèle was not typed: the computation shows, the submission waits for it.
    expect(screen.getByRole("button", { name: "Transmettre à la fédération" })).toBeDisabled();
  });

  it("lists what is missing while « Transmettre » is disabled, then saves the draft and submits it", async () => {
    let saved: unknown = null;
    const save: Mock = {
      request: {
        query: SAVE_RESULT_PERIOD,
        variables: (variables: Record<string, unknown>) => {
          saved = (variables["input"] as { inputs: unknown }).inputs;
          return true;
        },
      },
      result: { data: { __typename: "Mutation", saveResultPeriod: buildPeriod() } },
    };
    const submit: Mock = {
      request: { query: SUBMIT_RESULT_PERIOD, variables: { input: { id: "period-1" } } },
      result: {
        data: {
          __typename: "Mutation",
          submitResultPeriod: buildPeriod({ status: "SUBMITTED", submittedAt: "2026-11-03T10:00:00.000Z" }),
        },
      },
    };
    const { user } = renderPeriod([save, submit, ...pageMocks()]);
    await screen.findByRole("heading", { level: 1, name: /PEPS 2025/ });

    const transmit = screen.getByRole("button", { name: "Transmettre à la fédération" });
    expect(transmit).toBeDisabled();
    const missing = screen.getByRole("list", { name: "Ce qui manque avant de transmettre" });
    expect(within(missing).getByRole("link", { name: "Forfait reçu" }).closest("li")).toHaveTextContent("Forfait reçu : Ce champ est obligatoire.");
    expect(within(missing).getByRole("link", { name: "Groupe 1 — patients" })).toBeInTheDocument();
    expect(within(missing).getByRole("link", { name: "Score qualité" })).toBeInTheDocument();

    await user.type(screen.getByLabelText("Patients du groupe 1"), "100");
    await user.type(screen.getByLabelText("Patientèle du périmètre"), "99");
    // The sum check names the field once it has been typed in.
    expect(screen.getByLabelText("Patientèle du périmètre")).toHaveAccessibleDescription(
      /La somme des patients par groupe doit être égale à la patientèle déclarée\./,
    );
    await user.clear(screen.getByLabelText("Patientèle du périmètre"));
    await user.type(screen.getByLabelText("Patientèle du périmètre"), "100");
    await user.type(screen.getByLabelText("Score qualité (de 0 à 1)"), "0,8");
    await user.type(screen.getByLabelText("Forfait reçu"), "15 000");
    await user.type(screen.getByLabelText("Équivalent paiement à l’acte"), "14000");

    expect(screen.queryByRole("list", { name: "Ce qui manque avant de transmettre" })).not.toBeInTheDocument();
    expect(screen.getByText("La saisie est complète : elle peut être transmise à la fédération.")).toBeInTheDocument();
    await user.click(transmit);

    expect(await screen.findByText(/Transmis à la fédération le 3 novembre 2026/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Enregistrer le brouillon" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Forfait reçu")).toBeDisabled();
    // What was saved is what the domain validates.
    expect(saved).toMatchObject({ patientele: 100, forfaitReceivedEur: 15000, qualityScore: 0.8, feeForServiceEquivalentEur: 14000 });
    expect(validatePeriodInputs("PEPS", 2025, saved, DEFAULT_RESULTS_REFERENCE_DATA).ok).toBe(true);
  });

  it("shows the server's field errors beside the field", async () => {
    const save: Mock = {
      request: { query: SAVE_RESULT_PERIOD, variables: () => true },
      result: {
        errors: [
          apiError("BAD_USER_INPUT", "Saisie invalide", {
            fields: [{ field: "input.inputs.forfaitReceivedEur", message: "Le montant doit être positif ou nul." }],
          }),
        ],
      },
    };
    const { user } = renderPeriod([save, ...pageMocks()]);
    await screen.findByRole("heading", { level: 1, name: /PEPS 2025/ });
    await user.type(screen.getByLabelText("Forfait reçu"), "12");
    await user.click(screen.getByRole("button", { name: "Enregistrer le brouillon" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("corrigez les champs signalés");
    expect(screen.getByLabelText("Forfait reçu")).toHaveAccessibleDescription(/Le montant doit être positif ou nul\./);
  });

  it("asks before leaving with unsaved changes", async () => {
    const { user, router } = renderPeriod(pageMocks());
    await screen.findByRole("heading", { level: 1, name: /PEPS 2025/ });
    await user.type(screen.getByLabelText("Patients du groupe 1"), "12");
    await user.click(screen.getByRole("link", { name: "Résultats" }));

    const dialog = await screen.findByRole("alertdialog");
    expect(dialog).toHaveTextContent("Des modifications ne sont pas enregistrées.");
    await user.click(within(dialog).getByRole("button", { name: "Rester sur la page" }));
    expect(router.state.location.pathname).toBe("/projets/project-1/resultats/period-1");
    expect(screen.getByLabelText("Patients du groupe 1")).toHaveValue("12");

    await user.click(screen.getByRole("link", { name: "Résultats" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Quitter sans enregistrer" }));
    expect(await screen.findByRole("heading", { name: "Liste des résultats" })).toBeInTheDocument();
  });

  it("shows a submitted period read-only, with the federation's decision buttons for an admin", async () => {
    renderPeriod(
      pageMocks(buildPeriod({ status: "SUBMITTED", submittedAt: "2026-11-03T10:00:00.000Z", inputs: { tableId: "PEPS_ILLUSTRATIF", forfaitReceivedEur: 1000 } })),
      buildUser({ role: "FEDERATION_ADMIN" }),
    );
    await screen.findByRole("heading", { level: 1, name: /PEPS 2025/ });
    expect(screen.getByLabelText("Forfait reçu")).toHaveValue("1000");
    expect(screen.getByLabelText("Forfait reçu")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Transmettre à la fédération" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Valider" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Renvoyer" })).toBeInTheDocument();
  });
});
