import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as frenchDictionary } from "@zxcvbn-ts/language-fr";

import type { FieldProblem } from "../../common/errors.js";

/** Shortest accepted password (ANSSI's recommendation for a password alone: 12 characters or more). */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest: argon2 hashes anything, but a megabyte "password" is a denial of service. */
export const PASSWORD_MAX_LENGTH = 256;

// zxcvbn-ts (Dropbox's estimator) with its common-password, English and French dictionaries and keyboard patterns.
const estimator = new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...frenchDictionary }, graphs: adjacencyGraphs });

/**
 * The problems of a new password, in French, for the field `field`: too short or too long, one of the common
 * passwords of the dictionaries (or a small variation of one), or built on the user's own e-mail or name. Empty: it
 * may be used. The password itself never appears in a message or a log.
 */
export function passwordProblems(password: string, context: { email: string; displayName?: string | null }, field = "newPassword"): FieldProblem[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field, code: "PASSWORD.TOO_SHORT", message: `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ field, code: "PASSWORD.TOO_LONG", message: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` }];
  }
  const local = context.email.split("@")[0]?.toLowerCase() ?? "";
  const lower = password.toLowerCase();
  if ((local.length >= 4 && lower.includes(local)) || lower.includes(context.email.toLowerCase())) {
    return [{ field, code: "PASSWORD.CONTAINS_EMAIL", message: "Le mot de passe ne doit pas reprendre votre adresse e-mail." }];
  }
  const inputs = [context.email, local, ...(context.displayName ? context.displayName.split(/\s+/) : []), "maillage", "msp"].filter((s) => s.length >= 3);
  const result = estimator.check(password, inputs);
  if (result.score < 3) {
    return [{ field, code: "PASSWORD.TOO_COMMON", message: "Ce mot de passe est trop courant ou trop facile à deviner : choisissez une phrase de plusieurs mots ou ajoutez des caractères variés." }];
  }
  return [];
}
