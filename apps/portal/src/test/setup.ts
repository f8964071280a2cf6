import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy… and waitFor wait up to 5 s instead of 1 s: the whole suite runs beside the API and browser tests on two
// cores in CI, where a render can take longer than a second. A passing wait returns as soon as it holds.
configure({ asyncUtilTimeout: 5000 });

// No vitest globals: unmount explicitly between tests.
afterEach(() => {
  cleanup();
});
