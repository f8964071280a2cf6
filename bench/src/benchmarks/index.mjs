/** Every benchmark, in the order `pnpm bench` runs them. Add new ones here (see bench/README.md). */
import board from "./board.mjs";
import projectsList from "./projects-list.mjs";

/** @type {import("../run.mjs").Benchmark[]} */
export const benchmarks = [projectsList, board];
