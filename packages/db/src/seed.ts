/** The demo seed (implementation in ./seed/): `node dist/src/cli.js seed [--force]`. */
export {
  buildDemoDataset,
  DEMO_ACCOUNTS,
  DEMO_FEDERATIONS,
  DEMO_IDS,
  DEMO_PASSWORD,
  seedDemo,
  seedScaleProjects,
  type DemoAccount,
  type DemoDataset,
  type SeedResult,
} from "./seed/demo";
export { STAGES, STAGE_WEIGHTS } from "./seed/generator";
export { COG_YEAR } from "./seed/geo";
export { stableUuid } from "./seed/random";
