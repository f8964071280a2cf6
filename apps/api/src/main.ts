import { ConfigError, loadConfig } from "./config/config.js";
import { createApp } from "./bootstrap.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await createApp(config);
  await running.app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl.startsWith("pglite:") ? `embedded PGlite (${config.databaseUrl.slice(7)})` : "PostgreSQL (DATABASE_URL)";
  console.log(
    JSON.stringify({
      level: "info",
      msg: `Maillage is running on http://localhost:${config.port}/ — database: ${where}; GraphQL driver: ${config.graphqlDriver}` +
        (running.migrations.length ? `; migrations applied: ${running.migrations.join(", ")}` : "") +
        (running.seeded ? "; demo data seeded (accounts in README)" : "") +
        (config.portalDist ? "" : "; portal not built (API only)"),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
