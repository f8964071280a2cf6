import type { AciAchievement, AciComputation, AciPrecariteInput, AciRuleSet } from "../aci/aci.types.js";
import type { IpepIncentive, IpepParameters } from "../ipep/ipep.js";
import type { PepsCoefficientTable, PepsForfait, PepsPatientGroup, PepsScope } from "../peps/peps.js";

/**
 * What an MSP enters for one year of one programme (the `inputs` of a result period) and what the platform stores
 * beside it (`outputs`). The shapes are JSON-safe: they are stored as-is in `ResultPeriod.inputs` / `.outputs`.
 */

export const PROGRAMMES = ["PEPS", "IPEP", "ACI"] as const;
export type Programme = (typeof PROGRAMMES)[number];

/**
 * A quality indicator as entered: `value` is a percentage (0..100) unless the indicator says otherwise.
 * The lists of indicators are not fixed by DOMAIN.md (§4.4 ⚠️, §5.3 ⚠️): codes are free but unique per period.
 */
export type QualityIndicatorValue = {
  readonly code: string;
  readonly label: string;
  /** 0..100 (a percentage). */
  readonly value: number;
};

/** One line of the team's internal split of the forfait, per its règlement intérieur (DOMAIN.md §4.4, §4.6). */
export type InternalSplitLine = {
  /** Profession or role (e.g. "Médecins généralistes", "Infirmiers", "Coordination"). */
  readonly label: string;
  readonly amountEur: number;
};

/** PEPS period inputs — "keep, per team and period" list of DOMAIN.md §4.4. */
export type PepsPeriodInputs = {
  /** Id of the coefficient table the forfait is computed with (PEPS1, PEPS2, PEPS_ILLUSTRATIF…). */
  readonly tableId: string;
  readonly scope: PepsScope;
  /** Patients in scope (médecin traitant); must equal Σ groups[].patients. */
  readonly patientele: number;
  readonly groups: readonly PepsPatientGroup[];
  readonly daysInScope: number;
  readonly daysInPeriod: number;
  /** 0..1, scales the quality bonus (⚠️ scale unknown, see peps.ts). */
  readonly qualityScore: number;
  readonly qualityIndicators: readonly QualityIndicatorValue[];
  /** Amount actually received from the Assurance Maladie for the period (⚠️ user-entered). */
  readonly forfaitReceivedEur: number;
  /** Fee-for-service "shadow" amount for the same patients and period. */
  readonly feeForServiceEquivalentEur: number;
  /** Internal split; when present its lines must add up to forfaitReceivedEur (to the euro). */
  readonly internalSplit: readonly InternalSplitLine[];
};

/** IPEP period inputs (DOMAIN.md §5.2, §5.3). */
export type IpepPeriodInputs = {
  /** Versioned parameters id (IPEP_2022…). */
  readonly parametersId: string;
  /** Name of the groupement (MSP, CPTS, hospitals…). */
  readonly groupement: string;
  readonly patients: number;
  /** G_écart, €/patient (may be negative). */
  readonly gainLevelPerPatientEur: number;
  /** G_évolution, €/patient (may be negative). */
  readonly gainEvolutionPerPatientEur: number;
  readonly soclePoints: number;
  readonly aLaCartePoints: number;
  /** ≤ 20 (§5.3 ✅). */
  readonly patientExperiencePoints: number;
  /** Only with the USER_ENTERED modulation: rate 0..1 from the CNAM notification. */
  readonly enteredModulationRate?: number;
  readonly qualityIndicators: readonly QualityIndicatorValue[];
  /** Amount actually received (⚠️ user-entered), null when not yet paid. */
  readonly incentiveReceivedEur: number | null;
};

/** ACI period inputs (DOMAIN.md §3); the rule set is chosen by the year unless `ruleSetId` is given. */
export type AciPeriodInputs = {
  readonly ruleSetId?: string;
  readonly patientele: number;
  readonly associatedProfessionals: number;
  readonly achievements: Readonly<Record<string, AciAchievement>>;
  readonly precarite?: AciPrecariteInput;
  /** ISO date YYYY-MM-DD. */
  readonly contractStart: string;
  readonly isNewStructure?: boolean;
  /** Amount actually received for the year (advance + balance), ⚠️ user-entered; null when unknown. */
  readonly amountReceivedEur: number | null;
};

export type PeriodInputs = PepsPeriodInputs | IpepPeriodInputs | AciPeriodInputs;

/**
 * The figures every dashboard and research aggregate reads, whatever the programme. Amounts in euros, unrounded.
 */
export type PeriodSummary = {
  readonly programme: Programme;
  /** Id of the rule set, coefficient table or parameter set used. */
  readonly referenceId: string;
  /** True when the reference data is illustrative (demo PEPS table): show it everywhere the figure shows. */
  readonly illustrative: boolean;
  /** Patients covered (PEPS scope, IPEP groupement patientèle, ACI patientèle MT). */
  readonly patients: number;
  /** Computed amount: PEPS forfait, IPEP intéressement after modulation, ACI net remuneration. */
  readonly computedEur: number;
  /** computedEur / patients (0 when no patient). */
  readonly perPatientEur: number;
  /** Amount the MSP says it received (null when not entered). */
  readonly receivedEur: number | null;
  /** PEPS only: fee-for-service equivalent; null otherwise. */
  readonly feeForServiceEquivalentEur: number | null;
  /** ACI points, IPEP quality score, PEPS quality score × 100; null when not applicable. */
  readonly score: number | null;
  /** Indicator values by code (ACI: 1 achieved / 0 not; PEPS and IPEP: entered percentages). */
  readonly indicators: Readonly<Record<string, number>>;
};

export type PeriodOutputs =
  | { readonly summary: PeriodSummary; readonly peps: PepsForfait }
  | { readonly summary: PeriodSummary; readonly ipep: IpepIncentive }
  | { readonly summary: PeriodSummary; readonly aci: AciComputation };

/** The versioned reference data a deployment holds (imported by an admin, or the shipped defaults). */
export type ResultsReferenceData = {
  readonly pepsTables: Readonly<Record<string, PepsCoefficientTable>>;
  readonly aciRuleSets: Readonly<Record<string, AciRuleSet>>;
  readonly ipepParameters: Readonly<Record<string, IpepParameters>>;
};

/** MSP size bands by patientèle médecin traitant (dashboards and research; 4,000 = ACI reference, §3.4). */
export const MSP_SIZE_BANDS = ["LT_4000", "4000_7999", "8000_11999", "GE_12000"] as const;
export type MspSizeBand = (typeof MSP_SIZE_BANDS)[number];
export const MSP_SIZE_BAND_LABELS: Readonly<Record<MspSizeBand, string>> = {
  LT_4000: "Moins de 4 000 patients",
  "4000_7999": "4 000 à 7 999 patients",
  "8000_11999": "8 000 à 11 999 patients",
  GE_12000: "12 000 patients et plus",
};
