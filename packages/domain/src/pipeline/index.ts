export * from "./alerts.js";
export * from "./calendar.js";
export * from "./gates.js";
export * from "./milestones.errors.js";
export * from "./milestones.js";
export * from "./team.errors.js";
export * from "./team.js";
