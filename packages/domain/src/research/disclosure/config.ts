import { err, ok, type Result } from "../../shared/result.js";

/**
 * Thresholds of the disclosure control (DOMAIN.md §6.2, §6.3). They are configuration with defaults; lowering
 * any of them below its default is refused unless the caller passes an explicit override (the API requires an
 * administrator's audited change for that).
 */
export type DisclosureThresholds = {
  /**
   * R1: a count of patients (stays, acts) from 1 to `minPatients − 1` is masked. Default 11: "aucune case ne
   * doit concerner moins de 11 unités" (CASD/PMSI ✅ [S62]; ATIH ScanSanté 🟡 [S63]; DOMAIN.md §6.2, §6.3 R1).
   */
  readonly minPatients: number;
  /** R4: a cell built from 1 to `minContributors − 1` MSPs is masked. Default 3 (INSEE frequency rule ✅ [S69], §6.2, §6.3 R4). */
  readonly minContributors: number;
  /** R4: dominance — one MSP may not contribute more than this share of a sum. Default 0.85 (INSEE ✅ [S69], §6.2). */
  readonly dominanceShare: number;
  /** R3: a rate or mean is published only when its (count) numerator is ≥ this. Default 11 (§6.3 R3 🔶 [S63]). */
  readonly minRateNumerator: number;
  /** R3: a rate or mean is published only when its denominator is ≥ this. Default 11 (§6.3 R3 🔶 [S63]). */
  readonly minRateDenominator: number;
  /**
   * R5 (💡 modelled): when a euro measure is a professional income (PEPS, IPEP shared by the team), a cell must
   * involve at least this many professionals. Default 11, by analogy with the DGFiP rule on natural persons
   * ("fewer than 11 units must not be released", INSEE ✅ [S69], §6.2).
   */
  readonly minProfessionals: number;
  /**
   * Protection level, in % of the cell value: every primary-suppressed value must stay uncertain by at least this
   * much in both directions (the τ-Argus "p %" safety range, §6.3 R2 [S69]); 💡 default 10.
   */
  readonly protectionPercent: number;
};

/** The defaults (see each field). */
export const DEFAULT_DISCLOSURE_THRESHOLDS: DisclosureThresholds = Object.freeze({
  minPatients: 11,
  minContributors: 3,
  dominanceShare: 0.85,
  minRateNumerator: 11,
  minRateDenominator: 11,
  minProfessionals: 11,
  protectionPercent: 10,
});

export const DISCLOSURE_CONFIG_ERROR_CODES = ["SDC.CONFIG_INVALID", "SDC.CONFIG_BELOW_DEFAULT"] as const;
export type DisclosureConfigErrorCode = (typeof DISCLOSURE_CONFIG_ERROR_CODES)[number];

export type DisclosureConfigError = {
  readonly field: keyof DisclosureThresholds;
  readonly code: DisclosureConfigErrorCode;
  readonly message: string;
};

/** Which direction is "stricter" for each threshold: higher for all but the dominance share (lower is stricter). */
const STRICTER_WHEN_HIGHER: Readonly<Record<keyof DisclosureThresholds, boolean>> = {
  minPatients: true,
  minContributors: true,
  dominanceShare: false,
  minRateNumerator: true,
  minRateDenominator: true,
  minProfessionals: true,
  protectionPercent: true,
};

const LABELS: Readonly<Record<keyof DisclosureThresholds, string>> = {
  minPatients: "effectif minimal de patients",
  minContributors: "nombre minimal de MSP contributrices",
  dominanceShare: "part maximale d'une MSP (dominance)",
  minRateNumerator: "numérateur minimal d'un taux",
  minRateDenominator: "dénominateur minimal d'un taux",
  minProfessionals: "nombre minimal de professionnels (revenus)",
  protectionPercent: "niveau de protection (%)",
};

/**
 * Builds the thresholds from a partial configuration: missing fields take their default; any value less strict
 * than its default (DOMAIN.md §6.3) is refused with `SDC.CONFIG_BELOW_DEFAULT` unless `allowBelowDefaults` is
 * true (an administrator's audited override). Malformed values are always refused.
 */
export function resolveDisclosureThresholds(
  config: Partial<DisclosureThresholds> = {},
  options: { readonly allowBelowDefaults?: boolean } = {},
): Result<DisclosureThresholds, readonly DisclosureConfigError[]> {
  const merged: DisclosureThresholds = { ...DEFAULT_DISCLOSURE_THRESHOLDS, ...stripUndefined(config) };
  const errors: DisclosureConfigError[] = [];
  for (const field of Object.keys(DEFAULT_DISCLOSURE_THRESHOLDS) as (keyof DisclosureThresholds)[]) {
    const value = merged[field];
    const valid =
      field === "dominanceShare"
        ? Number.isFinite(value) && value > 0 && value < 1
        : field === "protectionPercent"
          ? Number.isFinite(value) && value >= 0 && value <= 100
          : Number.isInteger(value) && value >= 1;
    if (!valid) {
      errors.push({ field, code: "SDC.CONFIG_INVALID", message: `Valeur invalide pour le paramètre « ${LABELS[field]} ».` });
      continue;
    }
    const fallback = DEFAULT_DISCLOSURE_THRESHOLDS[field];
    const weaker = STRICTER_WHEN_HIGHER[field] ? value < fallback : value > fallback;
    if (weaker && options.allowBelowDefaults !== true) {
      errors.push({
        field,
        code: "SDC.CONFIG_BELOW_DEFAULT",
        message: `Le paramètre « ${LABELS[field]} » ne peut pas être moins protecteur que la valeur par défaut (${String(fallback)}) sans dérogation explicite.`,
      });
    }
  }
  return errors.length > 0 ? err(errors) : ok(Object.freeze(merged));
}

function stripUndefined(config: Partial<DisclosureThresholds>): Partial<DisclosureThresholds> {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as Partial<DisclosureThresholds>;
}

/** Field by field, the strictest of several sets of thresholds (an answer over several federations' data). */
export function strictestThresholds(first: DisclosureThresholds, ...others: readonly DisclosureThresholds[]): DisclosureThresholds {
  const out: Record<string, number> = { ...first };
  for (const t of others) {
    for (const field of Object.keys(DEFAULT_DISCLOSURE_THRESHOLDS) as (keyof DisclosureThresholds)[]) {
      const a = out[field] ?? t[field];
      out[field] = STRICTER_WHEN_HIGHER[field] ? Math.max(a, t[field]) : Math.min(a, t[field]);
    }
  }
  return Object.freeze(out as DisclosureThresholds);
}

/** The fields of `candidate` that are less protective than `base` (empty: at least as strict everywhere). */
export function weakerFields(candidate: DisclosureThresholds, base: DisclosureThresholds): (keyof DisclosureThresholds)[] {
  return (Object.keys(DEFAULT_DISCLOSURE_THRESHOLDS) as (keyof DisclosureThresholds)[]).filter((field) =>
    STRICTER_WHEN_HIGHER[field] ? candidate[field] < base[field] : candidate[field] > base[field],
  );
}

/** The French name of a threshold (messages). */
export const thresholdLabel = (field: keyof DisclosureThresholds): string => LABELS[field];
