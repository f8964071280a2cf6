export * from "./disclosure/index.js";
export * from "./differencing/index.js";
export * from "./privacy/index.js";
