import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeXhr } from "../../../test/fake-xhr";
import { buildUser } from "../../../test/fixtures";
import { renderRoutes } from "../../../test/render";
import { ResultsImportPage } from "./results-import-page";

function renderPage() {
  return renderRoutes({
    routes: [{ path: "/resultats/import", element: <ResultsImportPage /> }],
    initialEntry: "/resultats/import",
    user: buildUser({ role: "CHARGE_DEVELOPPEMENT" }),
  });
}

const checkReport = {
  dryRun: true,
  mode: "ALL_OR_NOTHING",
  accepted: 2,
  rejected: 1,
  imported: 0,
  ignored: 0,
  lines: [
    { line: 2, status: "OK", projectName: "MSP du Val de l'Isle", year: 2024, errors: [] },
    { line: 3, status: "OK", projectName: "MSP de Navarrenx", year: 2024, errors: [] },
    { line: 4, status: "REJECTED", projectName: null, year: 2024, errors: [{ column: "Identifiant MSP", message: "MSP inconnue : vérifiez l'identifiant (celui du modèle téléchargé)." }] },
  ],
};

describe(ResultsImportPage.name, () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("offers the chosen programme's templates, checks the file (dry run) with progress, shows the report, then imports", async () => {
    const { user } = renderPage();
    expect(screen.getByRole("heading", { level: 1, name: "Import de périodes" })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Dispositif"), "PEPS");
    expect(screen.getByRole("link", { name: "Télécharger le modèle Excel (PEPS)" })).toHaveAttribute("href", "/results/import/template?programme=PEPS&format=xlsx");
    expect(screen.getByRole("link", { name: "Télécharger le modèle CSV (PEPS)" })).toHaveAttribute("href", "/results/import/template?programme=PEPS&format=csv");

    const importButton = screen.getByRole("button", { name: "Importer" });
    expect(importButton).toBeDisabled();
    await user.upload(screen.getByLabelText("Fichier à importer"), new File(["a;b"], "peps-2024.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Vérifier" }));

    const check = xhr.instances[0];
    expect(check?.url).toBe("/results/import?programme=PEPS&mode=ALL_OR_NOTHING&dryRun=true");
    expect(check?.file?.name).toBe("peps-2024.csv");
    await check?.progress(50, 100);
    expect(screen.getByRole("progressbar")).toHaveAttribute("value", "0.5");
    expect(screen.getByText(/Envoi du fichier : 50 %/)).toBeInTheDocument();
    await check?.respond(200, checkReport);

    expect(screen.getByRole("status")).toHaveTextContent("Vérification terminée : 2 lignes acceptées, 1 ligne rejetée.");
    const report = screen.getByRole("region", { name: "Résultat de la vérification" });
    expect(within(report).getByText(/rien ne sera importé tant qu’une ligne est rejetée/)).toBeInTheDocument();
    const rows = within(report).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(within(rows[3] as HTMLElement).getByText("Rejetée")).toBeInTheDocument();
    expect(within(rows[3] as HTMLElement).getByText(/MSP inconnue/)).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText("MSP du Val de l'Isle")).toBeInTheDocument();

    // Another mode than the one checked: check again first.
    await user.click(screen.getByLabelText("Importer les lignes valides"));
    expect(importButton).toBeDisabled();
    await user.click(screen.getByLabelText("Tout ou rien"));
    expect(importButton).toBeEnabled();

    await user.click(importButton);
    const run = xhr.instances[1];
    expect(run?.url).toBe("/results/import?programme=PEPS&mode=ALL_OR_NOTHING&dryRun=false");
    await run?.respond(200, { ...checkReport, dryRun: false, rejected: 0, accepted: 2, imported: 1, lines: checkReport.lines.slice(0, 2) });
    expect(screen.getByRole("status")).toHaveTextContent("Import terminé : 1 période enregistrée.");
    expect(screen.getByRole("region", { name: "Résultat de l’import" })).toBeInTheDocument();
    expect(importButton).toBeDisabled();
  });

  it("shows the API's French refusal with its details, and refuses a too-large file before sending it", async () => {
    const { user } = renderPage();
    await user.upload(screen.getByLabelText("Fichier à importer"), new File(["a"], "aci.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Vérifier" }));
    await xhr.instances[0]?.respond(400, {
      error: { code: "BAD_USER_INPUT", message: "Colonne inconnue : « Couleur ».", details: [{ line: 1, column: "Couleur", message: "Colonne inconnue : « Couleur »." }] },
    });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Colonne inconnue : « Couleur ».");
    expect(within(alert).getByRole("listitem")).toHaveTextContent("Ligne 1 — Couleur : Colonne inconnue : « Couleur ».");

    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "gros.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("Fichier à importer"), big);
    expect(screen.getByText("« gros.csv » dépasse la taille maximale autorisée (5 Mo).")).toBeInTheDocument();
    expect(screen.getByLabelText("Fichier à importer")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: "Vérifier" })).toBeDisabled();
    expect(xhr.instances).toHaveLength(1);
  });
});
