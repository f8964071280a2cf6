import { describeError, getFieldErrors, getRetryAfterSeconds, hasErrorCode, retryDelayText } from "../../../shared/graphql-errors";

/** The password policy, as shown under every « Nouveau mot de passe » field (the API checks it). */
export const PASSWORD_HINT = "12 caractères au moins ; évitez les mots de passe courants et votre adresse e-mail.";

export const CONFIRMATION_MISMATCH = "Les deux mots de passe ne correspondent pas.";

/** The client-side checks of a new password and its confirmation (the policy itself is the API's). */
export function newPasswordErrors(newPassword: string, confirmation: string): { newPassword?: string; confirmation?: string } {
  if (!newPassword) return { newPassword: "Saisissez un nouveau mot de passe." };
  if (!confirmation) return { confirmation: "Saisissez à nouveau le nouveau mot de passe pour le confirmer." };
  if (confirmation !== newPassword) return { confirmation: CONFIRMATION_MISMATCH };
  return {};
}

/**
 * Splits a failed password mutation into the messages of the form's fields (`extensions.fields`, French messages
 * from the API) and one message for the whole form (rate limit, network, or a field the form does not show).
 */
export function passwordMutationErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): { fieldErrors: Partial<Record<F, string>>; formError: string | null } {
  if (hasErrorCode(error, "TOO_MANY_REQUESTS")) {
    return { fieldErrors: {}, formError: `Trop de tentatives. Réessayez ${retryDelayText(getRetryAfterSeconds(error))}.` };
  }
  const fieldErrors: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const [field, message] of Object.entries(getFieldErrors(error))) {
    if (!message) continue;
    if ((fields as readonly string[]).includes(field)) fieldErrors[field as F] = message;
    else others.push(message);
  }
  const formError = others.length > 0 ? others.join(" ") : Object.keys(fieldErrors).length > 0 ? null : describeError(error);
  return { fieldErrors, formError };
}
