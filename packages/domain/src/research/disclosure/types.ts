import type { DisclosureThresholds } from "./config.js";

/**
 * The dimensions a researcher may cross (up to three at once). There is deliberately no MSP, commune or
 * professional dimension: a researcher never receives a row about one MSP (ARCHITECTURE.md "Disclosure control
 * for research"; DOMAIN.md §6.3 R5, R9).
 */
export const RESEARCH_DIMENSIONS = [
  "YEAR",
  "REGION",
  "DEPARTEMENT",
  "RURALITY",
  "SIZE_BAND",
  "EXPERIMENT",
  "YEARS_SINCE_ACI",
  /** Patients' age band (PEPS patient mix, DOMAIN.md §4.4), for counts of patients. */
  "AGE_BAND",
] as const;
export type ResearchDimension = (typeof RESEARCH_DIMENSIONS)[number];

/** Most dimensions crossed in one cube. */
export const MAX_CUBE_DIMENSIONS = 3;

/**
 * - `COUNT_MSP`: number of MSP-years (one record per MSP and year; for one year, the number of MSPs);
 * - `COUNT_PATIENTS`: number of patients (or stays, acts) — R1 applies;
 * - `SUM_EUR`: a euro total (PEPS, IPEP, ACI) — R4 (and R5 when `income`) apply;
 * - `MEAN`: numerator / denominator, e.g. PEPS € per patient or an indicator's mean over MSPs — R3 (and R4 on an
 *   amount numerator);
 * - `RATE`: count / count, e.g. share of patients aged 65 or more — R3.
 */
export const MEASURE_KINDS = ["COUNT_MSP", "COUNT_PATIENTS", "SUM_EUR", "MEAN", "RATE"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export type MeasureSpec = {
  readonly id: string;
  readonly kind: MeasureKind;
  /**
   * `SUM_EUR` or `MEAN` with an amount numerator: the amount is (a share of) professionals' income — the PEPS
   * forfait, the IPEP intéressement — so R5 applies (DOMAIN.md §6.3 R5 💡): the cell must involve at least
   * `minProfessionals` professionals.
   */
  readonly income?: boolean;
  /** `MEAN` only: a `COUNT` numerator must be ≥ `minRateNumerator` (R3); an `AMOUNT` (default) follows R4/R5. */
  readonly numerator?: "COUNT" | "AMOUNT";
  /** `RATE` only: the attribute is sensitive, so 100 % (numerator = denominator) is masked too (R3). */
  readonly sensitive?: boolean;
  /** `SUM_EUR` / `MEAN` amount: values may be negative (e.g. an ACI balance). Default: non-negative. */
  readonly signed?: boolean;
};

/** One measure in one cell (inner cell or margin), as computed from the contributor-level records. */
export type CellMeasure = {
  /** The count, the sum, or — for `MEAN` and `RATE` — the numerator. */
  readonly value: number;
  /** Number of distinct MSPs behind the cell. */
  readonly contributors: number;
  /** Largest single MSP's part of `value` (`SUM_EUR`, amount numerators); needed for the dominance rule. */
  readonly largestContribution?: number;
  /** `MEAN`, `RATE`: the denominator. */
  readonly denominator?: number;
  /** Income measures: number of professionals behind the cell (unknown: one per MSP is assumed). */
  readonly professionals?: number;
};

/** A coordinate is a category of its dimension, or `null` for the margin (total) of that dimension. */
export type Coordinate = string | null;

export type CubeCell = {
  readonly coordinates: readonly Coordinate[];
  readonly measures: Readonly<Record<string, CellMeasure>>;
};

export type CubeDimension = { readonly id: ResearchDimension; readonly categories: readonly string[] };

/** A complete cube: every inner cell and every margin (1-D, 2-D… and the grand total) of 1 to 3 dimensions. */
export type CubeInput = {
  readonly dimensions: readonly CubeDimension[];
  readonly measures: readonly MeasureSpec[];
  readonly cells: readonly CubeCell[];
};

/**
 * Why a cell is not published (docs/research.md shows the French labels):
 * - `SMALL_COUNT`: a count of patients from 1 to 10 (R1);
 * - `FEW_CONTRIBUTORS`: built from 1 or 2 MSPs (R4, frequency rule);
 * - `DOMINANCE`: one MSP contributes more than 85 % of a sum (R4);
 * - `RATE_BASE`: a rate or mean whose numerator or denominator is below 11 (R3), or 100 % of a sensitive attribute;
 * - `PROFESSIONAL_INCOME`: an income figure involving fewer than 11 professionals (R5, modelled);
 * - `COMPLEMENTARY`: published, it would let someone recompute a masked cell (R2, secondary suppression).
 */
export const SUPPRESSION_REASONS = [
  "SMALL_COUNT",
  "FEW_CONTRIBUTORS",
  "DOMINANCE",
  "RATE_BASE",
  "PROFESSIONAL_INCOME",
  "COMPLEMENTARY",
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export type PrimaryReason = Exclude<SuppressionReason, "COMPLEMENTARY">;

/** French labels for the portal and exports (« secret statistique »). */
export const SUPPRESSION_REASON_LABELS: Readonly<Record<SuppressionReason, string>> = {
  SMALL_COUNT: "Secret statistique : effectif inférieur à 11",
  FEW_CONTRIBUTORS: "Secret statistique : moins de 3 MSP",
  DOMINANCE: "Secret statistique : une MSP représente plus de 85 % du total",
  RATE_BASE: "Secret statistique : taux calculé sur moins de 11 unités",
  PROFESSIONAL_INCOME: "Secret statistique : revenu d'un petit nombre de professionnels",
  COMPLEMENTARY: "Secret statistique : masquage complémentaire",
};

export type PublishedCell = {
  readonly coordinates: readonly Coordinate[];
  readonly suppressed: false;
  /** Per measure: the count or sum; for `MEAN` and `RATE` the ratio (`null` when the denominator is 0). */
  readonly values: Readonly<Record<string, number | null>>;
};

export type SuppressedCell = {
  readonly coordinates: readonly Coordinate[];
  readonly suppressed: true;
  /** The first of `reasons` in {@link SUPPRESSION_REASONS} order. */
  readonly reason: SuppressionReason;
  readonly reasons: readonly SuppressionReason[];
};

export type ProtectedCell = PublishedCell | SuppressedCell;

export type ProtectionSummary = {
  readonly cells: number;
  readonly suppressed: number;
  /** Suppressed cells counted once each, by their main reason. */
  readonly suppressedByReason: Readonly<Record<SuppressionReason, number>>;
  readonly primary: number;
  readonly complementary: number;
  /** Primary cells whose protection is proven by one hypercube of suppressed cells (no LP needed). */
  readonly provenByHypercube: number;
  /** Primary cells whose protection was proven by the LP interval audit. */
  readonly provenByLp: number;
  /** True when nothing less than masking the whole cube protected it. */
  readonly wholeCubeSuppressed: boolean;
};

export type ProtectedCube = {
  readonly dimensions: readonly CubeDimension[];
  readonly measures: readonly MeasureSpec[];
  /** Every cell, inner and margins, in the dimensions' category order (the margin last). */
  readonly cells: readonly ProtectedCell[];
  readonly thresholds: DisclosureThresholds;
  readonly summary: ProtectionSummary;
};
