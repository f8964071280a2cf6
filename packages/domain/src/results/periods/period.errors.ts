/** Stable error codes of result-period validation; clients branch on the code, never on the message. */
export const PERIOD_ERROR_CODES = [
  "PERIOD.INPUTS_NOT_OBJECT",
  "PERIOD.PROGRAMME_INVALID",
  "PERIOD.YEAR_INVALID",
  "PERIOD.YEAR_IN_FUTURE",
  "PERIOD.REFERENCE_UNKNOWN",
  "PERIOD.REQUIRED",
  "PERIOD.NOT_A_NUMBER",
  "PERIOD.NOT_A_NON_NEGATIVE_INTEGER",
  "PERIOD.NEGATIVE_AMOUNT",
  "PERIOD.NOT_A_BOOLEAN",
  "PERIOD.TEXT_INVALID",
  "PERIOD.LIST_INVALID",
  "PERIOD.PATIENT_MIX_SUM",
  "PERIOD.DAYS_IN_PERIOD_YEAR",
  "PERIOD.SPLIT_SUM",
  "PERIOD.INDICATOR_DUPLICATE",
  "PERIOD.INDICATOR_OUT_OF_RANGE",
  "PERIOD.PERCENT_OUT_OF_RANGE",
] as const;
export type PeriodErrorCode = (typeof PERIOD_ERROR_CODES)[number];

/** French messages shown next to the field. */
export const PERIOD_ERROR_MESSAGES: Readonly<Record<PeriodErrorCode, string>> = {
  "PERIOD.INPUTS_NOT_OBJECT": "Les données de la période sont illisibles.",
  "PERIOD.PROGRAMME_INVALID": "Le dispositif doit être PEPS, IPEP ou ACI.",
  "PERIOD.YEAR_INVALID": "L'année doit être un nombre entier à partir de 2015.",
  "PERIOD.YEAR_IN_FUTURE": "L'année de la période ne peut pas être dans le futur.",
  "PERIOD.REFERENCE_UNKNOWN": "Ce référentiel (table, version de l'ACI ou paramètres) est inconnu.",
  "PERIOD.REQUIRED": "Ce champ est obligatoire.",
  "PERIOD.NOT_A_NUMBER": "La valeur doit être un nombre.",
  "PERIOD.NOT_A_NON_NEGATIVE_INTEGER": "La valeur doit être un nombre entier positif ou nul.",
  "PERIOD.NEGATIVE_AMOUNT": "Le montant doit être positif ou nul.",
  "PERIOD.NOT_A_BOOLEAN": "La valeur doit être oui ou non.",
  "PERIOD.TEXT_INVALID": "Le texte est vide ou trop long (200 caractères au plus).",
  "PERIOD.LIST_INVALID": "La liste est illisible.",
  "PERIOD.PATIENT_MIX_SUM": "La somme des patients par groupe doit être égale à la patientèle déclarée.",
  "PERIOD.DAYS_IN_PERIOD_YEAR": "Le nombre de jours de la période doit être celui de l'année (365 ou 366).",
  "PERIOD.SPLIT_SUM": "La répartition interne doit totaliser le forfait reçu (à l'euro près).",
  "PERIOD.INDICATOR_DUPLICATE": "Cet indicateur est saisi deux fois.",
  "PERIOD.INDICATOR_OUT_OF_RANGE": "La valeur d'un indicateur est un pourcentage entre 0 et 100.",
  "PERIOD.PERCENT_OUT_OF_RANGE": "La valeur doit être comprise entre 0 et 1.",
};
