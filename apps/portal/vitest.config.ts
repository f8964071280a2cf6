import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
    // User-event tests of whole pages run beside the API and browser tests on two cores in CI: allow them time.
    testTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: "test-results/portal.json" }]],
  },
});
