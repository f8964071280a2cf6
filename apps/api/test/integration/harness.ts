/**
 * Integration-test harness: the real application (createApp) on a fresh database — PGlite in memory by
 * default, a new database on the server of DATABASE_URL when it is set — listening on a free port, driven
 * over HTTP like any client.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createTestDatabase } from "@maillage/db";

import { createApp, type RunningApp } from "../../src/bootstrap.js";
import { loadConfig, type AppConfig } from "../../src/config/config.js";

export const DEMO_PASSWORD = "maillage-demo";

export type GqlResponse<T = Record<string, unknown>> = {
  status: number;
  data: T | null;
  errors: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[] | undefined;
  headers: Headers;
};

export class GqlClient {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0] ?? "";
      this.cookie = /=$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : pair;
    }
    const body = (await res.json()) as { data?: T | null; errors?: GqlResponse["errors"] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  }

  /** The first error's code, or undefined when the request succeeded. */
  static code(r: GqlResponse): string | undefined {
    return r.errors?.[0]?.extensions?.code;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<GqlResponse<{ login: { id: string; role: string } }>> {
    return this.request(`mutation Login($input: LoginInput!) { login(input: $input) { id role } }`, { input: { email, password } });
  }
}

export type TestApp = {
  url: string;
  config: AppConfig;
  running: RunningApp;
  client: () => GqlClient;
  /** A client signed in as the given demo account. */
  as: (email: string) => Promise<GqlClient>;
  close: () => Promise<void>;
};

export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // A data folder of its own: uploads are real files on disk.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-it-"));
  const config = loadConfig(
    { ...process.env, DATABASE_URL: db.url, NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir },
    { portalDist: null, seedDemo: true, ...overrides },
  );
  const running = await createApp(config, { logger: false });
  await running.app.listen({ port: 0, host: "127.0.0.1" });
  const address = running.app.getHttpServer().address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    running,
    client: () => new GqlClient(url),
    as: async (email) => {
      const c = new GqlClient(url);
      const r = await c.login(email);
      if (r.errors) throw new Error(`login as ${email} failed: ${JSON.stringify(r.errors)}`);
      return c;
    },
    config,
    close: async () => {
      await running.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
