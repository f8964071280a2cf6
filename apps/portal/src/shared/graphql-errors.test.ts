import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { describeError, getFieldErrors, getRetryAfterSeconds, getUnmetRequirements, hasErrorCode, retryDelayText } from "./graphql-errors";

function graphQLErrors(...errors: { message: string; extensions: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

describe("graphql errors", () => {
  it("reads the code from extensions.code", () => {
    const error = graphQLErrors({ message: "Projet introuvable.", extensions: { code: "NOT_FOUND" } });
    expect(hasErrorCode(error, "NOT_FOUND")).toBe(true);
    expect(hasErrorCode(error, "FORBIDDEN")).toBe(false);
    expect(hasErrorCode(new Error("Failed to fetch"), "NOT_FOUND")).toBe(false);
  });

  it("keys BAD_USER_INPUT messages by field, from extensions.fields when the API lists them all", () => {
    const error = graphQLErrors({
      message: "Le nom du projet est obligatoire.",
      extensions: {
        code: "BAD_USER_INPUT",
        field: "name",
        fields: [
          { field: "name", code: "PROJECT.NAME_REQUIRED", message: "Le nom du projet est obligatoire." },
          { field: "communeCode", code: "PROJECT.COMMUNE_UNKNOWN", message: "Aucune commune ne correspond à ce code INSEE." },
        ],
      },
    });
    expect(getFieldErrors(error)).toEqual({
      name: "Le nom du projet est obligatoire.",
      communeCode: "Aucune commune ne correspond à ce code INSEE.",
    });
  });

  it("falls back to extensions.field and the error message", () => {
    const error = graphQLErrors({
      message: "Cette personne ne peut pas être désignée.",
      extensions: { code: "BAD_USER_INPUT", field: "input.chargeId" },
    });
    expect(getFieldErrors(error)).toEqual({ chargeId: "Cette personne ne peut pas être désignée." });
  });

  it("explains other failures in French", () => {
    expect(describeError(graphQLErrors({ message: "Forbidden", extensions: { code: "FORBIDDEN" } }))).toBe(
      "Vous n’avez pas les droits nécessaires pour cette action.",
    );
    expect(describeError(new Error("Failed to fetch"))).toMatch(/Vérifiez votre connexion/);
  });

  it("lists every unmet requirement of a refused stage move, in the API's order", () => {
    const error = graphQLErrors({
      message: "2 conditions ne sont pas remplies pour changer d'étape.",
      extensions: {
        code: "STAGE_GATE_NOT_MET",
        unmet: [
          { key: "MILESTONE_NOT_APPROVED:PROJET_SANTE", stage: "PROJET_SANTE", message: "Le jalon « Projet de santé » doit être validé." },
          { key: "TEAM_MINIMUM_COMPOSITION", stage: "PROJET_SANTE", message: "L'équipe doit compter au moins 2 médecins généralistes." },
          { nonsense: true },
        ],
      },
    });
    expect(getUnmetRequirements(error).map((u) => u.message)).toEqual([
      "Le jalon « Projet de santé » doit être validé.",
      "L'équipe doit compter au moins 2 médecins généralistes.",
    ]);
    expect(describeError(error)).toBe("2 conditions ne sont pas remplies pour changer d'étape.");
    expect(getUnmetRequirements(graphQLErrors({ message: "Forbidden", extensions: { code: "FORBIDDEN" } }))).toEqual([]);
  });

  it("falls back to the message of a refusal without its list", () => {
    const error = graphQLErrors({
      message: "Le projet est en pause ou abandonné : réactivez-le avant de changer d'étape.",
      extensions: { code: "STAGE_GATE_NOT_MET" },
    });
    expect(getUnmetRequirements(error)).toEqual([
      { key: "STAGE_GATE_NOT_MET", stage: "", message: "Le projet est en pause ou abandonné : réactivez-le avant de changer d'étape." },
    ]);
  });

  it("reads the wait of a rate limit and says it in French", () => {
    const limited = graphQLErrors({ message: "Trop de demandes.", extensions: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: 840 } });
    expect(getRetryAfterSeconds(limited)).toBe(840);
    expect(retryDelayText(getRetryAfterSeconds(limited))).toBe("dans 14 minutes");
    expect(retryDelayText(45)).toBe("dans une minute");
    expect(retryDelayText(61)).toBe("dans 2 minutes");
    // Without the wait (or for another error), a vague but true sentence.
    expect(getRetryAfterSeconds(graphQLErrors({ message: "Trop de demandes.", extensions: { code: "TOO_MANY_REQUESTS" } }))).toBeNull();
    expect(getRetryAfterSeconds(graphQLErrors({ message: "Interdit", extensions: { code: "FORBIDDEN", retryAfterSeconds: 30 } }))).toBeNull();
    expect(retryDelayText(null)).toBe("dans quelques minutes");
  });
});
