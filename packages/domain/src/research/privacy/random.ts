/**
 * A source of uniform numbers in [0, 1), injected so that the noise is reproducible in tests. In production the
 * API passes a cryptographic source (e.g. 53 bits from `crypto.getRandomValues`), never `Math.random`.
 */
export type RandomSource = () => number;

/**
 * A small seeded generator (mulberry32): predictable from its seed, so a release seeds it only with a secret
 * (`cellKeyRandom`, seeded by a cell key derived from the deployment's secret), tests with a constant.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
