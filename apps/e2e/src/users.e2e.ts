/**
 * « Utilisateurs » in Chromium, on a 390 px wide screen, with e-mail off (no SMTP_URL): a federation admin invites an
 * MSP member attached to an MSP found by name, gets the invitation link to pass on (no e-mail could be sent), sees the
 * person « Invitation en attente » in the list, then deactivates a chargé after a confirmation (who can no longer
 * sign in) and reactivates them (who can again).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";

const availability = browserAvailability();

const PASSWORD = "maillage-demo";
const ADMIN = "admin@demo.maillage.fr";
const CHARGE = "charge2@demo.maillage.fr";
const INVITED = { email: "lucie.faure@msp-val-isle.fr", name: "Dr Lucie Faure" };

describe.runIf(availability.run)("an admin manages the people of the federation on a phone-sized screen (Chromium)", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let chargeName = "";

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** Signs in in a fresh browser context; resolves to the page once the attempt is answered. */
  async function signInElsewhere(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    const other = await context.newPage();
    await other.goto(`${product.baseUrl}/connexion`);
    await other.getByLabel("Adresse e-mail").fill(email);
    await other.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await other.getByRole("button", { name: "Se connecter" }).click();
    return other;
  }

  it("opens « Utilisateurs » from the admin's navigation, without widening the page", async () => {
    await page.goto(`${product.baseUrl}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(ADMIN);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => url.pathname !== "/connexion");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Utilisateurs" }).click();
    await page.waitForURL(/\/utilisateurs$/);
    await page.getByRole("heading", { level: 1, name: "Utilisateurs" }).waitFor();
    await expect.poll(() => page.locator("table tbody tr").count()).toBeGreaterThanOrEqual(5);
    // The table scrolls inside its wrapper; the page itself does not scroll sideways.
    expect(await page.locator("main").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("invites an MSP member with their MSP and shows the link to pass on, since no e-mail could be sent", async () => {
    const form = page.getByRole("region", { name: "Inviter une personne" });
    await form.getByLabel("Adresse e-mail").fill(INVITED.email);
    await form.getByLabel("Nom", { exact: true }).fill(INVITED.name);
    await form.getByRole("combobox", { name: "Rôle" }).selectOption({ label: "Membre d'une MSP" });
    await form.getByRole("combobox", { name: "MSP" }).pressSequentially("val de l");
    await form.getByRole("option", { name: /MSP du Val de l'Isle/ }).click();
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();

    const status = form.getByRole("status");
    await status.getByText(`Invitation créée pour ${INVITED.name} (${INVITED.email}).`).waitFor();
    expect(await status.textContent()).toContain("Aucun e-mail n'a pu être envoyé : transmettez ce lien à la personne (valable 7 jours).");
    expect(await status.getByLabel("Lien d'invitation").inputValue()).toMatch(/\/reinitialiser-mot-de-passe\?jeton=[A-Za-z0-9_%-]+/);
    await status.getByRole("button", { name: "Copier le lien" }).waitFor();

    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: INVITED.name }) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Invitation en attente");
    expect(await row.textContent()).toContain("MSP du Val de l'Isle");
    expect(await row.textContent()).toContain("Jamais");
  });

  it("deactivates a chargé after a confirmation: they can no longer sign in", async () => {
    await page.getByRole("search", { name: "Filtrer les utilisateurs" }).getByLabel("Rechercher").fill(CHARGE);
    await expect.poll(() => page.locator("table tbody tr").count(), { timeout: 10_000 }).toBe(1);
    expect(page.url()).toContain(`q=${encodeURIComponent(CHARGE)}`);
    const row = page.locator("table tbody tr").first();
    chargeName = (await row.getByRole("rowheader").textContent()) ?? "";
    expect(chargeName).not.toBe("");

    await row.getByRole("button", { name: `Désactiver le compte de ${chargeName}` }).click();
    await row.getByRole("group", { name: `Confirmer la désactivation du compte de ${chargeName}` }).getByRole("button", { name: "Confirmer la désactivation" }).click();
    await page.getByText(`Le compte de ${chargeName} est désactivé : ses sessions et ses jetons d'API ne fonctionnent plus.`).waitFor();
    await row.getByText("Désactivé", { exact: true }).waitFor();

    const refused = await signInElsewhere(CHARGE);
    await expect.poll(() => refused.getByRole("alert").first().textContent()).toMatch(/Identifiants incorrects/);
    await refused.context().close();
  });

  it("reactivates them: they can sign in again", async () => {
    const row = page.locator("table tbody tr").first();
    await row.getByRole("button", { name: `Réactiver le compte de ${chargeName}` }).click();
    await page.getByText(`Le compte de ${chargeName} est réactivé : cette personne peut de nouveau se connecter.`).waitFor();
    await row.getByText("Actif", { exact: true }).waitFor();

    const welcomed = await signInElsewhere(CHARGE);
    await welcomed.waitForURL(/\/projets$/);
    await welcomed.context().close();
  });
});

reportSkippedBrowserTests(availability);
