import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Integration tests: the real application over HTTP against a real database — PGlite in memory by default,
// a fresh database on the PostgreSQL server of DATABASE_URL when it is set. Files run one after another.
export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  test: {
    include: ["test/integration/**/*.int-spec.ts"],
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "test-results/integration.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
