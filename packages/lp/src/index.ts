export * from "./linear-program.js";
export { createHighsLpSolver } from "./highs-solver.js";
