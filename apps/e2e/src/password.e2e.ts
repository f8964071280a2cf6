/**
 * Passwords in Chromium, with a real SMTP server started by the test (the product's SMTP_URL points at it):
 * « Mot de passe oublié ? » from the login page, the e-mailed link, a new password (a weak one refused first, in
 * French, next to the field), the session that was open elsewhere ended, signing in with the new password (the old
 * one refused), the link refused the second time, then « Mon compte » at 390 px wide: a wrong current password
 * refused next to its field, and a change that says the other sessions were closed.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { browserAvailability, launchBrowser, type Product, reportSkippedBrowserTests, startProduct } from "./harness.js";
import { startSmtp, type TestSmtp } from "./smtp.js";

const availability = browserAvailability();

const EMAIL = "charge2@demo.maillage.fr";
const DEMO_PASSWORD = "maillage-demo";
const NEW_PASSWORD = "girafe-velo-orage-pistache";
const CHANGED_PASSWORD = "hibou-cerise-tambour-lagune";
const REQUESTED = "Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.";

describe.runIf(availability.run)("a chargé resets a forgotten password, then changes it from « Mon compte » (Chromium)", () => {
  let smtp: TestSmtp;
  let product: Product;
  let browser: Browser;
  let page: Page;
  /** Another browser where the same person was signed in before the reset. */
  let elsewhere: BrowserContext;
  let resetLink = "";

  beforeAll(async () => {
    smtp = await startSmtp();
    product = await startProduct({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Maillage <ne-pas-repondre@maillage.test>", PUBLIC_URL: "{baseUrl}" } });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
    elsewhere = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await smtp?.close();
  });

  async function signIn(target: Page, password: string) {
    await target.getByLabel("Adresse e-mail").fill(EMAIL);
    await target.getByLabel("Mot de passe", { exact: true }).fill(password);
    await target.getByRole("button", { name: "Se connecter" }).click();
  }

  it("has a session open in another browser before the reset", async () => {
    const other = await elsewhere.newPage();
    await other.goto(`${product.baseUrl}/connexion`);
    await signIn(other, DEMO_PASSWORD);
    await other.waitForURL(/\/projets$/);
  });

  it("asks for a link from « Mot de passe oublié ? » and gets the answer that never tells whether the account exists", async () => {
    await page.goto(`${product.baseUrl}/connexion`);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.waitForURL(/\/mot-de-passe-oublie$/);
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    const before = smtp.received.length;
    await page.getByLabel("Adresse e-mail").fill(EMAIL);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await page.getByRole("status").getByText(REQUESTED).waitFor();

    const mail = await smtp.waitForMail(EMAIL, { after: before });
    expect(mail.subject).toBe("Maillage : réinitialiser votre mot de passe");
    resetLink = new RegExp(`${product.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/reinitialiser-mot-de-passe\\?jeton=[A-Za-z0-9_%-]+`).exec(mail.text)?.[0] ?? "";
    expect(resetLink, mail.text).not.toBe("");

    // Back to the login page from the confirmation.
    await page.getByRole("link", { name: "Se connecter" }).click();
    await page.waitForURL(/\/connexion$/);
  });

  it("opens the link, refuses a common password next to the field, then sets a strong one", async () => {
    await page.goto(resetLink);
    await page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" }).waitFor();
    const newPassword = page.getByLabel("Nouveau mot de passe", { exact: true });
    const confirmation = page.getByLabel("Confirmation du nouveau mot de passe", { exact: true });

    await newPassword.fill("motdepasse123");
    await confirmation.fill("motdepasse123");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await expect.poll(() => newPassword.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await newPassword.getAttribute("aria-describedby")) ?? "";
    const description = await page.locator(`[id="${describedBy.split(" ").at(-1) ?? ""}"]`).textContent();
    expect(description).toMatch(/trop courant/);
    expect(await page.locator("main").textContent()).not.toMatch(/PASSWORD\.|BAD_USER_INPUT/);
    expect(await newPassword.evaluate((el) => el === document.activeElement)).toBe(true);

    await newPassword.fill(NEW_PASSWORD);
    await confirmation.fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByRole("status").getByText("Votre mot de passe a été changé. Connectez-vous avec le nouveau.").waitFor();
  });

  it("has ended the session that was open elsewhere", async () => {
    const other = elsewhere.pages()[0]!;
    await other.reload();
    await other.waitForURL(/\/connexion/);
  });

  it("refuses the old password and signs in with the new one", async () => {
    await page.getByRole("link", { name: "Se connecter" }).click();
    await page.waitForURL(/\/connexion$/);
    await signIn(page, DEMO_PASSWORD);
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/Identifiants incorrects/);
    await page.getByLabel("Mot de passe", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/projets$/);
    await page.getByRole("heading", { name: "Projets", level: 1 }).waitFor();
  });

  it("refuses the same link a second time, with a way to ask for a new one", async () => {
    const again = await browser.newPage({ locale: "fr-FR" });
    await again.goto(resetLink);
    await again.getByLabel("Nouveau mot de passe", { exact: true }).fill("autre-phrase-secrete-longue");
    await again.getByLabel("Confirmation du nouveau mot de passe", { exact: true }).fill("autre-phrase-secrete-longue");
    await again.getByRole("button", { name: "Changer le mot de passe" }).click();
    const alert = again.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/n’est plus valable/);
    await alert.getByRole("link", { name: "Demander un nouveau lien" }).click();
    await again.waitForURL(/\/mot-de-passe-oublie$/);
    await again.close();
  });

  it("changes the password from « Mon compte » on a 390 px wide screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("banner").getByRole("link", { name: "Mon compte" }).click();
    await page.waitForURL(/\/mon-compte$/);
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    // The user menu wraps instead of widening the page.
    const userMenuRight = await page.locator(".app-header__user").evaluate((el) => el.getBoundingClientRect().right);
    expect(userMenuRight).toBeLessThanOrEqual(390);
    expect(await page.locator("main").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const current = page.getByLabel("Mot de passe actuel", { exact: true });
    await current.fill("pas-le-bon-mot-de-passe");
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(CHANGED_PASSWORD);
    await page.getByLabel("Confirmation du nouveau mot de passe", { exact: true }).fill(CHANGED_PASSWORD);
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await expect.poll(() => current.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Le mot de passe actuel est incorrect.").count()).toBe(1);

    await current.fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Vos autres sessions ont été fermées/);

    // This session stays open; the new password is the one that works now.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    await signIn(page, CHANGED_PASSWORD);
    await page.waitForURL(/\/projets$/);
  });
});

reportSkippedBrowserTests(availability);
