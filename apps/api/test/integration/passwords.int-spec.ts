/**
 * Passwords (issue "Going live", item 3): the user's own change, and « Mot de passe oublié » end to end through a
 * real SMTP server — the same answer whether the e-mail exists or not, a single-use link valid one hour, every
 * session ended, the login wait lifted, the policy on new passwords, refusals that change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";
import { startSmtp } from "./smtp.js";

const REQUEST = `mutation R($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation S($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const CHANGE = `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const ME = `{ me { email } }`;
const NEW_PASSWORD = "girafe-velo-orage-pistache";

type Field = { field: string; code: string; message: string };
const fieldsOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => (r.errors?.[0]?.extensions?.fields ?? []) as Field[];

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: "Maillage <ne-pas-repondre@maillage.test>", publicUrl: "https://maillage.example" });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** The e-mail to `to` (sent in the background after the answer), once it has arrived. */
async function mailTo(to: string, after = 0): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 200; i++) {
    const found = smtp.received.slice(after).find((m) => m.to.includes(to));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no e-mail to ${to}`);
}
const tokenIn = (text: string) => /reinitialiser-mot-de-passe\?jeton=([A-Za-z0-9_%-]+)/.exec(text)?.[1] ?? "";

describe("forgotten password", () => {
  it("answers the same for an existing and an unknown e-mail, and mails a link only to the existing one", async () => {
    const before = smtp.received.length;
    const known = await t.client().request(REQUEST, { email: "Charge2@Demo.Maillage.fr " });
    const unknown = await t.client().request(REQUEST, { email: "personne@demo.maillage.fr" });
    expect(known).toMatchObject({ data: { requestPasswordReset: true } });
    expect(unknown).toMatchObject({ data: { requestPasswordReset: true } });
    expect(known.errors).toBeUndefined();
    const mail = await mailTo("charge2@demo.maillage.fr", before);
    expect(mail.subject).toBe("Maillage : réinitialiser votre mot de passe");
    expect(mail.text).toContain("https://maillage.example/reinitialiser-mot-de-passe?jeton=");
    expect(mail.text).toContain("valable une heure");
    expect(smtp.received.slice(before).some((m) => m.to.includes("personne@demo.maillage.fr"))).toBe(false);
    // Only the token's hash is stored.
    const token = decodeURIComponent(tokenIn(mail.text));
    expect(await t.running.database.prisma.passwordToken.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("sets a new password once with the link: sessions end, the old password stops working, the link cannot be replayed", async () => {
    const email = "charge2@demo.maillage.fr";
    const open = await t.as(email);
    const before = smtp.received.length;
    await t.client().request(REQUEST, { email });
    const token = decodeURIComponent(tokenIn((await mailTo(email, before)).text));

    // A weak password is refused and the link still works.
    const weak = await t.client().request(RESET, { input: { token, newPassword: "motdepasse123" } });
    expect(GqlClient.code(weak)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(weak)[0]).toMatchObject({ field: "newPassword", code: "PASSWORD.TOO_COMMON" });

    // Two requests with the same link at the same moment: exactly one sets the password.
    const [a, b] = await Promise.all([
      t.client().request(RESET, { input: { token, newPassword: NEW_PASSWORD } }),
      t.client().request(RESET, { input: { token, newPassword: "autre-phrase-secrete-longue" } }),
    ]);
    const ok = [a, b].filter((r) => r.data?.resetPassword === true);
    expect(ok).toHaveLength(1);
    const refused = [a, b].find((r) => r.errors)!;
    expect(fieldsOf(refused)[0]).toMatchObject({ field: "token", code: "PASSWORD_RESET.TOKEN_INVALID" });
    const newPassword = ok[0] === a ? NEW_PASSWORD : "autre-phrase-secrete-longue";

    expect(GqlClient.code(await open.request(ME))).toBe("UNAUTHENTICATED");
    expect(GqlClient.code(await t.client().login(email))).toBe("UNAUTHENTICATED");
    expect((await t.client().login(email, newPassword)).errors).toBeUndefined();
    expect(GqlClient.code(await t.client().request(RESET, { input: { token, newPassword: "encore-une-autre-phrase" } }))).toBe("BAD_USER_INPUT");
    const events = await t.running.database.prisma.auditEvent.count({ where: { action: "auth.password_reset" } });
    expect(events).toBe(1);
  });

  it("lifts the login wait of the account: its owner proves it by the e-mail", async () => {
    const email = "msp2@demo.maillage.fr";
    for (let i = 0; i < 5; i++) await t.client().login(email, `faux-${String(i)}`);
    expect(GqlClient.code(await t.client().login(email))).toBe("TOO_MANY_REQUESTS");
    const before = smtp.received.length;
    await t.client().request(REQUEST, { email });
    const token = decodeURIComponent(tokenIn((await mailTo(email, before)).text));
    expect((await t.client().request(RESET, { input: { token, newPassword: NEW_PASSWORD } })).errors).toBeUndefined();
    expect((await t.client().login(email, NEW_PASSWORD)).errors).toBeUndefined();
  });

  it("refuses an expired or malformed link and changes nothing", async () => {
    const email = "coordination@demo.maillage.fr";
    const before = smtp.received.length;
    await t.client().request(REQUEST, { email });
    const token = decodeURIComponent(tokenIn((await mailTo(email, before)).text));
    const prisma = t.running.database.prisma;
    await prisma.passwordToken.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const candidate of [token, "court", "x".repeat(150), "' OR 1=1 --"]) {
      const r = await t.client().request(RESET, { input: { token: candidate, newPassword: NEW_PASSWORD } });
      expect(GqlClient.code(r), candidate).toBe("BAD_USER_INPUT");
    }
    expect((await t.client().login(email)).errors).toBeUndefined(); // the demo password still works
  });
});

describe("changing one's password", () => {
  it("needs the current password, follows the policy, ends the other sessions and keeps this one", async () => {
    const email = "charge@bretagne.demo.maillage.fr";
    const here = await t.as(email);
    const elsewhere = await t.as(email);
    const wrong = await here.request(CHANGE, { input: { currentPassword: "pas-le-bon", newPassword: NEW_PASSWORD } });
    expect(fieldsOf(wrong)[0]).toMatchObject({ field: "currentPassword", code: "AUTH.CURRENT_PASSWORD_WRONG" });
    for (const [newPassword, code] of [
      ["court", "PASSWORD.TOO_SHORT"],
      ["azertyuiop123", "PASSWORD.TOO_COMMON"],
      ["charge-2026-bretagne", "PASSWORD.CONTAINS_EMAIL"],
    ] as const) {
      const r = await here.request(CHANGE, { input: { currentPassword: "maillage-demo", newPassword } });
      expect(fieldsOf(r)[0], newPassword).toMatchObject({ field: "newPassword", code });
    }
    expect((await elsewhere.request(ME)).errors).toBeUndefined(); // refusals changed nothing
    const ok = await here.request(CHANGE, { input: { currentPassword: "maillage-demo", newPassword: NEW_PASSWORD } });
    expect(ok.errors).toBeUndefined();
    expect((await here.request(ME)).errors).toBeUndefined();
    expect(GqlClient.code(await elsewhere.request(ME))).toBe("UNAUTHENTICATED");
    expect((await t.client().login(email, NEW_PASSWORD)).errors).toBeUndefined();
    expect(GqlClient.code(await t.client().request(CHANGE, { input: { currentPassword: "x", newPassword: NEW_PASSWORD } }))).toBe("UNAUTHENTICATED");
  });

  it("is not possible with a personal API token", async () => {
    const c = await t.as("chercheur@demo.maillage.fr");
    const created = await c.request<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "script" }) { token } }`);
    const r = await t.client().request(CHANGE, { input: { currentPassword: "maillage-demo", newPassword: NEW_PASSWORD } }, { authorization: `Bearer ${created.data!.createApiToken.token}` });
    expect(GqlClient.code(r)).toBe("FORBIDDEN");
  });
});

describe("one's own sessions", () => {
  it("lists them with the current one marked, ends another one, and cannot touch someone else's", async () => {
    const here = await t.as("msp@demo.maillage.fr");
    const there = await t.as("msp@demo.maillage.fr");
    const LIST = `{ mySessions { id current lastSeenAt } }`;
    const mine = (await here.request<{ mySessions: { id: string; current: boolean }[] }>(LIST)).data!.mySessions;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    const other = mine.find((s) => !s.current)!;
    const foreign = (await (await t.as("admin@demo.maillage.fr")).request<{ mySessions: { id: string }[] }>(LIST)).data!.mySessions[0]!;
    expect(GqlClient.code(await here.request(`mutation R($id: ID!) { revokeMySession(id: $id) }`, { id: foreign.id }))).toBe("NOT_FOUND");
    expect((await here.request(`mutation R($id: ID!) { revokeMySession(id: $id) }`, { id: other.id })).errors).toBeUndefined();
    // The revoked one was one of the two signed-in clients: exactly one of them still works.
    const alive = [await here.request(ME), await there.request(ME)].filter((r) => !r.errors);
    expect(alive).toHaveLength(1);
    expect((await here.request(ME)).errors).toBeUndefined();
  });
});

