import { ACI_RULE_SETS, type MeasureSpec, type ResearchDimension as DomainDimension } from "@maillage/domain";

/**
 * What researchers may ask for (issue "Research access", item 1): measures over approved result periods and
 * dimensions that never identify one MSP — no MSP id, name, commune or free text (DOMAIN.md §6.3 R5, R9).
 */

export const RESEARCH_MEASURES = [
  "MSP_COUNT",
  "PATIENTS",
  "PEPS_FORFAIT_TOTAL",
  "PEPS_FORFAIT_PER_PATIENT",
  "IPEP_INCENTIVE_TOTAL",
  "IPEP_INCENTIVE_PER_PATIENT",
  "ACI_AMOUNT_TOTAL",
  "ACI_INDICATOR_MEAN",
  "IPEP_INDICATOR_MEAN",
] as const;
export type ResearchMeasure = (typeof RESEARCH_MEASURES)[number];

/** The API's dimensions: the engine's, without AGE_BAND (the patient mix is not released by this query). */
export const RESEARCH_API_DIMENSIONS = ["YEAR", "REGION", "DEPARTEMENT", "RURALITY", "SIZE_BAND", "EXPERIMENT", "YEARS_SINCE_ACI"] as const satisfies readonly DomainDimension[];
export type ResearchApiDimension = (typeof RESEARCH_API_DIMENSIONS)[number];

export type MeasureDefinition = {
  readonly id: ResearchMeasure;
  readonly label: string;
  readonly unit: string;
  readonly needsIndicator: boolean;
  /** The engine's measure (kind and rules). */
  readonly spec: MeasureSpec;
};

/**
 * Kinds follow DOMAIN.md §6.3: counts of MSPs (frequency rule R4), patients (R1), euro sums (R4; R5 when the amount
 * is a team's income: PEPS forfait, IPEP intéressement), means and shares (R3).
 */
export const MEASURES: Readonly<Record<ResearchMeasure, MeasureDefinition>> = {
  MSP_COUNT: { id: "MSP_COUNT", label: "Nombre de MSP (MSP-années)", unit: "MSP", needsIndicator: false, spec: { id: "MSP_COUNT", kind: "COUNT_MSP" } },
  PATIENTS: { id: "PATIENTS", label: "Patientèle médecin traitant", unit: "patients", needsIndicator: false, spec: { id: "PATIENTS", kind: "COUNT_PATIENTS" } },
  PEPS_FORFAIT_TOTAL: { id: "PEPS_FORFAIT_TOTAL", label: "Forfait PEPS (total)", unit: "€", needsIndicator: false, spec: { id: "PEPS_FORFAIT_TOTAL", kind: "SUM_EUR", income: true } },
  PEPS_FORFAIT_PER_PATIENT: {
    id: "PEPS_FORFAIT_PER_PATIENT",
    label: "Forfait PEPS par patient",
    unit: "€ par patient",
    needsIndicator: false,
    spec: { id: "PEPS_FORFAIT_PER_PATIENT", kind: "MEAN", numerator: "AMOUNT", income: true },
  },
  IPEP_INCENTIVE_TOTAL: { id: "IPEP_INCENTIVE_TOTAL", label: "Intéressement IPEP (total)", unit: "€", needsIndicator: false, spec: { id: "IPEP_INCENTIVE_TOTAL", kind: "SUM_EUR", income: true } },
  IPEP_INCENTIVE_PER_PATIENT: {
    id: "IPEP_INCENTIVE_PER_PATIENT",
    label: "Intéressement IPEP par patient",
    unit: "€ par patient",
    needsIndicator: false,
    spec: { id: "IPEP_INCENTIVE_PER_PATIENT", kind: "MEAN", numerator: "AMOUNT", income: true },
  },
  ACI_AMOUNT_TOTAL: { id: "ACI_AMOUNT_TOTAL", label: "Rémunération ACI (total)", unit: "€", needsIndicator: false, spec: { id: "ACI_AMOUNT_TOTAL", kind: "SUM_EUR" } },
  ACI_INDICATOR_MEAN: {
    id: "ACI_INDICATOR_MEAN",
    label: "Indicateur ACI : part des MSP qui l'atteignent",
    unit: "part des MSP",
    needsIndicator: true,
    spec: { id: "ACI_INDICATOR_MEAN", kind: "RATE" },
  },
  IPEP_INDICATOR_MEAN: {
    id: "IPEP_INDICATOR_MEAN",
    label: "Indicateur IPEP : moyenne des MSP",
    unit: "%",
    needsIndicator: true,
    spec: { id: "IPEP_INDICATOR_MEAN", kind: "MEAN", numerator: "AMOUNT" },
  },
};

export const DIMENSION_LABELS: Readonly<Record<ResearchApiDimension, string>> = {
  YEAR: "Année",
  REGION: "Région",
  DEPARTEMENT: "Département",
  RURALITY: "Type de commune",
  SIZE_BAND: "Taille de la MSP",
  EXPERIMENT: "Expérimentation",
  YEARS_SINCE_ACI: "Ancienneté dans l'ACI",
};

/**
 * Commune classes by population (INSEE's 2,000-inhabitant urban threshold, then common size classes). DOMAIN.md has
 * no rurality grid and INSEE's *grille communale de densité* is not available offline: this is a documented proxy
 * (docs/research.md), computed from the COG population of the MSP's commune.
 */
export const RURALITY_CLASSES = ["RURALE", "PETITE_VILLE", "VILLE_MOYENNE", "GRANDE_VILLE"] as const;
export const RURALITY_LABELS: Readonly<Record<(typeof RURALITY_CLASSES)[number], string>> = {
  RURALE: "Commune rurale (moins de 2 000 habitants)",
  PETITE_VILLE: "Petite ville (2 000 à 9 999 habitants)",
  VILLE_MOYENNE: "Ville moyenne (10 000 à 49 999 habitants)",
  GRANDE_VILLE: "Grande ville (50 000 habitants et plus)",
};
export const ruralityClass = (population: number): (typeof RURALITY_CLASSES)[number] =>
  population < 2000 ? "RURALE" : population < 10_000 ? "PETITE_VILLE" : population < 50_000 ? "VILLE_MOYENNE" : "GRANDE_VILLE";

export const EXPERIMENTS = ["PEPS", "IPEP", "PEPS_IPEP", "AUCUNE"] as const;
export const EXPERIMENT_LABELS: Readonly<Record<(typeof EXPERIMENTS)[number], string>> = {
  PEPS: "PEPS seul",
  IPEP: "IPEP seul",
  PEPS_IPEP: "PEPS et IPEP",
  AUCUNE: "Ni PEPS ni IPEP",
};

/** Years since the ACI contract was signed (DOMAIN.md §3.2), in bands. */
export const ACI_SENIORITY = ["0", "1-2", "3-5", "6+", "SANS_ACI"] as const;
export const ACI_SENIORITY_LABELS: Readonly<Record<(typeof ACI_SENIORITY)[number], string>> = {
  "0": "Année de signature",
  "1-2": "1 à 2 ans",
  "3-5": "3 à 5 ans",
  "6+": "6 ans et plus",
  SANS_ACI: "Sans ACI cette année",
};
export const aciSeniority = (year: number, contractStartYear: number | null): (typeof ACI_SENIORITY)[number] => {
  if (contractStartYear === null || contractStartYear > year) return "SANS_ACI";
  const n = year - contractStartYear;
  return n === 0 ? "0" : n <= 2 ? "1-2" : n <= 5 ? "3-5" : "6+";
};


/** The ACI indicators a researcher may ask about (every code of every shipped rule set, latest label). */
export const aciIndicatorCatalog = (): { code: string; label: string }[] => {
  const byCode = new Map<string, string>();
  for (const rs of Object.values(ACI_RULE_SETS).sort((a, b) => a.validFrom.localeCompare(b.validFrom))) {
    for (const i of rs.indicators) byCode.set(i.code, i.label);
  }
  return [...byCode].map(([code, label]) => ({ code, label })).sort((a, b) => a.code.localeCompare(b.code));
};

export const INDICATOR_CODE = /^[A-Za-z0-9_.-]{1,60}$/;
