import { createRequire } from "node:module";

import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Integration tests: the real application over HTTP against a real database — PGlite in memory by default,
// a fresh database on the PostgreSQL server of DATABASE_URL when it is set. Files run one after another.
// One graphql module for our code and the drivers: Vite would otherwise pick graphql's ES build for our files while
// Nest and Mercurius load its CommonJS build, and graphql's classes (scalars, errors) would exist twice.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ["test/integration/**/*.int-spec.ts"],
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "test-results/integration.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
