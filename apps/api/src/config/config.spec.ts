import path from "node:path";

import { describe, expect, it } from "vitest";

import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to the embedded database under the data folder, port 3000 and the Mercurius driver", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe(`pglite:${path.join(c.dataDir, "pglite")}`);
    expect(path.basename(c.dataDir)).toBe(".data");
    expect(c.graphqlDriver).toBe("mercurius");
    expect(c.seedDemo).toBe(true);
  });

  it("uses DATABASE_URL when it names a PostgreSQL server", () => {
    expect(loadConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x" }).databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/x");
  });

  it("never seeds demo data in production, and makes cookies Secure there", () => {
    const c = loadConfig({ NODE_ENV: "production", MAILLAGE_SEED_DEMO: "true" });
    expect(c.seedDemo).toBe(false);
    expect(c.cookieSecure).toBe(true);
  });

  it.each([
    [{ PORT: "abc" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ GRAPHQL_DRIVER: "yoga" }, /GRAPHQL_DRIVER/],
    [{ COOKIE_SECURE: "maybe" }, /COOKIE_SECURE/],
  ])("refuses an invalid setting %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
