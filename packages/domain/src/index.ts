export * from "./access/index.js";
export * from "./identifiers/index.js";
export * from "./pipeline/index.js";
export * from "./projects/index.js";
export * from "./shared/index.js";
export * from "./results/index.js";
export * from "./research/index.js";
