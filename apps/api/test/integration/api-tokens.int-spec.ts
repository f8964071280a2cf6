/**
 * Personal API tokens (issue "Research access", item 5): created once and shown once, stored hashed, usable as
 * `Authorization: Bearer …` on /graphql, expiring, revocable, unable to mint other tokens, every use audited.
 */
import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const CREATE = `mutation C($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name prefix expiresAt lastUsedAt revokedAt } } }`;
const LIST = `{ apiTokens { id name prefix lastUsedAt revokedAt } }`;
const ME = `{ me { id email role } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("personal API tokens", () => {
  it("a researcher creates a token, sees it once, and a script uses it without a cookie; each use is audited", async () => {
    const c = await t.as("chercheur@demo.maillage.fr");
    const created = await c.request<{ createApiToken: { token: string; apiToken: { id: string; name: string; prefix: string; expiresAt: string } } }>(CREATE, {
      input: { name: "Script R", expiresInDays: 30 },
    });
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^mlg_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const days = (Date.parse(apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    // Stored hashed: the secret is nowhere in the database.
    const row = await t.running.database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));

    const script = t.client();
    const me = await script.request<{ me: { email: string; role: string } }>(ME, {}, bearer(token));
    expect(me.data?.me).toMatchObject({ email: "chercheur@demo.maillage.fr", role: "RESEARCHER" });
    expect(script.cookie).toBeNull();

    const uses = await t.running.database.prisma.auditEvent.findMany({ where: { action: "token.use", targetId: apiToken.id } });
    expect(uses).toHaveLength(1);
    expect(uses[0]?.summary).toMatchObject({ name: "Script R", method: "POST", path: "/graphql" });
    const listed = await c.request<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(LIST);
    expect(listed.data?.apiTokens.find((x) => x.id === apiToken.id)?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.data)).not.toContain(token);
  });

  it("a token cannot create another token, and a bad or revoked token is UNAUTHENTICATED (the cookie is not used instead)", async () => {
    const c = await t.as("admin@demo.maillage.fr");
    const { token, apiToken } = (await c.request<{ createApiToken: { token: string; apiToken: { id: string } } }>(CREATE, { input: { name: "Export" } })).data!.createApiToken;
    const script = t.client();
    const minted = await script.request(CREATE, { input: { name: "Again" } }, bearer(token));
    expect(GqlClient.code(minted)).toBe("FORBIDDEN");

    const wrong = await c.request(ME, {}, bearer(`${token.slice(0, -2)}xx`));
    expect(GqlClient.code(wrong)).toBe("UNAUTHENTICATED");

    const revoked = await c.request<{ revokeApiToken: { revokedAt: string | null } }>(`mutation R($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: apiToken.id });
    expect(revoked.data?.revokeApiToken.revokedAt).not.toBeNull();
    expect(GqlClient.code(await script.request(ME, {}, bearer(token)))).toBe("UNAUTHENTICATED");
    const events = await t.running.database.prisma.auditEvent.findMany({ where: { targetId: apiToken.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["token.create", "token.use", "token.revoke"]);
  });

  it("an expired token is refused", async () => {
    const c = await t.as("charge@demo.maillage.fr");
    const { token, apiToken } = (await c.request<{ createApiToken: { token: string; apiToken: { id: string } } }>(CREATE, { input: { name: "Court" } })).data!.createApiToken;
    await t.running.database.prisma.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(GqlClient.code(await t.client().request(ME, {}, bearer(token)))).toBe("UNAUTHENTICATED");
  });

  it("bad input is a typed error and creates nothing; one user cannot revoke another's token", async () => {
    const c = await t.as("msp@demo.maillage.fr");
    const before = await t.running.database.prisma.apiToken.count();
    for (const input of [{ name: "  " }, { name: "x", expiresInDays: 0 }, { name: "x", expiresInDays: 366 }]) {
      const r = await c.request(CREATE, { input });
      expect(GqlClient.code(r), JSON.stringify(input)).toBe("BAD_USER_INPUT");
    }
    expect(await t.running.database.prisma.apiToken.count()).toBe(before);

    const other = await t.as("admin@demo.maillage.fr");
    const { apiToken } = (await other.request<{ createApiToken: { apiToken: { id: string } } }>(CREATE, { input: { name: "À moi" } })).data!.createApiToken;
    const r = await c.request(`mutation R($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: apiToken.id });
    expect(GqlClient.code(r)).toBe("NOT_FOUND");
    expect((await t.running.database.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).toBeNull();
  });

  it("scopes: the research space by default; reading everything, or writing, only when asked for — on GraphQL and REST alike", async () => {
    const c = await t.as("admin@demo.maillage.fr");
    const make = async (name: string, scopes?: string[]) =>
      (await c.request<{ createApiToken: { token: string; apiToken: { scopes: string[] } } }>(`mutation C($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { scopes } } }`, { input: { name, ...(scopes ? { scopes } : {}) } })).data!.createApiToken;
    const research = await make("Recherche");
    expect(research.apiToken.scopes).toEqual(["RESEARCH_READ"]);
    const reader = await make("Lecture", ["READ"]);
    const writer = await make("Écriture", ["READ", "WRITE"]);
    const script = t.client();
    const PROJECTS = `{ projects(first: 1) { totalCount } }`;
    const AGG = `{ researchAggregate(input: { measure: MSP_COUNT, groupBy: [YEAR] }) { cellCount } }`;
    const RENAME = `mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") { id } }`;

    expect((await script.request(AGG, {}, bearer(research.token))).errors).toBeUndefined();
    expect((await script.request(ME, {}, bearer(research.token))).errors).toBeUndefined();
    expect(GqlClient.code(await script.request(PROJECTS, {}, bearer(research.token)))).toBe("FORBIDDEN");
    expect(GqlClient.code(await script.request(RENAME, {}, bearer(research.token)))).toBe("FORBIDDEN");
    const dashboard = await fetch(`${t.url}/exports/results-dashboard/by-year.csv`, { headers: bearer(research.token) });
    expect(dashboard.status).toBe(403);
    expect((await fetch(`${t.url}/exports/results-dashboard/by-year.csv`, { headers: bearer(reader.token) })).status).toBe(200);

    expect((await script.request(PROJECTS, {}, bearer(reader.token))).errors).toBeUndefined();
    expect((await script.request(AGG, {}, bearer(reader.token))).errors).toBeUndefined();
    expect(GqlClient.code(await script.request(RENAME, {}, bearer(reader.token)))).toBe("FORBIDDEN");
    // Write scope: the mutation runs (and finds no such token).
    expect(GqlClient.code(await script.request(RENAME, {}, bearer(writer.token)))).toBe("NOT_FOUND");
    // Still no token from a token, whatever its scopes.
    expect(GqlClient.code(await script.request(CREATE, { input: { name: "Encore" } }, bearer(writer.token)))).toBe("FORBIDDEN");
    expect(GqlClient.code(await c.request(CREATE, { input: { name: "x", scopes: ["ADMIN"] } }))).toBe("BAD_USER_INPUT");
  });
});
