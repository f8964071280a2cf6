import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Unit tests: no database. Nest's DI needs decorator metadata, which SWC emits (esbuild does not).
export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  test: {
    include: ["src/**/*.spec.ts"],
    reporters: ["default", ["json", { outputFile: "test-results/unit.json" }]],
  },
});
