/** Stable error codes of ACI input validation; clients branch on the code, never on the message. */
export const ACI_ERROR_CODES = [
  "ACI.NOT_A_NON_NEGATIVE_INTEGER",
  "ACI.RATE_OUT_OF_RANGE",
  "ACI.LEVEL_OUT_OF_RANGE",
  "ACI.UNKNOWN_INDICATOR",
  "ACI.YEAR_INVALID",
  "ACI.YEAR_BEFORE_RULE_SET",
  "ACI.DATE_INVALID",
  "ACI.CONTRACT_AFTER_YEAR",
] as const;
export type AciErrorCode = (typeof ACI_ERROR_CODES)[number];

/** French messages shown next to the field. */
export const ACI_ERROR_MESSAGES: Readonly<Record<AciErrorCode, string>> = {
  "ACI.NOT_A_NON_NEGATIVE_INTEGER": "La valeur doit être un nombre entier positif ou nul.",
  "ACI.RATE_OUT_OF_RANGE": "Le taux doit être compris entre 0 et 1 (0 % à 100 %).",
  "ACI.LEVEL_OUT_OF_RANGE": "Le niveau d'atteinte doit être compris entre 0 et 1 (0 % à 100 %).",
  "ACI.UNKNOWN_INDICATOR": "Cet indicateur n'existe pas dans la version de l'ACI choisie.",
  "ACI.YEAR_INVALID": "L'année doit être un nombre entier à quatre chiffres.",
  "ACI.YEAR_BEFORE_RULE_SET": "L'année est antérieure à l'entrée en vigueur de cette version de l'ACI.",
  "ACI.DATE_INVALID": "La date de signature du contrat doit être une date valide au format AAAA-MM-JJ.",
  "ACI.CONTRACT_AFTER_YEAR": "Le contrat est signé après l'année calculée : aucune rémunération pour cette année.",
};
