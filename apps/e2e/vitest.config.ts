import { defineConfig } from "vitest/config";

// The built product in a child process, driven in headless Chromium. One file at a time: each starts a server.
export default defineConfig({
  test: {
    include: ["src/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", ["json", { outputFile: "test-results/e2e.json" }]],
  },
});
