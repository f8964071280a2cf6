export * from "./aci.errors.js";
export * from "./aci.rule-sets.js";
export * from "./aci.js";
export * from "./aci.types.js";
