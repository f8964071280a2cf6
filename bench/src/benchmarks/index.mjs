/** Every benchmark, in the order `pnpm bench` runs them. Add new ones here (see bench/README.md). */
import board from "./board.mjs";
import projectsList from "./projects-list.mjs";
import researchAggregate from "./research-aggregate.mjs";
import resultsDashboard from "./results-dashboard.mjs";

/** @type {import("../run.mjs").Benchmark[]} */
export const benchmarks = [projectsList, board, resultsDashboard, researchAggregate];
