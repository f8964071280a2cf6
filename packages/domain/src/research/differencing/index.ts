export * from "./differencing.js";
