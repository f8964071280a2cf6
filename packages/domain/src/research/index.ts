export * from "./disclosure/index.js";
export * from "./perturbation/index.js";
export * from "./privacy/index.js";
export * from "./evaluation/index.js";
