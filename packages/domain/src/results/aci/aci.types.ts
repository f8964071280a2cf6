/**
 * ACI MSP types (DOMAIN.md §3). Rules are versioned by ACI version (§3.1 "design consequence"):
 * every computation carries the id of the rule set it used.
 */

/** ACI versions known to the platform (§3.1); add future avenants here. */
export const ACI_RULE_SET_IDS = ["RA2015", "ACI2017", "ACI2017_AV1"] as const;
export type AciRuleSetId = (typeof ACI_RULE_SET_IDS)[number];

/** Indicator types (§3.3 ✅). */
export type AciIndicatorType = "SOCLE_PREREQUIS" | "SOCLE" | "OPTIONNEL";

/** The three axes (§3.3 ✅). */
export type AciAxis = "ACCES_AUX_SOINS" | "TRAVAIL_EN_EQUIPE" | "SYSTEME_INFORMATION";

/**
 * Confidence of a row (DOMAIN.md §0.1): ✅ → CONFIRMED; 🟡 → TO_VERIFY; 🔶 or ⚠️ → UNVERIFIED.
 * A row takes the weakest flag of the values it carries. TO_VERIFY and UNVERIFIED rows are shown
 * « à vérifier » in the UI (§3.5: do not ship payments on 🔶 rows without validation).
 */
export type AciFlag = "CONFIRMED" | "TO_VERIFY" | "UNVERIFIED";

export type AciVariableTier = {
  /** Upper bound (inclusive) of the patientèle slice paid at `pointsPer4000`; use Infinity for the last slice. */
  readonly upToPatients: number;
  readonly pointsPer4000: number;
};

export type AciIpaBonus = {
  /** Points per unit (e.g. +40 per protocol, §3.5 ✅). */
  readonly fixedPerUnit?: number;
  /** Variable points per 4,000 MT patients (e.g. +200 concertation, §3.5 ✅). */
  readonly variablePer4000?: number;
  /** Flat points (e.g. +200 missions de santé publique, §3.5 ✅). */
  readonly fixed?: number;
  /** The flat bonus requires `maxUnits` units (missions: "if an IPA is present and 2 missions done"). */
  readonly fixedRequiresMaxUnits?: boolean;
};

export type AciIndicator = {
  readonly code: string;
  /** French label. */
  readonly label: string;
  readonly axis: AciAxis;
  readonly type: AciIndicatorType;
  /** Fixed points; per unit when `maxUnits` is set. */
  readonly fixedPoints: number;
  /** Variable points per 4,000 MT patients (§3.4); the first tier's rate when `variableTiers` is set. */
  readonly variablePointsPer4000: number;
  /** Piecewise variable rate by patientèle slice (coordination: 1,700 up to 8,000 then 1,100, §3.5 🔶). */
  readonly variableTiers?: readonly AciVariableTier[];
  /** Variable points per associated PS instead of patientèle (SI, §3.3 ✅ principle, values 🔶). */
  readonly perProfessional?: { readonly upTo: number; readonly points: number; readonly beyondPoints: number };
  /** Fixed points are per unit, counted up to this cap (protocols max 8, §3.5 🔶). */
  readonly maxUnits?: number;
  /** Below this number of units the fixed part is 0 (internships: 450 for 2, §3.5 🔶). */
  readonly minUnits?: number;
  readonly ipaBonus?: AciIpaBonus;
  readonly flag: AciFlag;
  /** DOMAIN.md section and source ids. */
  readonly source: string;
};

export type AciRuleSet = {
  readonly id: AciRuleSetId;
  readonly label: string;
  /** ISO date (JO publication). */
  readonly validFrom: string;
  /** 7 € (§3.4 ✅). */
  readonly pointValueEur: number;
  /** 4,000 patients (§3.4 ✅). */
  readonly referencePatients: number;
  /** 12,000 € (§2.5 🟡) or null when not applied. */
  readonly minimumAdvanceEur: number | null;
  /** 20,000 €/year for new MSP (§3.4 ✅). */
  readonly newStructureMinimumEur: number;
  /** 25 % (§3.4 🔶). */
  readonly precariteCapRate: number;
  readonly indicators: readonly AciIndicator[];
};

export type AciAchievement = {
  readonly achieved: boolean;
  /** Units reached (protocols, missions, internships…); defaults to `maxUnits` when achieved. */
  readonly units?: number;
  /** Share of the indicator reached, 0..1 (multi-level or reduced variants, §3.4 🔶); defaults to 1. */
  readonly level?: number;
  readonly withIpa?: boolean;
};

export type AciPrecariteInput = {
  readonly c2sRate: number;
  readonly ameRate: number;
  readonly nationalC2sRate: number;
  readonly nationalAmeRate: number;
};

export type AciInput = {
  /** Patientèle médecin traitant of the SISA's associated doctors (§3.3 ✅). */
  readonly patientele: number;
  readonly associatedProfessionals: number;
  readonly achievements: Readonly<Record<string, AciAchievement>>;
  readonly precarite?: AciPrecariteInput;
  /** ISO date (YYYY-MM-DD) of contract signature. */
  readonly contractStart: string;
  /** Calendar year N computed (§2.5 ✅). */
  readonly year: number;
  readonly isNewStructure?: boolean;
};

export type AciIndicatorPoints = {
  readonly code: string;
  readonly fixed: number;
  readonly variable: number;
  readonly total: number;
};

export type AciComputation = {
  readonly ruleSetId: AciRuleSetId;
  readonly prerequisitesMet: boolean;
  readonly missingPrerequisites: readonly string[];
  readonly points: {
    readonly byIndicator: readonly AciIndicatorPoints[];
    readonly fixed: number;
    readonly variable: number;
    readonly total: number;
  };
  readonly grossEur: number;
  readonly precariteRate: number;
  readonly netEur: number;
  readonly advanceEur: number;
  readonly balanceEur: number;
  readonly guaranteedMinimumApplied: boolean;
};
