import type { CellMeasure, MeasureSpec } from "../disclosure/types.js";
import { seededRandom, type RandomSource } from "../privacy/random.js";

/**
 * Perturbation of research answers (docs/adr/0011-research-perturbation.md; DOMAIN.md §6.3 R2, R4, R6 — the
 * release policy's "not derivable", extended to any number of answers from any number of accounts).
 *
 * Two layers, both fixed by permanent secret keys, so that the same cell always gets the same value whoever asks,
 * however the question is phrased, and a difference of two cells always carries noise:
 *
 * - **Contribution noise** (Evans, Zayatz & Slanta, "Using noise for disclosure limitation of establishment tabular
 *   data", J. Official Statistics 14(4), 1998 — the method of the US Census Bureau's County Business Patterns):
 *   every MSP-year's contribution to an amount or a count of patients is multiplied, once and for all, by
 *   `1 ± u`, with `u` drawn in `[contributionNoiseMin, contributionNoiseMax]` and a direction fixed per MSP (all
 *   its years move the same way, so they never cancel). Every published amount is a function of these perturbed
 *   contributions only: whatever an attacker combines, and however many differencing routes they average, what
 *   they can reach about one MSP is its *perturbed* figure, at least `contributionNoiseMin` away from the truth.
 * - **Cell key** (Thompson, Broadfoot & Elazar, "Methodology for the automatic confidentialisation of statistical
 *   outputs from remote servers at the Australian Bureau of Statistics", UNECE work session 2013; Giessing & Tent,
 *   "Concepts for generalising tools implementing the cell key method to the case of continuous variables", UNECE
 *   2019): every record has a permanent key in [0, 1); a cell's key is the sum of its records' keys modulo 1.
 *   Counts of MSPs are rounded to a multiple of `countBase` up or down by the cell key (unbiased random rounding
 *   whose draw is the cell key), so any difference of published counts is a multiple of the base and can never
 *   be exactly 1 or 2 MSPs; amounts get an extra perturbation of at most `cellKeyShare` of the cell's largest
 *   perturbed contribution, which makes a single difference of two cells noisier still.
 */
export type PerturbationSettings = {
  /** Smallest relative perturbation of one MSP-year's contribution (e.g. 0.10 = 10 %). */
  readonly contributionNoiseMin: number;
  /** Largest relative perturbation of one MSP-year's contribution. */
  readonly contributionNoiseMax: number;
  /** Cell-key perturbation of an amount, as a share of the cell's largest perturbed contribution. */
  readonly cellKeyShare: number;
  /** Counts of MSPs are published as multiples of this base. */
  readonly countBase: number;
};

/** 💡 Defaults, chosen by measurement on the national benchmark dataset (docs/research.md, "Utility"). */
export const DEFAULT_PERTURBATION: PerturbationSettings = Object.freeze({
  contributionNoiseMin: 0.12,
  contributionNoiseMax: 0.2,
  cellKeyShare: 0.35,
  countBase: 3,
});

/**
 * The permanent keys of one record (one MSP-year), derived by the caller from a secret (the API uses HMAC-SHA-256
 * of a deployment secret): uniforms in [0, 1) and the MSP's direction.
 */
export type RecordKeys = {
  /** Cell key of counts. */
  readonly countKey: number;
  /** Cell key of amounts (and the seed of the optional noisy mode). */
  readonly magnitudeKey: number;
  /** +1 or −1 for every year of one MSP. */
  readonly direction: 1 | -1;
  /** Uniforms drawing the size of the perturbation of the value (numerator) and of the denominator. */
  readonly valueDraw: number;
  readonly denominatorDraw: number;
};

/** `1 ± u` for one contribution, `u` in [min, max]. */
export function contributionFactor(direction: 1 | -1, draw: number, settings: PerturbationSettings = DEFAULT_PERTURBATION): number {
  const u = settings.contributionNoiseMin + clamp01(draw) * (settings.contributionNoiseMax - settings.contributionNoiseMin);
  return 1 + direction * u;
}

/** What the cube builder accumulates per cell and measure from the perturbed contributions. */
export type PerturbedMeasure = {
  /** Σ of perturbed values (numerators). */
  readonly value: number;
  /** Σ of perturbed denominators (`MEAN`, `RATE`). */
  readonly denominator: number;
  /** Largest |perturbed value| of one MSP in the cell (its records summed). */
  readonly largest: number;
  /** Σ of the records' count keys, modulo 1. */
  readonly countKey: number;
  /** Σ of the records' magnitude keys, modulo 1. */
  readonly magnitudeKey: number;
};

/**
 * The published value of one cell (not suppressed) for one measure: counts of MSPs rounded to the base by the cell
 * key; amounts and patients from the perturbed contributions plus the cell-key term; means and rates as the ratio of
 * the perturbed numerator and denominator. `null` when a ratio has no denominator.
 */
export function publishedValue(
  measure: MeasureSpec,
  truth: CellMeasure,
  perturbed: PerturbedMeasure,
  settings: PerturbationSettings = DEFAULT_PERTURBATION,
): number | null {
  switch (measure.kind) {
    case "COUNT_MSP":
      return roundToBase(truth.value, perturbed.countKey, settings.countBase);
    case "COUNT_PATIENTS": {
      if (truth.value === 0) return 0;
      return Math.max(0, Math.round(perturbedAmount(perturbed, settings)));
    }
    case "SUM_EUR": {
      if (truth.value === 0 && perturbed.largest === 0) return 0;
      const v = perturbedAmount(perturbed, settings);
      return Math.round((measure.signed === true ? v : Math.max(0, v)) * 100) / 100;
    }
    case "MEAN":
    case "RATE": {
      if (!(perturbed.denominator > 0) || !((truth.denominator ?? 0) > 0)) return null;
      const numerator = truth.value === 0 && perturbed.largest === 0 ? 0 : perturbedAmount(perturbed, settings);
      let ratio = numerator / perturbed.denominator;
      if (measure.kind === "RATE") ratio = Math.min(1, Math.max(0, ratio));
      else if (measure.signed !== true) ratio = Math.max(0, ratio);
      return Math.round(ratio * 10_000) / 10_000;
    }
  }
}

/**
 * Unbiased random rounding to a multiple of `base`, the draw being the cell key: `n` goes up to the next multiple
 * with probability `(n mod base) / base`. 0 stays 0; a count of at least `base` never rounds to 0.
 */
export function roundToBase(n: number, cellKey: number, base: number): number {
  if (n <= 0) return 0;
  const r = n % base;
  if (r === 0) return n;
  const published = clamp01(cellKey) < r / base ? n - r + base : n - r;
  return Math.max(published, n >= base ? base : published);
}

/**
 * The largest relative error of a published amount against its true value (stated with every answer): the
 * contribution noise plus the cell-key term, whose size is at most the dominance share of the cell (a cell where one
 * MSP holds more is suppressed).
 */
export function maxRelativeError(settings: PerturbationSettings = DEFAULT_PERTURBATION, dominanceShare = 0.85): number {
  return settings.contributionNoiseMax + settings.cellKeyShare * dominanceShare * (1 + settings.contributionNoiseMax);
}

function perturbedAmount(p: PerturbedMeasure, settings: PerturbationSettings): number {
  // D in [-1, 1) from the cell key: the same cell always gets the same term.
  const d = 2 * clamp01(p.magnitudeKey) - 1;
  return p.value + settings.cellKeyShare * p.largest * d;
}

/** Adds two keys modulo 1 (cell keys of disjoint sets of records add up). */
export const addKeys = (a: number, b: number): number => {
  const s = a + b;
  return s >= 1 ? s - 1 : s;
};

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(Math.max(x, 0), 1 - Number.EPSILON) : 0);

/**
 * A deterministic stream of uniforms in [0, 1) seeded by a cell key: the optional noisy mode draws its Laplace noise
 * from it, so that the same cell always gets the same noise and asking again, or otherwise, averages nothing away.
 * The seed is secret (the keys come from the deployment's secret), so the stream is not predictable from outside.
 */
export function cellKeyRandom(cellKey: number): RandomSource {
  return seededRandom(Math.floor(clamp01(cellKey) * 2 ** 32));
}
