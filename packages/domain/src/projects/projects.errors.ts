/** Stable error codes of project input validation; clients branch on the code, never on the message. */
export const PROJECT_ERROR_CODES = [
  "PROJECT.NAME_REQUIRED",
  "PROJECT.NAME_TOO_SHORT",
  "PROJECT.NAME_TOO_LONG",
  "PROJECT.NAME_INVALID_CHARACTERS",
  "PROJECT.COMMUNE_REQUIRED",
  "PROJECT.COMMUNE_INVALID_FORMAT",
  "PROJECT.COMMUNE_UNKNOWN",
  "PROJECT.CHARGE_NOT_ASSIGNABLE",
] as const;
export type ProjectErrorCode = (typeof PROJECT_ERROR_CODES)[number];

/** French messages shown next to the field. */
export const PROJECT_ERROR_MESSAGES: Readonly<Record<ProjectErrorCode, string>> = {
  "PROJECT.NAME_REQUIRED": "Le nom du projet est obligatoire.",
  "PROJECT.NAME_TOO_SHORT": "Le nom du projet doit contenir au moins 3 caractères.",
  "PROJECT.NAME_TOO_LONG": "Le nom du projet ne peut pas dépasser 120 caractères.",
  "PROJECT.NAME_INVALID_CHARACTERS": "Le nom du projet contient des caractères non autorisés (caractères de contrôle).",
  "PROJECT.COMMUNE_REQUIRED": "La commune est obligatoire.",
  "PROJECT.COMMUNE_INVALID_FORMAT":
    "Le code commune doit être un code INSEE à 5 caractères (par exemple 75056 ou 2A004), et non un code postal.",
  "PROJECT.COMMUNE_UNKNOWN": "Aucune commune ne correspond à ce code INSEE.",
  "PROJECT.CHARGE_NOT_ASSIGNABLE": "Cette personne ne peut pas être désignée comme chargé·e de développement du projet.",
};
