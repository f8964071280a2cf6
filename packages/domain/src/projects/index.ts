export * from "./projects.errors.js";
export * from "./projects.js";
export * from "./search-text.js";
