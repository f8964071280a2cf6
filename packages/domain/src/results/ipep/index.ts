export * from "./ipep.errors.js";
export * from "./ipep.js";
