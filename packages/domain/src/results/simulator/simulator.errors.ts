/** Stable error codes of the PEPS simulator (DOMAIN.md §4.4); clients branch on the code, never on the message. */
export const SIMULATOR_ERROR_CODES = [
  "SIMULATOR.TOTAL_PATIENTS_INVALID",
  "SIMULATOR.SHARE_INVALID",
  "SIMULATOR.AGE_SHARES_SUM",
  "SIMULATOR.AGE_BAND_UNKNOWN",
  "SIMULATOR.FEE_FOR_SERVICE_INVALID",
  "SIMULATOR.NO_PATIENT",
] as const;
export type SimulatorErrorCode = (typeof SIMULATOR_ERROR_CODES)[number];

/** French messages shown next to the field. */
export const SIMULATOR_ERROR_MESSAGES: Readonly<Record<SimulatorErrorCode, string>> = {
  "SIMULATOR.TOTAL_PATIENTS_INVALID": "Le nombre de patients doit être un entier positif ou nul.",
  "SIMULATOR.SHARE_INVALID": "La part doit être comprise entre 0 et 100 %.",
  "SIMULATOR.AGE_SHARES_SUM": "Les parts par tranche d'âge doivent totaliser 100 %.",
  "SIMULATOR.AGE_BAND_UNKNOWN": "Cette tranche d'âge n'existe pas dans la table de coefficients.",
  "SIMULATOR.FEE_FOR_SERVICE_INVALID": "Le montant perçu à l'acte doit être un nombre positif ou nul.",
  "SIMULATOR.NO_PATIENT": "Saisissez au moins un patient.",
};
