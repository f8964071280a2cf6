/** Stable error codes of team member validation; clients branch on the code, never on the message. */
export const TEAM_ERROR_CODES = [
  "TEAM.FULL_NAME_REQUIRED",
  "TEAM.FULL_NAME_TOO_SHORT",
  "TEAM.FULL_NAME_TOO_LONG",
  "TEAM.FULL_NAME_INVALID_CHARACTERS",
  "TEAM.PROFESSION_REQUIRED",
  "TEAM.PROFESSION_INVALID",
  "TEAM.RPPS_INVALID",
  "TEAM.ADELI_INVALID",
  "TEAM.RPPS_AND_ADELI",
  "TEAM.RPPS_REQUIRED_FOR_PROFESSION",
  "TEAM.ROLE_INVALID",
  "TEAM.JOINED_AT_INVALID",
  "TEAM.JOINED_AT_TOO_FAR",
  "TEAM.LEFT_AT_INVALID",
  "TEAM.LEFT_AT_BEFORE_JOINED_AT",
] as const;
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number];

/** French messages shown next to the field. */
export const TEAM_ERROR_MESSAGES: Readonly<Record<TeamErrorCode, string>> = {
  "TEAM.FULL_NAME_REQUIRED": "Le nom du professionnel est obligatoire.",
  "TEAM.FULL_NAME_TOO_SHORT": "Le nom du professionnel doit contenir au moins 2 caractères.",
  "TEAM.FULL_NAME_TOO_LONG": "Le nom du professionnel ne peut pas dépasser 120 caractères.",
  "TEAM.FULL_NAME_INVALID_CHARACTERS": "Le nom du professionnel contient des caractères non autorisés (caractères de contrôle).",
  "TEAM.PROFESSION_REQUIRED": "La profession est obligatoire.",
  "TEAM.PROFESSION_INVALID": "Cette profession n'existe pas dans la liste proposée.",
  "TEAM.RPPS_INVALID": "Le numéro RPPS doit comporter 11 chiffres, dont une clé de contrôle valide.",
  "TEAM.ADELI_INVALID": "Le numéro ADELI doit comporter 9 caractères : le code du département puis 7 chiffres.",
  "TEAM.RPPS_AND_ADELI": "Indiquez soit le numéro RPPS, soit le numéro ADELI, pas les deux.",
  "TEAM.RPPS_REQUIRED_FOR_PROFESSION":
    "Cette profession est inscrite au RPPS : indiquez le numéro RPPS (ou laissez les deux numéros vides s'il n'est pas encore connu).",
  "TEAM.ROLE_INVALID": "Ce rôle n'existe pas dans la liste proposée.",
  "TEAM.JOINED_AT_INVALID": "La date d'arrivée doit être une date valide au format AAAA-MM-JJ.",
  "TEAM.JOINED_AT_TOO_FAR": "La date d'arrivée ne peut pas être plus d'un an dans le futur.",
  "TEAM.LEFT_AT_INVALID": "La date de départ doit être une date valide au format AAAA-MM-JJ.",
  "TEAM.LEFT_AT_BEFORE_JOINED_AT": "La date de départ ne peut pas précéder la date d'arrivée.",
};
