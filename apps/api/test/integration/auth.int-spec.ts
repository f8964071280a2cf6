import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const ME = `query Me { me { email role federation { name } mspProject { id name stage } } }`;

describe("accounts and sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("signs in with the right password and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const c = t.client();
    const r = await c.login("charge@demo.maillage.fr");
    expect(r.errors).toBeUndefined();
    expect(r.data?.login.role).toBe("CHARGE_DEVELOPPEMENT");
    const cookie = r.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^maillage_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it("answers `me` with the role, the federation and, for an MSP member, the MSP project", async () => {
    const msp = await t.as("msp@demo.maillage.fr");
    const r = await msp.request<{ me: { email: string; role: string; federation: { name: string }; mspProject: { name: string; stage: string } } }>(ME);
    expect(r.data?.me).toMatchObject({
      email: "msp@demo.maillage.fr",
      role: "MSP_MEMBER",
      federation: { name: expect.stringContaining("Nouvelle-Aquitaine") },
      mspProject: { name: "MSP du Val de l'Isle", stage: "PROJET_SANTE" },
    });
    const admin = await t.as("admin@demo.maillage.fr");
    const a = await admin.request<{ me: { mspProject: unknown } }>(ME);
    expect(a.data?.me.mspProject).toBeNull();
  });

  it("treats e-mail case and surrounding spaces as the same account", async () => {
    const r = await t.client().login("  Admin@Demo.Maillage.FR ");
    expect(r.errors).toBeUndefined();
  });

  it("gives the same UNAUTHENTICATED answer for a wrong password and for an unknown e-mail", async () => {
    const wrong = await t.client().login("admin@demo.maillage.fr", "not-the-password");
    const unknown = await t.client().login("nobody@demo.maillage.fr", "not-the-password");
    expect(GqlClient.code(wrong)).toBe("UNAUTHENTICATED");
    expect(GqlClient.code(unknown)).toBe("UNAUTHENTICATED");
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("refuses every operation but login to anonymous callers with UNAUTHENTICATED", async () => {
    const c = t.client();
    for (const q of [ME, "{ projects { totalCount } }", "{ departements { code } }", "{ federation { name } }"]) {
      expect(GqlClient.code(await c.request(q))).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses a forged or unknown session cookie", async () => {
    const c = t.client();
    c.cookie = "maillage_session=forged-token-value";
    expect(GqlClient.code(await c.request(ME))).toBe("UNAUTHENTICATED");
  });

  it("revokes the session on logout: the old cookie no longer works", async () => {
    const c = await t.as("charge@demo.maillage.fr");
    const stolen = c.cookie;
    const out = await c.request<{ logout: boolean }>("mutation { logout }");
    expect(out.data?.logout).toBe(true);
    expect(out.headers.get("set-cookie")).toMatch(/maillage_session=;/);
    const replay = t.client();
    replay.cookie = stolen;
    expect(GqlClient.code(await replay.request(ME))).toBe("UNAUTHENTICATED");
    const rows = await t.running.database.prisma.session.findMany({ where: { revokedAt: { not: null } } });
    expect(rows.length).toBeGreaterThan(0);
  });

  it("locks an account after repeated failures, even against the right password, then answers TOO_MANY_REQUESTS", async () => {
    for (let i = 0; i < 5; i++) {
      expect(GqlClient.code(await t.client().login("charge2@demo.maillage.fr", `wrong-${i}`))).toBe("UNAUTHENTICATED");
    }
    const locked = await t.client().login("charge2@demo.maillage.fr");
    expect(GqlClient.code(locked)).toBe("TOO_MANY_REQUESTS");
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    expect((await t.client().login("admin@demo.maillage.fr")).errors).toBeUndefined();
  });

  it("locks an unknown e-mail the same way, so locking does not reveal which accounts exist", async () => {
    for (let i = 0; i < 5; i++) await t.client().login("ghost@demo.maillage.fr", `wrong-${i}`);
    expect(GqlClient.code(await t.client().login("ghost@demo.maillage.fr"))).toBe("TOO_MANY_REQUESTS");
  });

  it("stores only a hash of the session token and argon2id password hashes", async () => {
    const c = await t.as("admin@demo.maillage.fr");
    const token = (c.cookie ?? "").split("=")[1] ?? "";
    const prisma = t.running.database.prisma;
    expect(await prisma.session.count({ where: { tokenHash: token } })).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.maillage.fr" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("records logins in the audit log", async () => {
    const n = await t.running.database.prisma.auditEvent.count({ where: { action: "auth.login" } });
    expect(n).toBeGreaterThan(0);
  });
});

describe("HTTP surface", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("reports health with the database status as JSON", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { status: string; kind: string } };
    expect(body.status).toBe("ok");
    expect(body.database.status).toBe("up");
    expect(["pglite", "postgres"]).toContain(body.database.kind);
    expect(body.database.kind).toBe(process.env.DATABASE_URL?.startsWith("postgres") ? "postgres" : "pglite");
  });

  it("refuses a cross-site form post to /graphql (CSRF) and changes nothing", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=mutation{logout}",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("CSRF_PREVENTED");
  });

  it("rejects too costly queries (aliases multiplying work) before executing them", async () => {
    const c = await t.as("admin@demo.maillage.fr");
    const fine = await c.request(`{ a: departements { code } b: departements { code } }`);
    expect(fine.errors).toBeUndefined();
    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: departements { code name region { code name } }`).join(" ");
    const r = await c.request(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(GqlClient.code(r)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.errors?.[0]?.message).toMatch(/cost/i);
    expect(r.data).toBeNull();
  });

  it("answers malformed queries with a validation error code, not a crash", async () => {
    const c = await t.as("admin@demo.maillage.fr");
    const r = await c.request("{ projects { nope } }");
    expect(r.status).toBe(400);
    expect(GqlClient.code(r)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("sends security headers", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("login throttling under attack", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginThrottle: { maxFailuresPerAccount: 5, maxFailuresPerAddress: 12, windowMinutes: 15, lockMinutes: 15 } });
  });
  afterAll(() => t.close());
  // Each case starts with no counter (they all come from this machine's address).
  beforeEach(async () => {
    await t.running.database.prisma.loginThrottle.deleteMany({});
  });

  const loginFrom = (email: string, password: string, forwardedFor?: string) =>
    t.client().request(`mutation L($input: LoginInput!) { login(input: $input) { id } }`, { input: { email, password } }, forwardedFor ? { "x-forwarded-for": forwardedFor } : {});

  it("checks at most 5 passwords when 100 logins arrive at once, the right one among them", async () => {
    const attempts = Array.from({ length: 100 }, (_, i) => (i === 40 ? "maillage-demo" : `wrong-${String(i)}`));
    const answers = await Promise.all(attempts.map((password) => loginFrom("charge@demo.maillage.fr", password)));
    const codes = answers.map((a) => (a.errors ? GqlClient.code(a) : "OK"));
    const checked = codes.filter((c) => c === "OK" || c === "UNAUTHENTICATED").length;
    expect(checked, JSON.stringify(codes)).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(95);
  });

  it("makes each further attempt wait longer (30 s, then 1 min…) instead of a fixed lock, and refuses without checking meanwhile", async () => {
    const prisma = t.running.database.prisma;
    const email = "charge2@demo.maillage.fr";
    for (let i = 0; i < 5; i++) expect(GqlClient.code(await loginFrom(email, `wrong-${String(i)}`))).toBe("UNAUTHENTICATED");
    const held = await loginFrom(email, "maillage-demo");
    expect(GqlClient.code(held)).toBe("TOO_MANY_REQUESTS");
    const first = held.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(30);
    // The wait is over (moved into the past rather than waited for): the next attempt is checked, and the one after
    // that waits twice as long.
    const rows = await prisma.loginThrottle.findMany({ where: { key: { startsWith: "account:" } } });
    await prisma.loginThrottle.updateMany({ where: { key: { in: rows.map((r) => r.key) } }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(GqlClient.code(await loginFrom(email, "wrong-again"))).toBe("UNAUTHENTICATED");
    const second = (await loginFrom(email, "maillage-demo")).errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(second).toBeGreaterThan(30);
    expect(second).toBeLessThanOrEqual(60);
  });

  it("ignores X-Forwarded-For from clients when no proxy is trusted: spoofed addresses share the socket's counter", async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 16; i++) codes.push(GqlClient.code(await loginFrom(`nobody-${String(i)}@example.org`, "x", `203.0.113.${String(i)}`)));
    // 12 failures per address, then the address waits whatever it claims to be.
    expect(codes.slice(0, 12).every((c) => c === "UNAUTHENTICATED")).toBe(true);
    expect(codes.slice(12).every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
  });
});

describe("login behind a trusted proxy", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ trustedProxies: ["127.0.0.1"], loginThrottle: { maxFailuresPerAccount: 5, maxFailuresPerAddress: 3, windowMinutes: 15, lockMinutes: 15 } });
  });
  afterAll(() => t.close());

  it("takes the client address the proxy appended: two clients behind it are counted apart, a forged left-most value changes nothing", async () => {
    const login = (email: string, forwardedFor: string) =>
      t.client().request(`mutation L($input: LoginInput!) { login(input: $input) { id } }`, { input: { email, password: "x" } }, { "x-forwarded-for": forwardedFor });
    // Client A forges the left-most value each time; the proxy appended its real address (198.51.100.7) last.
    const a: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) a.push(GqlClient.code(await login(`a-${String(i)}@example.org`, `10.0.0.${String(i)}, 198.51.100.7`)));
    expect(a).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    // Client B, another address behind the same proxy, is not held by A's failures.
    expect(GqlClient.code(await login("b@example.org", "198.51.100.8"))).toBe("UNAUTHENTICATED");
  });
});
