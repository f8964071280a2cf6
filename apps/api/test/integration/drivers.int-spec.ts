/**
 * Both GraphQL drivers (docs/adr/0003) must behave the same for clients: same session cookie, same error codes
 * and HTTP statuses, same CSRF rule. The rest of the suite runs on the default driver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

describe.each(["mercurius", "apollo"] as const)("the %s driver", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ graphqlDriver: driver });
  });
  afterAll(() => t.close());

  it("signs in, sets the session cookie and answers `me`", async () => {
    const c = await t.as("charge@demo.maillage.fr");
    expect(c.cookie).toMatch(/^maillage_session=/);
    const r = await c.request<{ me: { role: string } }>("{ me { role } }");
    expect(r.status).toBe(200);
    expect(r.data?.me.role).toBe("CHARGE_DEVELOPPEMENT");
  });

  it("answers typed errors with the same codes and statuses", async () => {
    const anonymous = await t.client().request("{ me { id } }");
    expect(anonymous.status).toBe(200);
    expect(GqlClient.code(anonymous)).toBe("UNAUTHENTICATED");
    const c = await t.as("admin@demo.maillage.fr");
    const notFound = await c.request(`{ project(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(GqlClient.code(notFound)).toBe("NOT_FOUND");
    const bad = await c.request(`mutation { createProject(input: { name: "a", communeCode: "33063" }) { id } }`);
    expect(GqlClient.code(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.field).toBe("name");
    const invalid = await c.request("{ nope }");
    expect(invalid.status).toBe(400);
    expect(GqlClient.code(invalid)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses non-JSON posts (CSRF)", async () => {
    const res = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: '{"query":"{ me { id } }"}' });
    expect(res.status).toBe(400);
  });
});
