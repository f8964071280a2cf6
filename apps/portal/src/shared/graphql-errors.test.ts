import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { describeError, getFieldErrors, hasErrorCode } from "./graphql-errors";

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
});
