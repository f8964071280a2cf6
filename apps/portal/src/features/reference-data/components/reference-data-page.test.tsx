import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { RESULTS_REFERENCE_DATA } from "../../results";
import { buildApiReferenceData } from "../../results/test-fixtures";
import { UPDATE_ACI_INDICATOR } from "../graphql/update-aci-indicator.mutation";
import { ReferenceDataPage } from "./reference-data-page";

const HORAIRES = "Horaires d'ouverture et soins non programmés";

/** The shipped data, with the ACI2017_AV1 opening-hours row corrected and verified by an admin. */
function afterEdit() {
  const data = buildApiReferenceData();
  return {
    ...data,
    aciRuleSets: data.aciRuleSets.map((rs) =>
      rs.code !== "ACI2017_AV1"
        ? rs
        : {
            ...rs,
            indicators: rs.indicators.map((row) =>
              row.code === "HORAIRES_SNP"
                ? { ...row, fixedPoints: 780, edited: true, verifiedAt: "2026-11-03T10:00:00.000Z", verifiedByName: "Claire Martin" }
                : row,
            ),
          },
    ),
  };
}

function referenceMocks(after = buildApiReferenceData()): Mocks {
  return [
    { request: { query: RESULTS_REFERENCE_DATA }, result: { data: { __typename: "Query", resultsReferenceData: buildApiReferenceData() } } },
    always({ request: { query: RESULTS_REFERENCE_DATA }, result: { data: { __typename: "Query", resultsReferenceData: after } } }),
  ];
}

function renderPage(mocks: Mocks, user = buildUser({ role: "FEDERATION_ADMIN" })) {
  return renderRoutes({ routes: [{ path: "/referentiels", element: <ReferenceDataPage /> }], initialEntry: "/referentiels", mocks, user });
}

function av1Access() {
  return screen.getByRole("region", { name: "ACI2017_AV1 — Accès aux soins" });
}

describe(ReferenceDataPage.name, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("shows « à vérifier » on unverified ACI rows and lets an admin correct one and mark it verified", async () => {
    const update: Mock = {
      request: {
        query: UPDATE_ACI_INDICATOR,
        variables: { input: { ruleSetCode: "ACI2017_AV1", code: "HORAIRES_SNP", fixedPoints: 780, variablePointsPer4000: 0, markVerified: true } },
      },
      result: {
        data: {
          __typename: "Mutation",
          updateAciIndicator: {
            __typename: "AciRuleSet",
            code: "ACI2017_AV1",
            source: "EDITED",
            indicators: afterEdit().aciRuleSets.find((rs) => rs.code === "ACI2017_AV1")?.indicators ?? [],
          },
        },
      },
    };
    const { user } = renderPage([update, ...referenceMocks(afterEdit())]);
    await screen.findByRole("heading", { level: 1, name: "Référentiels" });

    const row = within(av1Access()).getByRole("rowheader", { name: new RegExp(HORAIRES) }).closest("tr");
    if (!row) throw new Error("row expected");
    expect(within(row).getByText("à vérifier")).toBeInTheDocument();
    await user.click(within(row).getByRole("button", { name: `Modifier « ${HORAIRES} »` }));

    const form = screen.getByRole("form", { name: `Modifier « ${HORAIRES} »` });
    await user.clear(within(form).getByLabelText("Points fixes"));
    await user.type(within(form).getByLabelText("Points fixes"), "780");
    await user.click(within(form).getByLabelText("Marquer comme vérifié"));
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));

    expect(await screen.findByText(`« ${HORAIRES} » est enregistré et marqué comme vérifié.`)).toBeInTheDocument();
    const updated = within(av1Access()).getByRole("rowheader", { name: new RegExp(HORAIRES) }).closest("tr");
    if (!updated) throw new Error("row expected");
    expect(updated).toHaveTextContent("780");
    expect(updated).toHaveTextContent("Vérifié par Claire Martin le 3 novembre 2026");
    // The flag stays visible after the check.
    expect(within(updated).getByText("à vérifier")).toBeInTheDocument();
  });

  it("shows the flags read-only to a chargé", async () => {
    renderPage(referenceMocks(), buildUser({ role: "CHARGE_DEVELOPPEMENT" }));
    await screen.findByRole("heading", { level: 1, name: "Référentiels" });
    expect(within(av1Access()).getAllByText("à vérifier").length).toBeGreaterThan(0);
    expect(screen.queryByRole("button", { name: /^Modifier/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Importer la table" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Télécharger le modèle CSV" })).toHaveAttribute("href", "/reference/peps-tables/template?format=csv");
  });

  it("lists every problem of a refused PEPS file, in French", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json(
        {
          error: {
            code: "BAD_USER_INPUT",
            message: "Le fichier contient 2 erreurs : rien n'a été enregistré.",
            problems: [
              { line: 3, field: "ageBands[0].coefficient", code: "PEPS.COEFFICIENT_INVALID", message: "Ligne 3 : Le coefficient doit être un nombre strictement positif." },
              { line: null, field: "basePerPatientEur", code: "PEPS.BASE_INVALID", message: "Le montant de base par patient est manquant." },
            ],
          },
        },
        { status: 400 },
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    const { user } = renderPage(referenceMocks());
    await screen.findByRole("heading", { level: 1, name: "Référentiels" });

    await user.upload(screen.getByLabelText("Fichier de la table (CSV ou XLSX)"), new File(["type;cle"], "table-peps.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Importer la table" }));

    const report = await screen.findByRole("alert");
    expect(report).toHaveTextContent("Le fichier contient 2 erreurs : rien n'a été enregistré.");
    const problems = within(report).getAllByRole("listitem");
    expect(problems.map((p) => p.textContent)).toEqual([
      "Ligne 3 : Le coefficient doit être un nombre strictement positif.",
      "Le montant de base par patient est manquant.",
    ]);
    expect(fetchMock).toHaveBeenCalledWith("/reference/peps-tables", expect.objectContaining({ method: "POST", headers: { "Apollo-Require-Preflight": "true" } }));
  });
});
