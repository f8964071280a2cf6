import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";

const availability = browserAvailability();

const PASSWORD = "maillage-demo";
const PROJECT_NAME = "MSP du Val de l'Isle";
const ENGAGEMENTS = "Engagements signés des professionnels";
const PDF_NAME = "engagements-signes.pdf";

/** A small but well-formed PDF (one empty page, byte-exact xref table). */
function minimalPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
  ];
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

describe.runIf(availability.run)("the MSP team completes its project de santé; the chargé reviews it and moves the project on (Chromium)", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let projectUrl = "";
  let pdfPath = "";
  const pdf = minimalPdf();

  async function signIn(email: string) {
    await page.goto(`${product.baseUrl}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
  }

  /** A milestone of the checklist (« Jalons »). */
  const milestone = (label: string) => page.getByRole("region", { name: "Jalons" }).getByRole("listitem", { name: label, exact: true });

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-e2e-pdf-"));
    pdfPath = path.join(dir, PDF_NAME);
    fs.writeFileSync(pdfPath, pdf);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (pdfPath) fs.rmSync(path.dirname(pdfPath), { recursive: true, force: true });
  });

  it("opens the MSP member's project with its next steps: ENGAGEMENTS_PS to submit", async () => {
    await signIn("msp@demo.maillage.fr");
    await page.getByRole("heading", { name: PROJECT_NAME, level: 1 }).waitFor();
    projectUrl = page.url();
    expect(projectUrl).toMatch(/\/projets\/[0-9a-f-]{36}$/);

    const nextSteps = page.getByRole("region", { name: "Prochaines étapes" });
    await nextSteps.getByRole("heading", { name: ENGAGEMENTS, level: 3 }).waitFor();
    expect(await nextSteps.textContent()).toContain("Étape en cours : Projet de santé");
    // PROJET_SANTE was submitted by the team and waits for the federation.
    await milestone("Projet de santé").getByText("En attente de relecture").waitFor();
    // The seed's team: 1 GP, 1 nurse, 1 physio.
    await page.getByText(/1 médecin généraliste et 2 paramédicaux en activité/).waitFor();
  });

  it("adds a second general practitioner to the team: the minimum team is met", async () => {
    const team = page.getByRole("region", { name: "Équipe" });
    await team.getByRole("button", { name: "Ajouter un membre" }).click();
    const form = team.getByRole("form", { name: "Ajouter un membre à l’équipe" });
    await form.getByLabel("Nom et prénom").fill("Dr Camille Roux");
    await form.getByLabel("Profession").selectOption({ label: "Médecin généraliste" });
    await form.getByLabel("N° RPPS").fill("10000000009");
    await form.getByLabel("Date d’arrivée").fill("2026-01-05");
    await form.getByRole("button", { name: "Ajouter à l’équipe" }).click();

    await team.getByText("Dr Camille Roux a rejoint l’équipe.").waitFor();
    await team.getByRole("rowheader", { name: "Dr Camille Roux" }).waitFor();
    await team.getByText(/2 médecins généralistes et 2 paramédicaux en activité : l’équipe minimale d’une MSP est constituée/).waitFor();
  });

  it("uploads a PDF for ENGAGEMENTS_PS (« Envoyé » once sent) and submits it", async () => {
    const nextSteps = page.getByRole("region", { name: "Prochaines étapes" });
    const form = nextSteps.getByRole("form", { name: `Déposer « ${ENGAGEMENTS} »` });
    await form.getByLabel("Documents").setInputFiles(pdfPath);
    const uploaded = form.getByRole("list", { name: "Fichiers joints" }).getByRole("listitem");
    await uploaded.getByText("Envoyé").waitFor();
    expect(await uploaded.textContent()).toContain(PDF_NAME);
    await form.getByLabel("Commentaire (facultatif)").fill("Engagements des quatre professionnels, signés le 5 janvier.");
    await form.getByRole("button", { name: "Déposer", exact: true }).click();

    await nextSteps.getByText(`« ${ENGAGEMENTS} » est déposé : la fédération va le relire.`).waitFor();
    await nextSteps.getByText(/Rien à déposer pour l’étape « Projet de santé »/).waitFor();
    await milestone(ENGAGEMENTS).getByText("En attente de relecture").waitFor();
    await milestone(ENGAGEMENTS).getByRole("link", { name: PDF_NAME }).waitFor();
  });

  it("signs the MSP member out", async () => {
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
  });

  it("lets the chargé approve both pending submissions", async () => {
    await signIn("charge@demo.maillage.fr");
    await page.waitForURL(/\/projets$/);
    await page.goto(projectUrl);
    await page.getByRole("heading", { name: PROJECT_NAME, level: 1 }).waitFor();
    expect(await page.getByRole("region", { name: "Prochaines étapes" }).count()).toBe(0);

    for (const label of ["Projet de santé", ENGAGEMENTS]) {
      await milestone(label).getByRole("button", { name: `Valider « ${label} »` }).click();
      await page.getByText(`« ${label} » est validé.`).waitFor();
      await milestone(label).getByText("Validé", { exact: true }).waitFor();
    }
    await page.getByText(/Jalons obligatoires validés pour l’étape en cours : 2\/2/).waitFor();
  });

  it("moves the project to « Validation ARS » with « Passer à l’étape suivante »", async () => {
    await page.getByRole("button", { name: "Passer à l’étape suivante" }).click();
    await page.getByText("Le projet est passé à l’étape « Validation ARS ».").waitFor();
    await expect.poll(() => page.locator('[aria-current="step"]').textContent()).toContain("Validation ARS");
    await page.getByText(/Étape 5 sur 11 : Validation ARS/).waitFor();
  });

  it("shows the events in the project's history, newest first", async () => {
    const history = page.getByRole("list", { name: "Événements du projet, du plus récent au plus ancien" });
    // The history is fetched again after each change: wait for the stage move to be at its top.
    await expect.poll(() => history.getByRole("listitem").first().textContent(), { timeout: 10_000 }).toContain("Projet de santé → Validation ARS");
    const events = await history.getByRole("listitem").allTextContents();
    expect(events[0]).toContain("Changement d'étape");
    expect(events[0]).toContain("Projet de santé → Validation ARS");
    expect(events[0]).toContain("Julien Laborde");
    const recent = events.slice(0, 6).join("\n");
    expect(recent).toContain(`Jalon validé${ENGAGEMENTS}`);
    expect(recent).toContain("Jalon validéProjet de santé");
    expect(recent).toContain(`Jalon déposé${ENGAGEMENTS} (1 document)`);
    expect(recent).toContain("Membre ajouté à l'équipeDr Camille Roux");
    expect(recent).toContain("Marion Lacoste");
  });

  it("downloads the uploaded file with the same bytes", async () => {
    const checklist = page.getByRole("region", { name: "Jalons" });
    // The checklist now shows the new stage: pick the previous one.
    await checklist.getByLabel("Étape affichée").selectOption("PROJET_SANTE");
    const link = milestone(ENGAGEMENTS).getByRole("link", { name: PDF_NAME });
    expect(await link.getAttribute("download")).toBe(PDF_NAME);
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);

    const response = await page.request.get(new URL(href ?? "", product.baseUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toContain(PDF_NAME);
    expect(Buffer.compare(await response.body(), pdf)).toBe(0);
  });

  it("shows the project in the « Validation ARS » column of the board", async () => {
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Tableau", exact: true }).click();
    await page.waitForURL(/\/tableau$/);
    const column = page.getByRole("region", { name: /^5\. Validation ARS/ });
    await column.getByRole("listitem", { name: PROJECT_NAME }).waitFor();
    expect(await column.getByRole("listitem", { name: PROJECT_NAME }).textContent()).toMatch(/0\/2 jalons/);
  });
});

reportSkippedBrowserTests(availability);
