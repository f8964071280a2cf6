import { hasErrorCode } from "../../../shared/graphql-errors";

/** The French message shown above the login form for a failed `login`. */
export function loginErrorMessage(error: unknown): string {
  if (hasErrorCode(error, "UNAUTHENTICATED")) return "Identifiants incorrects";
  if (hasErrorCode(error, "TOO_MANY_REQUESTS")) return "Trop de tentatives, réessayez dans quelques minutes";
  if (hasErrorCode(error, "BAD_USER_INPUT")) return "Vérifiez l’adresse e-mail et le mot de passe saisis.";
  return "La connexion a échoué. Vérifiez votre connexion internet et réessayez.";
}
