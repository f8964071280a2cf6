import { createRequire } from "node:module";

import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Unit tests: no database. Nest's DI needs decorator metadata, which SWC emits (esbuild does not).
// One graphql module for our code and the drivers: Vite would otherwise pick graphql's ES build for our files while
// Nest and Mercurius load its CommonJS build, and graphql's classes (scalars, errors) would exist twice.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ["src/**/*.spec.ts"],
    reporters: ["default", ["json", { outputFile: "test-results/unit.json" }]],
  },
});
