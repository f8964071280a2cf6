export * from "./types.js";
export * from "./config.js";
export type { LinearEquality, LinearProgram, LpBound, LpRange, LpSolver } from "./lp.js";
export { SDC_INPUT_ERROR_CODES, type SdcInputError, type SdcInputErrorCode } from "./cube.js";
export { protectCube, type ProtectOptions } from "./protect.js";
export { auditCubePattern, auditProtectedCube, type AuditedValue, type AuditOptions, type PatternAudit } from "./pattern-audit.js";
export { buildCubeFromRecords, type BuiltCube, type Contribution, type ContributorRecord } from "./build-cube.js";
