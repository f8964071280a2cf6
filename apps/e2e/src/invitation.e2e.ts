/**
 * Going live in Chromium, with a real SMTP server started by the test: a federation admin invites a chargé·e from
 * « Utilisateurs »; the invitation e-mail arrives; its link activates the account with a password; the new chargé·e
 * signs in and opens the federation's board; the admin then deactivates them, and the chargé·e's open page is told
 * the session has expired at its next request.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

const availability = browserAvailability();

const ADMIN = "admin@demo.maillage.fr";
const DEMO_PASSWORD = "maillage-demo";
const NEWCOMER = { email: "jeanne.roux@federation-exemple.fr", name: "Jeanne Roux" };
const NEW_PASSWORD = "heron-abricot-falaise-ruisseau";

describe.runIf(availability.run)("an admin invites a chargé·e who activates the account, then is deactivated (Chromium, real SMTP)", () => {
  let smtp: TestSmtp;
  let product: Product;
  let browser: Browser;
  let admin: Page;
  let newcomer: Page;
  let link = "";

  beforeAll(async () => {
    smtp = await startSmtp();
    product = await startProduct({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Maillage <ne-pas-repondre@maillage.test>", PUBLIC_URL: "{baseUrl}" } });
    browser = await launchBrowser();
    admin = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    newcomer = await (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await smtp?.close();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${product.baseUrl}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => url.pathname !== "/connexion");
  }

  it("invites the chargé·e from « Utilisateurs »: the e-mail goes out, no link to pass on", async () => {
    await signIn(admin, ADMIN, DEMO_PASSWORD);
    await admin.goto(`${product.baseUrl}/utilisateurs`);
    const form = admin.getByRole("region", { name: "Inviter une personne" });
    await form.getByLabel("Adresse e-mail").fill(NEWCOMER.email);
    await form.getByLabel("Nom", { exact: true }).fill(NEWCOMER.name);
    await form.getByRole("combobox", { name: "Rôle" }).selectOption({ label: "Chargé·e de développement" });
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    const status = form.getByRole("status");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(NEWCOMER.email);
    expect(await status.getByLabel("Lien d'invitation").count()).toBe(0);

    const mail = await smtp.waitForMail(NEWCOMER.email);
    expect(mail.subject).toBe("Invitation à rejoindre Maillage");
    link = /https?:\/\/\S+\/reinitialiser-mot-de-passe\?jeton=\S+/.exec(mail.text)?.[0] ?? "";
    expect(link.startsWith(product.baseUrl)).toBe(true);
  });

  it("activates the account with the e-mailed link, signs in and opens the federation's board", async () => {
    await newcomer.goto(link);
    await newcomer.getByRole("heading", { level: 1, name: "Activer votre compte" }).waitFor();
    await newcomer.getByLabel("Nouveau mot de passe", { exact: true }).fill(NEW_PASSWORD);
    await newcomer.getByLabel("Confirmation du nouveau mot de passe").fill(NEW_PASSWORD);
    await newcomer.getByRole("button", { name: "Changer le mot de passe" }).click();
    await newcomer.getByText("Votre compte est activé.", { exact: false }).waitFor();

    await signIn(newcomer, NEWCOMER.email, NEW_PASSWORD);
    await newcomer.goto(`${product.baseUrl}/tableau`);
    await newcomer.getByRole("heading", { level: 1 }).first().waitFor();
    // The board of the demo federation: its projects are there (one of them, by name).
    await expect.poll(() => newcomer.locator("main").textContent(), { timeout: 10_000 }).toContain("MSP du Val de l'Isle");
  });

  it("is deactivated by the admin: the open page says the session has expired at its next request", async () => {
    await admin.goto(`${product.baseUrl}/utilisateurs?q=${encodeURIComponent(NEWCOMER.email)}`);
    const row = admin.locator("table tbody tr", { has: admin.getByRole("rowheader", { name: NEWCOMER.name }) });
    await row.getByRole("button", { name: `Désactiver le compte de ${NEWCOMER.name}` }).click();
    await row.getByRole("group", { name: `Confirmer la désactivation du compte de ${NEWCOMER.name}` }).getByRole("button", { name: "Confirmer la désactivation" }).click();
    await row.getByText("Désactivé", { exact: true }).waitFor();

    // The chargé·e's open page asks for data again (the project list, from the navigation): refused, and said so.
    await newcomer.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Projets" }).click();
    await newcomer.waitForURL(/\/connexion$/);
    await newcomer.getByRole("status").getByText(/Session expirée/).waitFor();
    // And the account no longer signs in.
    await newcomer.getByLabel("Adresse e-mail").fill(NEWCOMER.email);
    await newcomer.getByLabel("Mot de passe", { exact: true }).fill(NEW_PASSWORD);
    await newcomer.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => newcomer.getByRole("alert").first().textContent()).toMatch(/Identifiants incorrects/);
  });
});

reportSkippedBrowserTests(availability);
