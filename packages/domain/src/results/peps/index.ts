export * from "./peps.errors.js";
export * from "./peps.js";
