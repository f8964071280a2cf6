/** The built Maillage API (apps/api/dist) as a child process: one per GraphQL driver under test. */
import fs from "node:fs";
import { fileURLToPath } from "node:url";

import { startChild } from "./child.mjs";
import { waitForOk } from "./http.mjs";

export const API_MAIN = fileURLToPath(new URL("../../../apps/api/dist/src/main.js", import.meta.url));

/**
 * Starts the API on a free port against `databaseUrl`, in production mode (the database is already migrated
 * and seeded by the runner: the API never seeds in production), with per-response SQL statement counts
 * (`x-sql-statements`) switched on.
 * @param {{ databaseUrl: string; driver: "mercurius" | "apollo"; env?: Record<string, string> }} opts
 */
export async function startApi(opts) {
  if (!fs.existsSync(API_MAIN)) {
    throw new Error(
      `The API is not built (${API_MAIN} is missing). Run \`corepack pnpm bench\` from the repository root, ` +
        "or build it first: corepack pnpm turbo run build --filter=@maillage/api",
    );
  }
  const api = await startChild({
    name: `API (${opts.driver})`,
    script: API_MAIN,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      DATABASE_URL: opts.databaseUrl,
      LOG_LEVEL: "warn",
      GRAPHQL_DRIVER: opts.driver,
      MAILLAGE_QUERY_METRICS: "1",
      MAILLAGE_SEED_DEMO: "false",
      ...opts.env,
    },
    ready: /Maillage is running/,
  });
  try {
    await waitForOk(`${api.baseUrl}/health`);
  } catch (error) {
    await api.stop();
    throw error;
  }
  return api;
}
