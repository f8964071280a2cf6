import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ApiTokenRowFragment, ApiTokenScope } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { API_TOKENS } from "../graphql/api-tokens.query";
import { CREATE_API_TOKEN } from "../graphql/create-api-token.mutation";
import { REVOKE_API_TOKEN } from "../graphql/revoke-api-token.mutation";
import { ApiTokensPage } from "./api-tokens-page";

function buildToken(overrides: Partial<ApiTokenRowFragment> = {}): ApiTokenRowFragment {
  return {
    __typename: "ApiToken",
    id: "token-1",
    name: "Script R",
    prefix: "mlg_Ab12Cd",
    scopes: ["RESEARCH_READ" as ApiTokenScope],
    createdAt: "2026-11-02T09:00:00.000Z",
    expiresAt: "2099-01-31T09:00:00.000Z",
    lastUsedAt: "2026-11-20T14:30:00.000Z",
    revokedAt: null,
    ...overrides,
  };
}

const listMock = (tokens: ApiTokenRowFragment[]): Mock => ({
  request: { query: API_TOKENS },
  result: { data: { __typename: "Query", apiTokens: tokens } },
});

function renderPage(mocks: Mock[]) {
  return renderRoutes({ routes: [{ path: "/jetons", element: <ApiTokensPage /> }], initialEntry: "/jetons", mocks, user: buildUser({ role: "RESEARCHER" }) });
}

const text = (s: string | null | undefined) => (s ?? "").replace(/\s/g, " ");

describe(ApiTokensPage.name, () => {
  it("lists the tokens with their prefix, dates and status, and shows how to use one with curl", async () => {
    renderPage([
      listMock([
        buildToken(),
        buildToken({ id: "token-2", name: "Ancien export", prefix: "mlg_Zz99Yy", lastUsedAt: null, expiresAt: "2026-01-01T00:00:00.000Z" }),
        buildToken({ id: "token-3", name: "Jeton fuité", prefix: "mlg_Qq11Rr", revokedAt: "2026-11-10T08:00:00.000Z" }),
      ]),
    ]);
    expect(screen.getByText("Chargement de vos jetons…")).toBeInTheDocument();
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(text(rows[0]?.textContent)).toContain("Script Rmlg_Ab12Cd…Espace recherche (lecture)2 novembre 202631 janvier 209920 novembre 2026 à 15:30Actif");
    expect(within(rows[0]!).getByRole("button", { name: "Révoquer le jeton « Script R »" })).toBeInTheDocument();
    expect(text(rows[1]?.textContent)).toContain("JamaisExpiré");
    expect(text(rows[2]?.textContent)).toContain("Révoqué le 10 novembre 2026");
    // Only live tokens can be revoked.
    expect(within(rows[1]!).queryByRole("button")).not.toBeInTheDocument();
    expect(within(rows[2]!).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Exemple de requête avec curl")).toHaveTextContent("-H 'Authorization: Bearer mlg_VOTRE_JETON'");
  });

  it("says when there is no token yet", async () => {
    renderPage([listMock([])]);
    expect(await screen.findByText("Vous n’avez aucun jeton.")).toBeInTheDocument();
  });

  it("checks the name and the validity before asking the API", async () => {
    const { user } = renderPage([listMock([])]);
    await screen.findByText("Vous n’avez aucun jeton.");
    const days = screen.getByLabelText("Durée de validité (jours)");
    expect(days).toHaveValue(90);
    await user.clear(days);
    await user.type(days, "400");
    await user.click(screen.getByRole("button", { name: "Créer le jeton" }));
    expect(screen.getByLabelText("Nom du jeton")).toHaveAccessibleDescription(/Donnez un nom au jeton/);
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(days).toHaveAccessibleDescription(/La durée de validité va de 1 à 365 jours\./);
  });

  it("creates a token, shows the secret once with a copy button and a warning, and adds it to the list", async () => {
    const created = buildToken({ id: "token-9", name: "Analyse Stata", prefix: "mlg_Nn77Mm", lastUsedAt: null, createdAt: "2026-11-30T10:00:00.000Z", expiresAt: "2027-01-29T10:00:00.000Z" });
    const { user } = renderPage([
      listMock([buildToken()]),
      {
        request: { query: CREATE_API_TOKEN, variables: { input: { name: "Analyse Stata", expiresInDays: 60, scopes: ["RESEARCH_READ"] } } },
        result: { data: { __typename: "Mutation", createApiToken: { __typename: "CreatedApiToken", token: "mlg_Nn77Mm_secret_value", apiToken: created } } },
      },
    ]);
    await screen.findByRole("table");
    await user.type(screen.getByLabelText("Nom du jeton"), "  Analyse Stata ");
    const days = screen.getByLabelText("Durée de validité (jours)");
    await user.clear(days);
    await user.type(days, "60");
    await user.click(screen.getByRole("button", { name: "Créer le jeton" }));

    const panel = await screen.findByRole("region", { name: "Jeton « Analyse Stata » créé" });
    expect(within(panel).getByRole("heading", { name: "Jeton « Analyse Stata » créé" })).toHaveFocus();
    expect(within(panel).getByLabelText("Votre jeton")).toHaveValue("mlg_Nn77Mm_secret_value");
    expect(within(panel).getByRole("note")).toHaveTextContent("Copiez ce jeton maintenant : il ne sera plus jamais affiché.");
    expect(within(panel).getByRole("note")).toHaveTextContent("Il expire le 29 janvier 2027.");

    const writeText = vi.fn<(data: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(panel).getByRole("button", { name: "Copier le jeton" }));
    expect(writeText).toHaveBeenCalledWith("mlg_Nn77Mm_secret_value");
    expect(await within(panel).findByText("Jeton copié dans le presse-papiers.")).toBeInTheDocument();

    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["Analyse Stata", "Script R"]);

    await user.click(within(panel).getByRole("button", { name: "J’ai copié le jeton, le masquer" }));
    expect(screen.queryByDisplayValue("mlg_Nn77Mm_secret_value")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Créer le jeton" })).toBeInTheDocument();
  });

  it("asks for the research space only by default; reading everything or writing only when ticked, and shows each token's scopes", async () => {
    const created = buildToken({ id: "token-8", name: "Synchro", scopes: ["READ", "WRITE"] as ApiTokenScope[] });
    const { user } = renderPage([
      listMock([buildToken()]),
      {
        request: { query: CREATE_API_TOKEN, variables: { input: { name: "Synchro", expiresInDays: 90, scopes: ["READ", "WRITE"] } } },
        result: { data: { __typename: "Mutation", createApiToken: { __typename: "CreatedApiToken", token: "mlg_secret", apiToken: created } } },
      },
    ]);
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("Espace recherche (lecture)");
    const research = screen.getByRole("checkbox", { name: "Espace recherche (lecture)" });
    const read = screen.getByRole("checkbox", { name: "Lecture de toutes vos données" });
    const write = screen.getByRole("checkbox", { name: "Modifications" });
    expect(research).toBeChecked();
    expect(read).not.toBeChecked();
    expect(write).not.toBeChecked();
    // None ticked: refused before asking the API.
    await user.click(research);
    await user.type(screen.getByLabelText("Nom du jeton"), "Synchro");
    await user.click(screen.getByRole("button", { name: "Créer le jeton" }));
    expect(await screen.findByText("Choisissez au moins une portée.")).toBeInTheDocument();
    await user.click(read);
    await user.click(write);
    await user.click(screen.getByRole("button", { name: "Créer le jeton" }));
    await screen.findByRole("region", { name: "Jeton « Synchro » créé" });
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Lecture de toutes vos données, Modifications");
  });

  it("shows the API's field error (too many tokens) under the name", async () => {
    const { user } = renderPage([
      listMock([]),
      {
        request: { query: CREATE_API_TOKEN, variables: { input: { name: "Onzième", expiresInDays: 90, scopes: ["RESEARCH_READ"] } } },
        result: { errors: [apiError("BAD_USER_INPUT", "Vous avez déjà 10 jetons actifs : révoquez-en un d'abord.", { field: "name" })] as never },
      },
    ]);
    await screen.findByText("Vous n’avez aucun jeton.");
    await user.type(screen.getByLabelText("Nom du jeton"), "Onzième");
    await user.click(screen.getByRole("button", { name: "Créer le jeton" }));
    expect(await screen.findByText("Vous avez déjà 10 jetons actifs : révoquez-en un d'abord.")).toBeInTheDocument();
    expect(screen.getByLabelText("Nom du jeton")).toHaveAttribute("aria-invalid", "true");
  });

  it("revokes a token after a confirmation, and can be cancelled", async () => {
    const { user } = renderPage([
      listMock([buildToken()]),
      {
        request: { query: REVOKE_API_TOKEN, variables: { id: "token-1" } },
        result: { data: { __typename: "Mutation", revokeApiToken: buildToken({ revokedAt: "2026-11-30T11:00:00.000Z" }) } },
      },
    ]);
    const open = await screen.findByRole("button", { name: "Révoquer le jeton « Script R »" });
    await user.click(open);
    const confirm = screen.getByRole("group", { name: "Confirmer la révocation du jeton « Script R »" });
    expect(within(confirm).getByRole("button", { name: "Confirmer la révocation" })).toHaveFocus();
    await user.click(within(confirm).getByRole("button", { name: "Annuler" }));
    expect(screen.queryByRole("group", { name: /Confirmer la révocation/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Révoquer le jeton « Script R »" }));
    await user.click(screen.getByRole("button", { name: "Confirmer la révocation" }));
    expect(await screen.findByText("Le jeton « Script R » est révoqué : il ne permet plus d’accéder à l’API.")).toBeInTheDocument();
    const row = within(screen.getByRole("table")).getAllByRole("row")[1]!;
    expect(text(row.textContent)).toContain("Révoqué le 30 novembre 2026");
    expect(within(row).queryByRole("button")).not.toBeInTheDocument();
  });

  it("offers a retry when the list cannot be loaded", async () => {
    renderPage([{ request: { query: API_TOKENS }, result: { errors: [apiError("INTERNAL_SERVER_ERROR")] as never } }]);
    expect(await screen.findByRole("alert")).toHaveTextContent("Impossible de charger vos jetons");
    expect(screen.getByRole("button", { name: "Réessayer" })).toBeInTheDocument();
  });
});
