import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: the Prisma CLI downloads its native schema engine before `generate`/`validate`/`format`
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. Those commands never execute it;
// migrations go through the WASM schema engine (src/migrate.ts, `maillage-db deploy|dev|status`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "prisma/schema-engine-unavailable.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
