export * from "./period.types.js";
export * from "./period.errors.js";
export * from "./periods.js";
