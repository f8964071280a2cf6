export * from "./perturbation.js";
export * from "./release.js";
