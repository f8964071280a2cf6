import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";

const availability = browserAvailability();

describe.runIf(availability.run)("a chargé signs in and opens a project (Chromium)", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("sends an anonymous visitor to the login page", async () => {
    await page.goto(`${product.baseUrl}/projets`);
    await page.waitForURL(/\/connexion/);
    expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toBeTruthy();
  });

  it("refuses a wrong password with a French message", async () => {
    await page.getByLabel("Adresse e-mail").fill("charge@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill("mauvais-mot-de-passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/incorrect/i);
  });

  it("signs in as the chargé and lands on the project list of the federation", async () => {
    await page.getByLabel("Mot de passe").fill("maillage-demo");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/projets/);
    await page.getByRole("heading", { name: "Projets", level: 1 }).waitFor();
    await expect.poll(() => page.getByText(/\d+\s?projets/).first().textContent()).toMatch(/15\d\s?projets/);
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(25);
  });

  it("finds a project by name, without accents, and opens its page", async () => {
    await page.getByLabel("Rechercher").fill("val de l'isle");
    await expect.poll(() => page.locator("table tbody tr").count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("link", { name: "MSP du Val de l'Isle" }).click();
    await page.waitForURL(/\/projets\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "MSP du Val de l'Isle", level: 1 }).waitFor();
    const body = await page.locator("main").textContent();
    expect(body).toContain("Saint-Astier");
    expect(body).toContain("Dordogne");
    expect(await page.locator('[aria-current="step"]').textContent()).toContain("Projet de santé");
  });

  it("keeps the session across a reload and signs out", async () => {
    await page.reload();
    await page.getByRole("heading", { name: "MSP du Val de l'Isle", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    await page.goto(`${page.url().replace(/\/connexion.*/, "")}/projets`);
    await page.waitForURL(/\/connexion/);
  });
});

reportSkippedBrowserTests(availability);
