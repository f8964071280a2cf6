/** Stable error codes of IPEP validation (DOMAIN.md §5.2–5.3); clients branch on the code, never on the message. */
export const IPEP_ERROR_CODES = [
  "IPEP.PARAMETERS_ID_REQUIRED",
  "IPEP.COEFFICIENT_OUT_OF_RANGE",
  "IPEP.COEFFICIENTS_SUM_NOT_ONE",
  "IPEP.SHARE_OF_SAVINGS_INVALID",
  "IPEP.PATIENT_EXPERIENCE_MAX_INVALID",
  "IPEP.QUALITY_RULE_INVALID",
  "IPEP.PATIENTS_INVALID",
  "IPEP.GAIN_INVALID",
  "IPEP.QUALITY_POINTS_INVALID",
  "IPEP.PATIENT_EXPERIENCE_POINTS_INVALID",
  "IPEP.MODULATION_RATE_REQUIRED",
] as const;
export type IpepErrorCode = (typeof IPEP_ERROR_CODES)[number];

/** French messages shown next to the field. */
export const IPEP_ERROR_MESSAGES: Readonly<Record<IpepErrorCode, string>> = {
  "IPEP.PARAMETERS_ID_REQUIRED": "L'identifiant du jeu de paramètres IPEP est obligatoire.",
  "IPEP.COEFFICIENT_OUT_OF_RANGE": "Les coefficients C_écart et C_évolution doivent être compris entre 0 et 1.",
  "IPEP.COEFFICIENTS_SUM_NOT_ONE": "La somme C_écart + C_évolution doit être égale à 1.",
  "IPEP.SHARE_OF_SAVINGS_INVALID": "Le coefficient de partage doit être strictement positif et au plus égal à 1.",
  "IPEP.PATIENT_EXPERIENCE_MAX_INVALID": "La majoration « expérience patient » doit être comprise entre 0 et 20 points.",
  "IPEP.QUALITY_RULE_INVALID":
    "La règle de modulation qualité est invalide (score maximal strictement positif, seuil compris entre 0 et le score maximal).",
  "IPEP.PATIENTS_INVALID": "Le nombre de patients doit être un entier positif ou nul.",
  "IPEP.GAIN_INVALID": "Le gain par patient doit être un montant en euros (positif ou négatif).",
  "IPEP.QUALITY_POINTS_INVALID": "Les points qualité doivent être des nombres positifs ou nuls.",
  "IPEP.PATIENT_EXPERIENCE_POINTS_INVALID":
    "Les points « expérience patient » doivent être compris entre 0 et la majoration maximale (20 points au plus).",
  "IPEP.MODULATION_RATE_REQUIRED": "Le taux de modulation qualité saisi doit être compris entre 0 et 1.",
};
