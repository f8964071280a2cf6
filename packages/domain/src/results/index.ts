export * from "./peps/index.js";
export * from "./ipep/index.js";
export * from "./aci/index.js";
export * from "./periods/index.js";
export * from "./calendar/index.js";
export * from "./simulator/index.js";
export * from "./import/index.js";
