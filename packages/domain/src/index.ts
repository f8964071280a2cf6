export * from "./shared/result.js";
