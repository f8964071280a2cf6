import { ACI_RULE_SETS, DEFAULT_RESULTS_REFERENCE_DATA, evaluatePeriod } from "@maillage/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/fixtures";
import { always, type Mocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { PROJECT_RESULT_PERIODS } from "../graphql/project-result-periods.query";
import { RESULTS_REFERENCE_DATA } from "../graphql/results-reference-data.query";
import { buildApiReferenceData, buildPeriod } from "../test-fixtures";
import { formatEur } from "../utils/numbers";
import { PeriodPage } from "./period-page";

const eur = (value: number) => formatEur(value).replace(/\s/g, " ");

function mocks(period: ReturnType<typeof buildPeriod>): Mocks {
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

function renderPeriod(period: ReturnType<typeof buildPeriod>) {
  return renderRoutes({
    routes: [{ path: "/projets/:projectId/resultats/:periodId", element: <PeriodPage /> }],
    initialEntry: "/projets/project-1/resultats/period-1",
    mocks: mocks(period),
    user: buildUser({ role: "CHARGE_DEVELOPPEMENT" }),
  });
}

function figure(term: string) {
  return screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent?.replace(/\s/g, " ");
}

describe("ACI and IPEP period forms", () => {
  it("ACI: warns that a missing prerequisite means 0 €, flags rows « à vérifier », then computes as evaluatePeriod", async () => {
    const { user } = renderPeriod(buildPeriod({ programme: "ACI", year: 2024 }));
    await screen.findByRole("heading", { level: 1, name: /ACI 2024/ });
    const ruleSet = ACI_RULE_SETS.ACI2017_AV1;
    const prerequisites = ruleSet.indicators.filter((i) => i.type === "SOCLE_PREREQUIS");

    await user.type(screen.getByLabelText("Patientèle médecin traitant"), "4000");
    await user.type(screen.getByLabelText("Professionnels de santé associés"), "10");
    await user.type(screen.getByLabelText("Date de signature du contrat"), "2020-01-01");

    const warning = screen.getByRole("alert");
    expect(warning).toHaveTextContent("Prérequis manquant : rémunération de 0 €.");
    for (const indicator of prerequisites) expect(within(warning).getByText(indicator.label)).toBeInTheDocument();

    const flagged = ruleSet.indicators.find((i) => i.flag !== "CONFIRMED");
    if (!flagged) throw new Error("a flagged row is expected in ACI2017_AV1");
    const flaggedRow = screen.getByLabelText(flagged.label).closest("li");
    expect(flaggedRow && within(flaggedRow).getByText("à vérifier")).toBeInTheDocument();

    for (const indicator of prerequisites) await user.click(screen.getByLabelText(indicator.label));
    expect(screen.queryByText("Prérequis manquant : rémunération de 0 €.")).not.toBeInTheDocument();

    const direct = evaluatePeriod(
      "ACI",
      2024,
      {
        patientele: 4000,
        associatedProfessionals: 10,
        contractStart: "2020-01-01",
        isNewStructure: false,
        achievements: Object.fromEntries(prerequisites.map((i) => [i.code, { achieved: true }])),
        amountReceivedEur: null,
      },
      DEFAULT_RESULTS_REFERENCE_DATA,
    );
    if (!direct.ok || !("aci" in direct.value.outputs)) throw new Error("the direct evaluation should succeed");
    const aci = direct.value.outputs.aci;
    expect(figure("Rémunération calculée")).toBe(eur(aci.netEur));
    expect(figure("Avance (60 %)")).toBe(eur(aci.advanceEur));
    expect(figure("Solde")).toBe(eur(aci.balanceEur));
  });

  it("IPEP: shows the per-patient amount and the total as evaluatePeriod computes them", async () => {
    const { user } = renderPeriod(buildPeriod({ programme: "IPEP", year: 2024 }));
    await screen.findByRole("heading", { level: 1, name: /IPEP 2024/ });
    await user.type(screen.getByLabelText("Groupement"), "CPTS du Périgord blanc");
    await user.type(screen.getByLabelText("Patientèle du groupement"), "6000");
    await user.type(screen.getByLabelText("Gain sur le niveau de dépenses (€ par patient)"), "30");
    await user.type(screen.getByLabelText("Gain sur l’évolution des dépenses (€ par patient)"), "-12");
    await user.type(screen.getByLabelText("Points des indicateurs socles"), "60");

    const direct = evaluatePeriod(
      "IPEP",
      2024,
      {
        parametersId: "IPEP_2022",
        groupement: "CPTS du Périgord blanc",
        patients: 6000,
        gainLevelPerPatientEur: 30,
        gainEvolutionPerPatientEur: -12,
        soclePoints: 60,
        aLaCartePoints: 0,
        patientExperiencePoints: 0,
        qualityIndicators: [],
        incentiveReceivedEur: null,
      },
      DEFAULT_RESULTS_REFERENCE_DATA,
    );
    if (!direct.ok || !("ipep" in direct.value.outputs)) throw new Error("the direct evaluation should succeed");
    expect(figure("Montant par patient")).toBe(eur(direct.value.outputs.ipep.perPatientEur));
    expect(figure("Intéressement calculé")).toBe(eur(direct.value.outputs.ipep.totalEur));
    expect(screen.getByRole("button", { name: "Transmettre à la fédération" })).toBeEnabled();
  });
});
