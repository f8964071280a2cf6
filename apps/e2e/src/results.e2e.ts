/**
 * Results of running MSPs (issue "Results of running MSPs", item 11) in Chromium: an MSP member fills and submits a
 * PEPS period, the federation admin approves it, the results dashboard shows it.
 *
 * - coordination@ (MSP member of « MSP de Navarrenx », in PEPS) creates a PEPS period for a year that has none,
 *   fills the PEPS form (DOMAIN.md §4.4: coefficient table, scope, patient mix by age band × sex × ALD × précarité,
 *   days in scope, quality score, forfait received, fee-for-service equivalent) and sees the live forfait the domain's
 *   `evaluatePeriod` computes for the same inputs; saves the draft, submits it: « Transmis ».
 * - admin@ approves it from « Résultats à valider »: « Validé » and locked.
 * - admin@ filters the results dashboard on that year and PEPS: the figures are the sums of the approved PEPS periods
 *   of that year as the API lists them, and include this period's computed forfait.
 * - Through the API: the period is APPROVED and its stored outputs are `evaluatePeriod` of its stored inputs.
 */
import { DEFAULT_RESULTS_REFERENCE_DATA, daysInYear, evaluatePeriod, ILLUSTRATIVE_PEPS_TABLE, type PeriodOutputs } from "@maillage/domain";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";

const availability = browserAvailability();

const PASSWORD = "maillage-demo";
const MSP_NAME = "MSP de Navarrenx";

/** Amounts as the period form shows them (apps/portal/src/features/results/utils/numbers.ts: `formatEur`). */
const formEur = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
/** Amounts as the dashboard shows them (apps/portal/src/features/dashboards/utils/money.ts: `formatEur`). */
const dashboardEur = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
/** Counts as the dashboard shows them (apps/portal/src/shared/format.ts: `formatNumber`). */
const count = new Intl.NumberFormat("fr-FR");
/** Spaces normalised (Intl uses no-break and narrow no-break spaces): the comparison is about the figures. */
const squash = (text: string | null): string => (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** The patient groups typed in the form (values of the illustrative table's choices). */
const GROUPS = [
  { ageBand: "65-74", sex: "F", aldCount: 1, precarite: false, patients: 412 },
  { ageBand: "16-44", sex: "M", aldCount: 0, precarite: true, patients: 538 },
  { ageBand: "85+", sex: "F", aldCount: 2, precarite: false, patients: 97 },
] as const;
const PATIENTELE = GROUPS.reduce((n, g) => n + g.patients, 0);
const QUALITY_SCORE = 0.8;
const FORFAIT_RECEIVED = 150_000;
const FEE_FOR_SERVICE = 140_000;
/** Waiting for a state (a query's answer, a re-render), not a fixed delay: vitest's default poll timeout is 1 s. */
const POLL = { timeout: 15_000 };

type PeriodNode = {
  id: string;
  projectId: string;
  programme: "PEPS" | "IPEP" | "ACI";
  year: number;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  ruleSetId: string | null;
  approvedAt: string | null;
  project: { id: string; name: string };
  summary: { computedEur: number; patients: number; feeForServiceEquivalentEur: number | null } | null;
};
const PERIOD_FIELDS = "id projectId programme year status inputs outputs ruleSetId approvedAt project { id name } summary { computedEur patients feeForServiceEquivalentEur }";

describe.runIf(availability.run)("an MSP member fills and submits a PEPS period, the admin approves it, the dashboard shows it (Chromium)", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let projectId = "";
  let year = 0;
  let periodId = "";
  /** The raw inputs the form stores for what the test types. */
  let typedInputs: Record<string, unknown> = {};
  /** `evaluatePeriod` of those inputs with the shipped reference data. */
  let expected: PeriodOutputs | null = null;

  /** A GraphQL request with the browser's session cookie (the signed-in user). */
  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await page.request.post(`${product.baseUrl}/graphql`, {
      data: { query, variables },
      headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data?: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  async function projectPeriods(): Promise<PeriodNode[]> {
    const data = await gql<{ resultPeriods: PeriodNode[] }>(`query ($projectId: ID!) { resultPeriods(projectId: $projectId) { ${PERIOD_FIELDS} } }`, { projectId });
    return data.resultPeriods;
  }

  /** Every approved period of the admin's federation, all pages. */
  async function approvedPeriods(): Promise<PeriodNode[]> {
    const all: PeriodNode[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { resultPeriodsForReview: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: PeriodNode }[] } } = await gql(
        `query ($after: String) { resultPeriodsForReview(status: APPROVED, first: 100, after: $after) {
           pageInfo { hasNextPage endCursor } edges { node { ${PERIOD_FIELDS} } } } }`,
        { after },
      );
      all.push(...data.resultPeriodsForReview.edges.map((e) => e.node));
      if (!data.resultPeriodsForReview.pageInfo.hasNextPage) return all;
      after = data.resultPeriodsForReview.pageInfo.endCursor;
    }
  }

  async function signIn(email: string) {
    await page.goto(`${product.baseUrl}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
  }

  const mainNav = () => page.getByRole("navigation", { name: "Navigation principale" });

  /** The value (<dd>) that follows a term (<dt>) of a description list. */
  const figure = (scope: Page | Locator, term: string) =>
    scope.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("signs the MSP member in and opens « Mes résultats »; picks the latest year without a PEPS period", async () => {
    await signIn("coordination@demo.maillage.fr");
    await mainNav().getByRole("link", { name: "Mes résultats" }).click();
    await page.getByRole("heading", { name: "Mes résultats", level: 1 }).waitFor();
    projectId = /\/projets\/([0-9a-f-]{36})\/resultats$/.exec(new URL(page.url()).pathname)?.[1] ?? "";
    expect(projectId).not.toBe("");
    await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: MSP_NAME }).waitFor();

    // The demo gives the MSP a PEPS period for each closed year since its ACI contract and a draft of the current
    // year (packages/db/src/seed/results.ts): the latest year with none, counting down from the browser's year.
    const currentYear = await page.evaluate(() => new Date().getFullYear());
    const pepsYears = new Set((await projectPeriods()).filter((p) => p.programme === "PEPS").map((p) => p.year));
    expect(pepsYears.size).toBeGreaterThan(0);
    year = currentYear;
    while (pepsYears.has(year)) year -= 1;
    expect(year).toBeGreaterThanOrEqual(2015);
    // The table shows the same: a PEPS period for every year the API lists, none for the chosen year.
    const table = page.getByRole("region", { name: "Périodes par année et dispositif" });
    for (const y of pepsYears) await table.getByRole("link", { name: `PEPS ${y}`, exact: true }).waitFor();
    expect(await table.getByRole("link", { name: `PEPS ${year}`, exact: true }).count()).toBe(0);
  });

  it("creates the PEPS period of that year: an empty draft opens", async () => {
    const form = page.getByRole("region", { name: "Nouvelle période" });
    await form.getByLabel("Dispositif", { exact: true }).selectOption("PEPS");
    await form.getByLabel("Année", { exact: true }).fill(String(year));
    await form.getByRole("button", { name: "Créer la période" }).click();
    await page.waitForURL(new RegExp(`/projets/${projectId}/resultats/[0-9a-f-]{36}$`));
    periodId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await page.getByRole("heading", { name: `PEPS ${year} — ${MSP_NAME}`, level: 1 }).waitFor();
    await page.getByText("Brouillon", { exact: true }).waitFor();
  });

  it("fills the PEPS form and sees the live forfait that evaluatePeriod computes for the same inputs", async () => {
    const form = page.getByRole("form", { name: `Saisie PEPS ${year}` });
    await form.getByLabel("Table de coefficients", { exact: true }).selectOption(ILLUSTRATIVE_PEPS_TABLE.id);
    await form.getByLabel("Périmètre", { exact: true }).selectOption({ label: "Patientèle médecin traitant" });

    for (const [index, group] of GROUPS.entries()) {
      const n = index + 1;
      // A new period starts with one empty group row; the others are added.
      if (n > 1) await form.getByRole("button", { name: "Ajouter un groupe" }).click();
      await form.getByLabel(`Tranche d’âge du groupe ${n}`, { exact: true }).selectOption(group.ageBand);
      await form.getByLabel(`Sexe du groupe ${n}`, { exact: true }).selectOption(group.sex);
      await form.getByLabel(`Nombre d’ALD du groupe ${n}`, { exact: true }).selectOption(String(group.aldCount));
      await form.getByLabel(`Précarité (C2S / AME) du groupe ${n}`, { exact: true }).setChecked(group.precarite);
      await form.getByLabel(`Patients du groupe ${n}`, { exact: true }).fill(String(group.patients));
    }
    const days = daysInYear(year);
    const daysInScope = days - 31; // a patient mix in scope from February: pro rata (§4.4)
    await form.getByLabel("Patientèle du périmètre", { exact: true }).fill(count.format(PATIENTELE)); // « 1 047 »
    await form.getByLabel("Jours dans le périmètre", { exact: true }).fill(String(daysInScope));
    await form.getByLabel("Jours de la période", { exact: true }).fill(String(days));
    await form.getByLabel("Score qualité (de 0 à 1)").fill(String(QUALITY_SCORE).replace(".", ",")); // « 0,8 »
    await form.getByLabel("Forfait reçu", { exact: true }).fill(count.format(FORFAIT_RECEIVED));
    await form.getByLabel("Équivalent paiement à l’acte", { exact: true }).fill(String(FEE_FOR_SERVICE));

    typedInputs = {
      tableId: ILLUSTRATIVE_PEPS_TABLE.id,
      scope: "PATIENTELE_MT",
      patientele: PATIENTELE,
      groups: GROUPS.map((g) => ({ ...g })),
      daysInScope,
      daysInPeriod: days,
      qualityScore: QUALITY_SCORE,
      qualityIndicators: [],
      forfaitReceivedEur: FORFAIT_RECEIVED,
      feeForServiceEquivalentEur: FEE_FOR_SERVICE,
      internalSplit: [],
    };
    const evaluated = evaluatePeriod("PEPS", year, typedInputs, DEFAULT_RESULTS_REFERENCE_DATA);
    if (!evaluated.ok) throw new Error(`the test's inputs are refused: ${JSON.stringify(evaluated.error)}`);
    expected = evaluated.value.outputs;
    const peps = "peps" in expected ? expected.peps : null;
    if (!peps) throw new Error("no PEPS detail in the outputs");
    // The inputs were chosen so that every part of the computation shows: précarité, quality bonus and the cap.
    expect(peps.precariteEur).toBeGreaterThan(0);
    expect(peps.qualityBonusEur).toBeGreaterThan(0);
    expect(peps.capped).toBe(true);

    await page.getByText("La saisie est complète : elle peut être transmise à la fédération.").waitFor();
    const computation = page.getByRole("region", { name: "Calcul du forfait" });
    const euros = (value: number) => squash(formEur.format(value));
    await expect.poll(async () => squash(await figure(computation, "Forfait calculé").textContent()), POLL).toBe(euros(peps.totalEur));
    expect(squash(await figure(computation, "Forfait de base \\(somme des groupes\\)").textContent())).toBe(euros(peps.baseEur));
    expect(squash(await figure(computation, "Majoration précarité").textContent())).toBe(euros(peps.precariteEur));
    expect(squash(await figure(computation, "Bonus qualité").textContent())).toBe(euros(peps.qualityBonusEur));
    expect(squash(await figure(computation, "Plafonnement").textContent())).toContain(`− ${euros(peps.capReductionEur)}`);
    expect(squash(await figure(computation, "Forfait reçu").textContent())).toBe(euros(FORFAIT_RECEIVED));
    expect(squash(await figure(computation, "Écart reçu − calculé").textContent())).toBe(euros(FORFAIT_RECEIVED - peps.totalEur));
    // Each group's forfait, beside its row.
    for (const [index, group] of peps.byGroup.entries()) {
      expect(squash(await page.getByTestId(`forfait-groupe-${index + 1}`).textContent())).toBe(euros(group.forfaitEur));
    }
  });

  it("saves the draft, then submits it to the federation: « Transmis »", async () => {
    const form = page.getByRole("form", { name: `Saisie PEPS ${year}` });
    await form.getByText("Modifications non enregistrées").waitFor();
    await form.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await page.getByRole("status").getByText("Brouillon enregistré.").waitFor();
    await form.getByText("Modifications non enregistrées").waitFor({ state: "detached" });

    const saved = (await projectPeriods()).find((p) => p.id === periodId);
    expect(saved?.status).toBe("DRAFT");
    expect(saved?.inputs).toEqual(typedInputs);

    await form.getByRole("button", { name: "Transmettre à la fédération" }).click();
    await page.getByText(/^Transmis à la fédération le .+ : en attente de validation, la saisie n’est plus modifiable\.$/).waitFor();
    await page.getByText("Transmis", { exact: true }).waitFor();
    // Read-only now: no more saving or submitting.
    expect(await page.getByRole("button", { name: "Transmettre à la fédération" }).count()).toBe(0);
    expect(await page.getByLabel("Score qualité (de 0 à 1)").isDisabled()).toBe(true);

    // « Mes résultats » lists it as submitted.
    await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Résultats", exact: true }).click();
    const cell = page.getByRole("region", { name: "Périodes par année et dispositif" }).getByRole("cell").filter({ has: page.getByRole("link", { name: `PEPS ${year}`, exact: true }) });
    await cell.getByText("Transmis", { exact: true }).waitFor();
    expect((await projectPeriods()).find((p) => p.id === periodId)?.status).toBe("SUBMITTED");
  });

  it("signs the MSP member out; the admin approves the period from « Résultats à valider »", async () => {
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    await signIn("admin@demo.maillage.fr");
    await mainNav().getByRole("link", { name: "Résultats à valider" }).click();
    await page.waitForURL(/\/resultats\/a-valider$/);
    await page.getByRole("heading", { name: "Résultats à valider", level: 1 }).waitFor();

    const label = `PEPS ${year} — ${MSP_NAME}`;
    await page.getByRole("button", { name: `Examiner ${label}` }).click();
    const panel = page.getByRole("group", { name: label });
    expect(squash(await figure(panel, "Montant calculé").textContent())).toBe(squash(formEur.format(expected?.summary.computedEur ?? NaN)));
    await panel.getByRole("button", { name: "Valider", exact: true }).click();
    await panel.getByRole("button", { name: "Confirmer la validation" }).click();
    // Approved, it leaves the queue of submitted periods…
    await page.getByRole("button", { name: `Examiner ${label}` }).waitFor({ state: "detached" });

    // …and is listed with the approved ones, locked: the only decision left is a reasoned unlock.
    await page.getByLabel("Statut", { exact: true }).selectOption("APPROVED");
    const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: `Examiner ${label}` }) });
    await row.getByRole("cell", { name: "Validé (verrouillé)", exact: true }).waitFor();
    await row.getByRole("button", { name: `Examiner ${label}` }).click();
    await panel.getByRole("button", { name: "Déverrouiller" }).waitFor();
    expect(await panel.getByRole("button", { name: "Valider", exact: true }).count()).toBe(0);

    // The whole form, read-only, says it is locked.
    await panel.getByRole("link", { name: `Voir toute la saisie de ${label}` }).click();
    await page.getByRole("heading", { name: label, level: 1 }).waitFor();
    await page.getByText(/^Validé par la fédération le .+ : la période est verrouillée\.$/).waitFor();
    expect(await page.getByLabel("Score qualité (de 0 à 1)").isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Enregistrer le brouillon" }).count()).toBe(0);
  });

  it("stores the period APPROVED, with outputs equal to evaluatePeriod of its inputs", async () => {
    const approved = (await approvedPeriods()).find((p) => p.id === periodId);
    if (!approved) throw new Error("the period is not among the approved ones");
    expect(approved).toMatchObject({ projectId, programme: "PEPS", year, status: "APPROVED", ruleSetId: ILLUSTRATIVE_PEPS_TABLE.id, project: { name: MSP_NAME } });
    expect(approved.approvedAt).not.toBeNull();
    expect(approved.inputs).toEqual(typedInputs);
    const recomputed = evaluatePeriod("PEPS", year, approved.inputs, DEFAULT_RESULTS_REFERENCE_DATA);
    if (!recomputed.ok) throw new Error(`stored inputs refused: ${JSON.stringify(recomputed.error)}`);
    expect(approved.outputs).toEqual(JSON.parse(JSON.stringify(recomputed.value.outputs)));
    expect(approved.outputs).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(approved.summary?.computedEur).toBe(recomputed.value.outputs.summary.computedEur);
  });

  it("shows the period in the results dashboard filtered on that year and PEPS", async () => {
    // What the dashboard should add up: the federation's approved PEPS periods of the year, as the API lists them.
    const peps = (await approvedPeriods()).filter((p) => p.programme === "PEPS" && p.year === year && p.summary);
    expect(peps.map((p) => p.id)).toContain(periodId);
    const total = peps.reduce((n, p) => n + (p.summary?.computedEur ?? 0), 0);
    const patients = peps.reduce((n, p) => n + (p.summary?.patients ?? 0), 0);
    const msps = new Set(peps.map((p) => p.projectId)).size;
    const ours = expected?.summary.computedEur ?? NaN;

    await mainNav().getByRole("link", { name: "Tableau de bord des résultats" }).click();
    await page.getByRole("heading", { name: "Tableau de bord des résultats", level: 1 }).waitFor();
    const filters = page.getByRole("form", { name: "Filtres du tableau de bord" });
    // The filters are controlled by the URL: a click changes the URL, which then checks the box (hence click, not check).
    const yearBox = filters.getByRole("group", { name: "Années" }).getByRole("checkbox", { name: String(year), exact: true });
    await yearBox.click();
    await page.waitForURL((url) => url.searchParams.get("annees") === String(year));
    const pepsBox = filters.getByRole("group", { name: "Programmes" }).getByRole("checkbox", { name: "PEPS", exact: true });
    await pepsBox.click();
    await page.waitForURL((url) => url.searchParams.get("annees") === String(year) && url.searchParams.get("programmes") === "PEPS");
    await expect.poll(() => yearBox.isChecked(), POLL).toBe(true);
    await expect.poll(() => pepsBox.isChecked(), POLL).toBe(true);

    // Wait for the filtered figures: only that year's PEPS periods are counted (with the year alone, its ACI periods
    // would be counted too).
    await expect.poll(async () => squash(await figure(page, "Périodes validées").textContent()), POLL).toBe(squash(count.format(peps.length)));
    expect(squash(await figure(page, "Montants calculés").textContent())).toBe(squash(dashboardEur.format(total)));
    // The demo's PEPS periods are computed with the illustrative table, and say so.
    await page.getByRole("note").getByText("Données illustratives.").waitFor();

    // The PEPS table by year: one row, the year's figures.
    const byYear = page.getByRole("table", { name: "PEPS : forfait et paiement à l'acte, par année" });
    await expect.poll(() => byYear.getByRole("row").count(), POLL).toBe(2); // header + the year
    const row = byYear.getByRole("row").filter({ has: page.getByRole("cell", { name: String(year), exact: true }) });
    const cells = (await row.getByRole("cell").allTextContents()).map(squash);
    expect(cells.slice(0, 4)).toEqual([String(year), squash(count.format(msps)), squash(count.format(patients)), squash(dashboardEur.format(total))]);

    // The PEPS table by MSP: this period, with its computed forfait.
    const byMsp = page.getByRole("table", { name: "PEPS par MSP" });
    const mine = byMsp.getByRole("row").filter({ has: page.getByRole("cell", { name: MSP_NAME, exact: true }) });
    const mineCells = (await mine.getByRole("cell").allTextContents()).map(squash);
    expect(mineCells[0]).toBe(String(year));
    expect(mineCells[3]).toBe(squash(count.format(expected?.summary.patients ?? NaN)));
    expect(mineCells[4]).toBe(squash(dashboardEur.format(ours)));
    expect(mineCells[5]).toBe(squash(dashboardEur.format(FEE_FOR_SERVICE)));
  });
});

reportSkippedBrowserTests(availability);
