export * from "./simulator.errors.js";
export * from "./simulator.js";
