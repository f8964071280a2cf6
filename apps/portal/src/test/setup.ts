import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// No vitest globals: unmount explicitly between tests.
afterEach(() => {
  cleanup();
});
