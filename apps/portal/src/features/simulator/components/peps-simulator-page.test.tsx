import { ILLUSTRATIVE_PEPS_TABLE, patientMixFromShares, simulatePeps } from "@maillage/domain";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "../../../test/fixtures";
import { renderRoutes } from "../../../test/render";
import { formatEuros } from "../utils/format";
import { PepsSimulatorPage } from "./peps-simulator-page";

function renderSimulator(user = buildUser()) {
  return renderRoutes({ routes: [{ path: "/simulateur-peps", element: <PepsSimulatorPage /> }], initialEntry: "/simulateur-peps", user });
}

const cards = () => within(screen.getByRole("list", { name: "Comparaison annuelle" })).getAllByRole("listitem");

/** Quick entry of one cell only: `total` women aged 45–64, without ALD or précarité. */
async function onlyWomen45to64(user: ReturnType<typeof renderSimulator>["user"], total: string) {
  const set = async (label: string | RegExp, value: string) => {
    const input = screen.getByLabelText(label);
    await user.clear(input);
    if (value) await user.type(input, value);
  };
  await set("Patients médecin traitant de l’équipe", total);
  for (const band of ILLUSTRATIVE_PEPS_TABLE.ageBands) {
    const label = band.maxAge === null ? `${band.minAge} ans et plus` : `${band.minAge} à ${band.maxAge} ans`;
    await set(label, band.band === "45-64" ? "100" : "0");
  }
  await set("Part de femmes (%)", "100");
  await set("Part de patients en ALD (%)", "0");
  await set("Part de patients C2S ou AME (%)", "0");
  await user.click(screen.getByRole("button", { name: "Répartir dans la grille" }));
}

describe(PepsSimulatorPage.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("opens with the illustrative table clearly labelled, a default patientèle, and asks for the fee-for-service income", () => {
    renderSimulator();
    expect(screen.getByRole("heading", { level: 1, name: "Simulateur PEPS" })).toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent("Table illustrative — valeurs fictives.");
    expect(screen.getByText("Total : 4 000 patients")).toBeInTheDocument();
    expect(screen.getByLabelText("45 à 64 ans, femmes, Sans ALD, Hors C2S/AME")).toBeInTheDocument();
    expect(screen.getByText("Indiquez le paiement à l’acte actuel pour comparer avec le forfait.")).toBeInTheDocument();
  });

  it("compares the forfait with fee-for-service for the default patientèle, as the domain computes it", async () => {
    const { user } = renderSimulator();
    await user.type(screen.getByLabelText("Paiement à l’acte actuel pour ces patients (€ par an)"), "450 000");
    const mix = patientMixFromShares(ILLUSTRATIVE_PEPS_TABLE, {
      totalPatients: 4000,
      ageShares: { "0-6": 0.06, "7-15": 0.09, "16-44": 0.29, "45-64": 0.27, "65-74": 0.14, "75-84": 0.1, "85+": 0.05 },
      womenShare: 0.52,
      aldShare: 0.22,
      multiAldShare: 0.3,
      precariteShare: 0.09,
    });
    if (!mix.ok) throw new Error("default mix");
    const expected = simulatePeps(ILLUSTRATIVE_PEPS_TABLE, { groups: mix.value, qualityScore: 0.8, feeForServiceEur: 450_000 });
    if (!expected.ok) throw new Error("default simulation");
    // The element's text is compared with spaces normalised (Intl writes narrow no-break spaces).
    expect(cards()[0]).toHaveTextContent(formatEuros(expected.value.pepsEur).replace(/\s/g, " "));
    expect(cards()[1]).toHaveTextContent("450 000 €");
    expect(screen.getByText("Table illustrative — valeurs fictives")).toBeInTheDocument();
    const detail = screen.getByRole("region", { name: "Détail par groupe de patients" });
    expect(within(detail).getAllByRole("row")).toHaveLength(1 + mix.value.filter((g) => g.patients > 0).length + 1);
  });

  it("fills the grid from the quick entry, and shows the gain and the cap (DOMAIN.md §4.4 worked by hand)", async () => {
    const { user } = renderSimulator();
    await onlyWomen45to64(user, "100");
    expect(screen.getByText("Grille détaillée mise à jour.")).toBeInTheDocument();
    expect(screen.getByText("Total : 100 patients")).toBeInTheDocument();
    expect(screen.getByLabelText("45 à 64 ans, femmes, Sans ALD, Hors C2S/AME")).toHaveValue("100");
    expect(screen.getByLabelText("45 à 64 ans, hommes, Sans ALD, Hors C2S/AME")).toHaveValue("0");
    await user.clear(screen.getByLabelText("Hypothèse de score qualité (%)"));
    await user.type(screen.getByLabelText("Hypothèse de score qualité (%)"), "100");
    await user.type(screen.getByLabelText("Paiement à l’acte actuel pour ces patients (€ par an)"), "10000");
    // 100 × 100 € × 1.1 × 1.05 = 11,550 €; + 5 % quality = 12,127.50 €; capped at 1.2 × 10,000 € = 12,000 €.
    const [peps, ffs, difference, cap] = cards();
    expect(peps).toHaveTextContent("12 000 €");
    expect(peps).toHaveTextContent("120,00 € par patient");
    expect(ffs).toHaveTextContent("10 000 €");
    expect(difference).toHaveTextContent("+2 000 €");
    expect(difference).toHaveTextContent("+20 % par rapport à l’acte");
    expect(cap).toHaveTextContent("-128 €");
    expect(cap).toHaveTextContent("Forfait plafonné à 12 000 € (+20 % de l’acte) au lieu de 12 128 €");
    const row = within(screen.getByRole("region", { name: "Détail par groupe de patients" })).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("45 à 64 ans");
    expect(row).toHaveTextContent("1,155");
    expect(row).toHaveTextContent("115,50 €");
    expect(row).toHaveTextContent("11 550 €");
  });

  it("shows a loss when fee-for-service is higher, without the cap", async () => {
    const { user } = renderSimulator();
    await onlyWomen45to64(user, "100");
    await user.type(screen.getByLabelText("Paiement à l’acte actuel pour ces patients (€ par an)"), "20 000");
    const [, , difference, cap] = cards();
    // Default quality 80 %: 11,550 € × (1 + 5 % × 0.8) = 12,012 € against 20,000 €: −7,988 € (−39.9 %).
    expect(difference).toHaveTextContent("-7 988 €");
    expect(difference).toHaveTextContent("-39,9 % par rapport à l’acte");
    expect(cap).toHaveTextContent("Plafond non atteint");
  });

  it("reports what is wrong: age shares not adding up to 100 %, a cell that is not a number, an amount that is not one", async () => {
    const { user } = renderSimulator();
    const age = screen.getByLabelText("45 à 64 ans");
    await user.clear(age);
    await user.type(age, "50");
    await user.click(screen.getByRole("button", { name: "Répartir dans la grille" }));
    expect(screen.getByText("Les parts par tranche d'âge doivent totaliser 100 %.")).toBeInTheDocument();

    const cell = screen.getByLabelText("0 à 6 ans, hommes, 1 ALD, C2S/AME");
    await user.clear(cell);
    await user.type(cell, "douze");
    expect(cell).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("1 case(s) ne contiennent pas un nombre entier de patients.")).toBeInTheDocument();
    expect(screen.getByText("Corrigez la grille de la patientèle pour voir le résultat.")).toBeInTheDocument();

    const ffs = screen.getByLabelText("Paiement à l’acte actuel pour ces patients (€ par an)");
    await user.type(ffs, "beaucoup");
    expect(ffs).toHaveAttribute("aria-invalid", "true");
    expect(ffs).toHaveAccessibleDescription(/Saisissez un montant en euros/);
  });

  it("exports the per-group detail as a CSV file", async () => {
    const created: Blob[] = [];
    vi.stubGlobal("URL", Object.assign(Object.create(URL) as typeof URL, { createObjectURL: (b: Blob) => (created.push(b), "blob:simulation"), revokeObjectURL: () => undefined }));
    const { user } = renderSimulator(buildUser({ role: "MSP_MEMBER", mspProject: { __typename: "Project", id: "p-1", name: "MSP de Navarrenx" } }));
    await onlyWomen45to64(user, "100");
    await user.type(screen.getByLabelText("Paiement à l’acte actuel pour ces patients (€ par an)"), "10000");
    await user.click(screen.getByRole("button", { name: "Exporter" }));
    expect(created).toHaveLength(1);
    const bytes = new Uint8Array(
      await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(created[0]!);
      }),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("Tranche d'âge;Sexe;ALD;C2S/AME;Patients;Coefficient;Forfait par patient (€);Forfait du groupe (€);Part du forfait (%);Table de coefficients");
    expect(lines[1]).toBe("45 à 64 ans;Femmes;Sans ALD;Non;100;1,155;115,5;11550;100;Table PEPS illustrative (valeurs fictives, non officielles) — table illustrative, valeurs fictives");
    expect(lines).toHaveLength(3);
  });
});
