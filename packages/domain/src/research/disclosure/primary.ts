import type { DisclosureThresholds } from "./config.js";
import type { Cube } from "./cube.js";
import type { CellMeasure, MeasureSpec, PrimaryReason } from "./types.js";

/**
 * What must stay uncertain about one primary-suppressed value: whatever else is published, the feasible interval
 * of `series[series]` at `cell` must contain `[value − lower, value + upper]` (DOMAIN.md §6.3 R2: "not derivable").
 */
export type Requirement = {
  readonly cell: number;
  readonly series: number;
  readonly reason: PrimaryReason;
  readonly value: number;
  /** Required upward uncertainty (> 0). */
  readonly upper: number;
  /** Required downward uncertainty; for a non-negative series at most `value` (the interval may stop at 0). */
  readonly lower: number;
};

export type PrimaryResult = {
  /** `reasons[cell]`: the primary reasons of the cell (empty when it may be published as far as R1–R5 go). */
  readonly reasons: readonly (readonly PrimaryReason[])[];
  readonly requirements: readonly Requirement[];
};

/**
 * Primary suppression (DOMAIN.md §6.3 R1, R3, R4, R5), applied to every cell, margins included.
 *
 * Protection levels (what "not derivable" means numerically; docs/adr/0008-disclosure-control.md):
 * - a small count `v < t` (R1 patients t = 11 ✅ [S62]; R3 rate bases t = 11 🔶; MSP counts t = 3 ✅ [S69]) must be
 *   able to reach `t`: upper = max(t − v, p·v, 1) — nobody can tell it is below the threshold — and symmetrically
 *   downwards (clipped at 0);
 * - a dominated sum (x₁ > k·X, k = 85 % ✅ [S69]): upper = max(x₁/k − X, p·X, 1), the τ-Argus upper protection level
 *   of the (1, k) dominance rule — at its upper bound the cell would no longer look dominated;
 * - a cell with 1 or 2 MSPs (✅ [S69]) and an income cell (R5 💡): ±max(p·v, 1), the p % safety range, so that
 *   the other contributor cannot pin the first one's figure closer than p %.
 * `p` is `protectionPercent` (💡 10 %). Requirements are never below 1 unit, so a protected interval always has
 * width ≥ 1 (1 patient, 1 €).
 */
export function primarySuppression(cube: Cube, thresholds: DisclosureThresholds): PrimaryResult {
  const reasons: PrimaryReason[][] = Array.from({ length: cube.cellCount }, () => []);
  const requirements: Requirement[] = [];
  const seriesOf = (measure: number, part: "value" | "numerator" | "denominator"): number =>
    cube.series.findIndex((s) => s.measure === measure && s.part === part);
  cube.measures.forEach((measure, m) => {
    (cube.cellMeasures[m] ?? []).forEach((cm, cell) => {
      for (const rule of cellRules(measure, cm, thresholds)) {
        const series = seriesOf(m, rule.part);
        const s = cube.series[series];
        if (s === undefined) continue;
        const value = s.values[cell] ?? 0;
        const upper = Math.max(rule.margin, 1);
        const lower = s.nonNegative ? Math.min(Math.max(value, 0), upper) : upper;
        requirements.push({ cell, series, reason: rule.reason, value, upper, lower });
        const list = reasons[cell];
        if (list !== undefined && !list.includes(rule.reason)) list.push(rule.reason);
      }
    });
  });
  return { reasons, requirements };
}

/** One primary rule that a cell breaks, for one additive part of one measure, with its protection margin. */
export type CellRule = { readonly part: "value" | "numerator" | "denominator"; readonly reason: PrimaryReason; readonly margin: number };

/** The primary rules (R1, R3, R4, R5) that one measure of one cell breaks; empty when it may be published. */
export function cellRules(measure: MeasureSpec, cm: CellMeasure, thresholds: DisclosureThresholds): CellRule[] {
  const p = thresholds.protectionPercent / 100;
  const pct = (v: number): number => p * Math.abs(v);
  const smallCount = (v: number, threshold: number): number => Math.max(threshold - v, pct(v));
  const ratio = measure.kind === "MEAN" || measure.kind === "RATE";
  const parts: CellRule["part"][] = ratio ? ["numerator", "denominator"] : ["value"];
  const main = parts[0] ?? "value";
  const partValue = (part: CellRule["part"]): number => (part === "denominator" ? (cm.denominator ?? 0) : cm.value);
  const amount = measure.kind === "SUM_EUR" || (measure.kind === "MEAN" && measure.numerator !== "COUNT");
  const rules: CellRule[] = [];
  const v = cm.value;
  // R4 frequency rule (✅ [S69]): "any cell built from fewer than 3 MSPs is masked", whatever the measure.
  if (cm.contributors >= 1 && cm.contributors < thresholds.minContributors) {
    for (const part of parts) {
      const pv = partValue(part);
      rules.push({ part, reason: "FEW_CONTRIBUTORS", margin: measure.kind === "COUNT_MSP" ? smallCount(pv, thresholds.minContributors) : pct(pv) });
    }
  }
  // R1 (✅ [S62]): counts of patients from 1 to 10 are masked; 0 may be shown.
  if (measure.kind === "COUNT_PATIENTS" && v >= 1 && v < thresholds.minPatients) {
    rules.push({ part: main, reason: "SMALL_COUNT", margin: smallCount(v, thresholds.minPatients) });
  }
  // R4 dominance (✅ [S69]): one MSP may not contribute more than 85 % of a sum.
  if (amount && cm.largestContribution !== undefined && v > 0 && cm.largestContribution > thresholds.dominanceShare * v) {
    rules.push({ part: main, reason: "DOMINANCE", margin: Math.max(cm.largestContribution / thresholds.dominanceShare - v, pct(v)) });
  }
  // R5 (✅ [S61] for identifiers; 💡 for MSP finance): an income figure must involve ≥ minProfessionals people.
  if (amount && measure.income === true && cm.contributors >= 1 && (cm.professionals ?? cm.contributors) < thresholds.minProfessionals) {
    rules.push({ part: main, reason: "PROFESSIONAL_INCOME", margin: pct(v) });
  }
  // R3 (🔶 [S63]): rates and means only on numerator ≥ 11 (counts) and denominator ≥ 11.
  if (ratio) {
    const den = cm.denominator ?? 0;
    if (den >= 1 && den < thresholds.minRateDenominator) {
      rules.push({ part: "denominator", reason: "RATE_BASE", margin: smallCount(den, thresholds.minRateDenominator) });
    }
    const countNumerator = measure.kind === "RATE" || measure.numerator === "COUNT";
    if (countNumerator && den >= 1 && v < thresholds.minRateNumerator) {
      rules.push({ part: "numerator", reason: "RATE_BASE", margin: smallCount(v, thresholds.minRateNumerator) });
    }
    if (measure.kind === "RATE" && measure.sensitive === true && den >= 1 && v === den) {
      rules.push({ part: "numerator", reason: "RATE_BASE", margin: pct(v) });
    }
  }
  return rules;
}
