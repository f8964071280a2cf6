import type { UserStatus } from "../../../gql/graphql";

/** Where an account stands, in words (the badge is never colour only). */
export const USER_STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  ACTIVE: "Actif",
  INVITED: "Invitation en attente",
  DEACTIVATED: "Désactivé",
};

/** The badge modifier of each status (the shared badge colours: green, amber, red). */
export const USER_STATUS_BADGES: Readonly<Record<UserStatus, string>> = {
  ACTIVE: "badge--active",
  INVITED: "badge--on-hold",
  DEACTIVATED: "badge--abandoned",
};

/** Said when the API could not send the invitation e-mail and returned the link instead. */
export const NO_EMAIL_SENT_MESSAGE = "Aucun e-mail n'a pu être envoyé : transmettez ce lien à la personne (valable 7 jours).";
