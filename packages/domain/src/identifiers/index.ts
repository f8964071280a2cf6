export * from "./identifiers.js";
