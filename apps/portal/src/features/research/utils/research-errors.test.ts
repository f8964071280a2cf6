import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { apiError } from "../../../test/fixtures";
import { describeResearchError } from "./research-errors";

const refusal = (...errors: ReturnType<typeof apiError>[]) => new CombinedGraphQLErrors({ errors: errors as never });

describe("describeResearchError", () => {
  it("explains an exhausted privacy budget", () => {
    expect(describeResearchError(refusal(apiError("PRIVACY_BUDGET_EXHAUSTED", "Budget épuisé.")))).toMatchObject({
      title: "Budget de confidentialité épuisé",
      message: expect.stringContaining("Votre budget de confidentialité (ε) ne permet plus de nouvelle requête bruitée."),
    });
  });

  it("names the field of a bad input, by its French label, and keeps it for the query builder", () => {
    expect(describeResearchError(refusal(apiError("BAD_USER_INPUT", "Choisissez de 1 à 3 dimensions.", { field: "groupBy" })))).toEqual({
      title: "Requête invalide",
      message: "Dimensions : Choisissez de 1 à 3 dimensions.",
      field: "groupBy",
    });
    expect(describeResearchError(refusal(apiError("BAD_USER_INPUT", "Valeur de filtre inconnue.", { field: "filters[0].values" })))).toMatchObject({
      message: "Filtres : Valeur de filtre inconnue.",
      field: "filters[0].values",
    });
    expect(describeResearchError(refusal(apiError("BAD_USER_INPUT", "Saisie invalide.")))).toEqual({ title: "Requête invalide", message: "Saisie invalide." });
  });

  it("explains a role without research access", () => {
    expect(describeResearchError(refusal(apiError("FORBIDDEN")))).toMatchObject({ title: "Accès refusé", message: expect.stringContaining("réservé aux chercheur·ses") });
  });

  it("gives any other code (the removed differencing refusal included) the generic explanation, not a special one", () => {
    const described = describeResearchError(refusal(apiError("DISCLOSURE_RISK", "Risque de différenciation.")));
    expect(described.title).toBe("La requête n’a pas abouti");
    expect(described.message).not.toMatch(/divulgation|combinée à une précédente/);
    expect(describeResearchError(new Error("réseau")).title).toBe("La requête n’a pas abouti");
  });
});
