import { defineConfig } from "vitest/config";

// Tests run against a real database: PGlite in memory, or a fresh database on DATABASE_URL's server.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/db.json" }]],
  },
});
