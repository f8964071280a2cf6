export * from "./peps/index.js";
export * from "./ipep/index.js";
export * from "./aci/index.js";
export * from "./periods/index.js";
