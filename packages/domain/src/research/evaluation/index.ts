export * from "./differencing-attack.js";
