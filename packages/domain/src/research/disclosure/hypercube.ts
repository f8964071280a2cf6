import type { Cube } from "./cube.js";
import type { Requirement } from "./primary.js";

/**
 * A hypercube around a primary cell (the GHMITER method of τ-Argus, used by INSEE [S69]): in each dimension the
 * cell's coordinate is paired with one other coordinate (another category, or the margin), giving 2ⁿ corners.
 * Adding `+δ` to the corners of sign +1 and `−δ` to those of sign −1 keeps every line sum, margins included, so
 * when all corners are suppressed an attacker cannot tell `δ = 0` from any δ that keeps the corners non-negative:
 * the primary cell can move up by the smallest − corner and down by the smallest + corner. A hypercube whose
 * capacities cover the cell's requirements is a *proof* of protection, without solving any LP.
 *
 * Signs: along a dimension, pairing two categories gives (+, −); pairing with the margin gives (+, +) (the margin
 * moves with the category it contains).
 */
export type Hypercube = {
  readonly corners: readonly number[];
  readonly signs: readonly number[];
  /** Sum of the cost weights of the corners not yet suppressed (R2 "cost = value"). */
  readonly cost: number;
  readonly newCells: number;
  /** min over requirements of capacity / required (≥ 1: enough on its own). */
  readonly ratio: number;
};

export type HypercubeSearch = {
  /** The cheapest hypercube that protects the cell on its own (ties: fewer new cells, then canonical order). */
  readonly best: Hypercube | undefined;
  /** Every hypercube, best protection first (only computed when asked). */
  readonly ranked: readonly Hypercube[];
};

export function searchHypercubes(
  cube: Cube,
  cell: number,
  requirements: readonly Requirement[],
  suppressed: Uint8Array,
  costWeights: Float64Array,
  withRanking: boolean,
): HypercubeSearch {
  const n = cube.dims;
  const own = cube.sizes.map((size, d) => Math.floor(cell / (cube.strides[d] ?? 1)) % size);
  // Per dimension: the offset of the cell's own coordinate, and of each partner with its sign flip.
  const ownOffset = own.map((o, d) => o * (cube.strides[d] ?? 1));
  const partnerOffsets: Int32Array[] = [];
  const partnerFlips: Int8Array[] = [];
  for (let d = 0; d < n; d += 1) {
    const size = cube.sizes[d] ?? 1;
    const last = size - 1;
    const mine = own[d] ?? 0;
    const others = Array.from({ length: size }, (_, i) => i).filter((i) => i !== mine);
    if (others.length === 0) return { best: undefined, ranked: [] };
    partnerOffsets.push(Int32Array.from(others, (i) => i * (cube.strides[d] ?? 1)));
    partnerFlips.push(Int8Array.from(others, (i) => (mine !== last && i !== last ? 1 : 0)));
  }
  const cornerCount = 1 << n;
  const checks = requirements
    .map((r) => ({ series: cube.series[r.series], upper: r.upper, lower: r.lower }))
    .filter((c): c is { series: NonNullable<typeof c.series>; upper: number; lower: number } => c.series?.nonNegative === true)
    .map((c) => ({ values: c.series.values, upper: c.upper, lower: c.lower }));
  const choice = new Int32Array(n);
  const corners = new Int32Array(cornerCount);
  const signs = new Int8Array(cornerCount);
  let best: Hypercube | undefined;
  const ranked: Hypercube[] = [];

  for (;;) {
    // Corners and signs for the current choice of partners.
    for (let mask = 0; mask < cornerCount; mask += 1) {
      let index = 0;
      let flips = 0;
      for (let d = 0; d < n; d += 1) {
        if ((mask >> d) & 1) {
          const k = choice[d] ?? 0;
          index += partnerOffsets[d]?.[k] ?? 0;
          flips += partnerFlips[d]?.[k] ?? 0;
        } else {
          index += ownOffset[d] ?? 0;
        }
      }
      corners[mask] = index;
      signs[mask] = flips & 1 ? -1 : 1;
    }
    let ratio = Infinity;
    for (const check of checks) {
      let capUp = Infinity;
      let capDown = Infinity;
      for (let k = 0; k < cornerCount; k += 1) {
        const v = check.values[corners[k] ?? 0] ?? 0;
        if (signs[k] === 1) {
          if (v < capDown) capDown = v;
        } else if (v < capUp) capUp = v;
      }
      ratio = Math.min(ratio, capUp / check.upper);
      if (check.lower > 0) ratio = Math.min(ratio, capDown / check.lower);
      if (ratio < 1 - 1e-9 && !withRanking) break;
    }
    const feasible = ratio >= 1 - 1e-9;
    if (feasible || withRanking) {
      let cost = 0;
      let newCells = 0;
      for (let k = 0; k < cornerCount; k += 1) {
        const c = corners[k] ?? 0;
        if (suppressed[c] === 1) continue;
        newCells += 1;
        cost += costWeights[c] ?? 0;
      }
      if (withRanking || best === undefined || cost < best.cost || (cost === best.cost && newCells < best.newCells)) {
        const candidate: Hypercube = { corners: [...corners], signs: [...signs], cost, newCells, ratio };
        if (feasible && (best === undefined || cost < best.cost || (cost === best.cost && newCells < best.newCells))) best = candidate;
        if (withRanking) ranked.push(candidate);
      }
    }
    // Next choice (odometer, last dimension fastest).
    let d = n - 1;
    while (d >= 0) {
      const next = (choice[d] ?? 0) + 1;
      if (next < (partnerOffsets[d]?.length ?? 0)) {
        choice[d] = next;
        break;
      }
      choice[d] = 0;
      d -= 1;
    }
    if (d < 0) break;
  }
  if (withRanking) {
    // Stable sort: best protection first, then cheaper, then fewer new cells; enumeration order breaks ties.
    ranked.sort((a, b) => Math.min(b.ratio, 1) - Math.min(a.ratio, 1) || a.cost - b.cost || a.newCells - b.newCells);
  }
  return { best, ranked };
}
