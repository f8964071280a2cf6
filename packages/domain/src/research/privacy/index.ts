export * from "./random.js";
export * from "./noise.js";
export * from "./budget.js";
