import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BoardQuery } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import { always, filterOptionsMock, type Mock, type Mocks } from "../../../test/mocks";
import { buildBoard, buildBoardCard, buildProjectStages } from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { ADVANCE_PROJECT_STAGE } from "../../pipeline/graphql/advance-project-stage.mutation";
import { BOARD } from "../graphql/board.query";
import { BoardPage } from "./board-page";

const NOW = new Date("2026-11-13T10:00:00.000Z");

const valDeLIsle = buildBoardCard();
const diois = buildBoardCard({
  id: "project-2",
  name: "Pôle de santé du Diois",
  communeName: "Die",
  departementCode: "26",
  chargeName: null,
  status: "ON_HOLD",
  lastActivityAt: "2026-10-14T09:00:00.000Z",
  milestoneProgress: { __typename: "MilestoneProgress", approved: 2, required: 3 },
});

function boardMock(data: BoardQuery, filter: object = {}): Mock {
  return { request: { query: BOARD, variables: { filter } }, result: { data } };
}

function advanceMock(toStage: string, result: Mock["result"], delay = 0): Mock {
  return {
    request: { query: ADVANCE_PROJECT_STAGE, variables: { input: { projectId: "project-1", toStage } } },
    result,
    delay,
  };
}

const movedProject = {
  data: {
    __typename: "Mutation",
    advanceProjectStage: {
      ...buildProjectStages("VALIDATION_ARS"),
      lastActivityAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    },
  },
};

function renderBoard(mocks: Mocks, user = buildUser({ displayName: "Julien Laborde" }), initialEntry = "/tableau") {
  return renderRoutes({
    routes: [{ path: "/tableau", element: <BoardPage /> }],
    initialEntry,
    mocks: [filterOptionsMock, ...mocks],
    user,
  });
}

function column(name: RegExp) {
  return screen.getByRole("region", { name });
}

describe(BoardPage.name, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows one column per stage with its count, and each project's card", async () => {
    renderBoard([boardMock(buildBoard({ PROJET_SANTE: [valDeLIsle], SIGNATURE_ACI: [diois] }))]);

    expect(await screen.findByRole("heading", { level: 2, name: /Projet de santé/ })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 })).toHaveLength(11);
    expect(screen.getByText("2 projets")).toBeInTheDocument();

    const projetSante = column(/^4\. Projet de santé 1 projet$/);
    const card = within(projetSante).getByRole("listitem", { name: "MSP du Val de l'Isle" });
    expect(within(card).getByRole("link", { name: "MSP du Val de l'Isle" })).toHaveAttribute("href", "/projets/project-1");
    expect(card).toHaveTextContent("Saint-Astier (24)");
    expect(card).toHaveTextContent("Julien Laborde");
    expect(card).toHaveTextContent("1/2 jalons");
    expect(card).toHaveTextContent("Dernière activité il y a 12 jours");
    expect(card).not.toHaveTextContent("Actif");

    const aci = within(column(/Signature ACI/)).getByRole("listitem", { name: "Pôle de santé du Diois" });
    expect(aci).toHaveTextContent("Die (26)");
    expect(aci).toHaveTextContent("Chargé·e non attribué·e");
    expect(aci).toHaveTextContent("2/3 jalons");
    expect(aci).toHaveTextContent("il y a 30 jours");
    expect(within(aci).getByText("En pause")).toBeInTheDocument();

    expect(within(column(/Validation ARS/)).getByText("Aucun projet")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Colonnes du tableau, une par étape" })).toHaveAttribute("tabindex", "0");
  });

  it("applies the list's filters from the URL", async () => {
    renderBoard(
      [boardMock(buildBoard({ PROJET_SANTE: [valDeLIsle] }), { departementCodes: ["24"], mine: true })],
      buildUser(),
      "/tableau?departement=24&portefeuille=1",
    );
    expect(await screen.findByRole("listitem", { name: "MSP du Val de l'Isle" })).toBeInTheDocument();
    expect(screen.getByLabelText("Mon portefeuille")).toBeChecked();
    expect(screen.getByText("1 projet")).toBeInTheDocument();
  });

  it("moves a card with the keyboard: « Déplacer vers… », then the button; the card shows in its new column at once", async () => {
    const { user } = renderBoard([
      boardMock(buildBoard({ PROJET_SANTE: [valDeLIsle] })),
      // Slow enough to see the card moved before the API answers.
      advanceMock("VALIDATION_ARS", movedProject, 400),
      always(boardMock(buildBoard({ VALIDATION_ARS: [{ ...valDeLIsle, lastActivityAt: NOW.toISOString() }] }))),
    ]);
    const card = await screen.findByRole("listitem", { name: "MSP du Val de l'Isle" });
    const target = within(card).getByLabelText("Déplacer « MSP du Val de l'Isle » vers…");
    expect(within(target).queryByRole("option", { name: /Diagnostic territorial/ })).not.toBeInTheDocument();

    await user.selectOptions(target, "5. Validation ARS");
    await user.tab();
    expect(within(card).getByRole("button", { name: "Déplacer « MSP du Val de l'Isle »" })).toHaveFocus();
    await user.keyboard("{Enter}");

    // Optimistic: already in the target column, marked busy, counts updated.
    const moving = within(column(/Validation ARS 1 projet/)).getByRole("listitem", { name: "MSP du Val de l'Isle" });
    expect(moving).toHaveAttribute("aria-busy", "true");
    expect(column(/Projet de santé 0 projet/)).toHaveTextContent("Aucun projet");

    expect(await screen.findByText("« MSP du Val de l'Isle » est passé à l’étape « Validation ARS ».")).toBeInTheDocument();
    const moved = within(column(/Validation ARS/)).getByRole("listitem", { name: "MSP du Val de l'Isle" });
    expect(moved).not.toHaveAttribute("aria-busy");
    // The focus comes back in an effect after the move is drawn.
    await waitFor(() => expect(within(moved).getByRole("link", { name: "MSP du Val de l'Isle" })).toHaveFocus());
    expect(moved).toHaveTextContent("Dernière activité aujourd’hui");
  });

  it("lists every unmet requirement of a refused move in an alert, and puts the card back", async () => {
    const { user } = renderBoard([
      always(boardMock(buildBoard({ PROJET_SANTE: [valDeLIsle] }))),
      advanceMock("VALIDATION_ARS", {
        errors: [
          apiError("STAGE_GATE_NOT_MET", "3 conditions ne sont pas remplies pour changer d'étape.", {
            unmet: [
              { key: "MILESTONE_NOT_APPROVED:PROJET_SANTE", stage: "PROJET_SANTE", message: "Le jalon « Projet de santé » doit être validé." },
              {
                key: "MILESTONE_NOT_APPROVED:ENGAGEMENTS_PS",
                stage: "PROJET_SANTE",
                message: "Le jalon « Engagements signés des professionnels » doit être validé.",
              },
              {
                key: "TEAM_MINIMUM_COMPOSITION",
                stage: "PROJET_SANTE",
                message:
                  "L'équipe doit compter au moins 2 médecins généralistes et 1 professionnel paramédical en activité (actuellement : 1 médecin généraliste et 2 paramédicaux).",
              },
            ],
          }),
        ],
      }),
    ]);
    const card = await screen.findByRole("listitem", { name: "MSP du Val de l'Isle" });
    await user.selectOptions(within(card).getByLabelText(/vers…/), "5. Validation ARS");
    await user.click(within(card).getByRole("button", { name: /^Déplacer/ }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Impossible de déplacer « MSP du Val de l'Isle » vers « Validation ARS »");
    expect(alert).toHaveTextContent("3 conditions ne sont pas remplies");
    const items = within(alert).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Le jalon « Projet de santé » doit être validé.",
      "Le jalon « Engagements signés des professionnels » doit être validé.",
      expect.stringMatching(/^L'équipe doit compter au moins 2 médecins généralistes/),
    ]);
    expect(alert).toHaveFocus();
    expect(within(column(/Projet de santé 1 projet/)).getByRole("listitem", { name: "MSP du Val de l'Isle" })).toBeInTheDocument();
    expect(within(column(/Validation ARS 0 projet/)).getByText("Aucun projet")).toBeInTheDocument();

    await user.click(within(alert).getByRole("button", { name: "Fermer" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("moves a card dragged onto another column (HTML drag and drop)", async () => {
    renderBoard([
      boardMock(buildBoard({ PROJET_SANTE: [valDeLIsle] })),
      advanceMock("VALIDATION_ARS", movedProject),
      always(boardMock(buildBoard({ VALIDATION_ARS: [valDeLIsle] }))),
    ]);
    const card = await screen.findByRole("listitem", { name: "MSP du Val de l'Isle" });
    expect(card).toHaveAttribute("draggable", "true");
    const store = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => store.set(type, value),
      getData: (type: string) => store.get(type) ?? "",
      effectAllowed: "none",
      dropEffect: "none",
    };

    fireEvent.dragStart(card, { dataTransfer });
    // An earlier stage is no drop target for a chargé·e.
    const earlier = column(/Diagnostic territorial/);
    expect(fireEvent.dragOver(earlier, { dataTransfer })).toBe(true);
    const target = column(/Validation ARS/);
    // Accepting the drop cancels the dragover event.
    expect(fireEvent.dragOver(target, { dataTransfer })).toBe(false);
    expect(target).toHaveClass("board-column--drop-target");
    fireEvent.drop(target, { dataTransfer });

    expect(await screen.findByText("« MSP du Val de l'Isle » est passé à l’étape « Validation ARS ».")).toBeInTheDocument();
    expect(within(column(/Validation ARS 1 projet/)).getByRole("listitem", { name: "MSP du Val de l'Isle" })).toBeInTheDocument();
  });

  it("asks an admin for a reason before moving a card back", async () => {
    const { user } = renderBoard(
      [
        always(boardMock(buildBoard({ PROJET_SANTE: [valDeLIsle] }))),
        {
          request: {
            query: ADVANCE_PROJECT_STAGE,
            variables: { input: { projectId: "project-1", toStage: "DIAGNOSTIC_TERRITORIAL", reason: "Diagnostic à reprendre" } },
          },
          result: {
            data: {
              __typename: "Mutation",
              advanceProjectStage: { ...buildProjectStages("DIAGNOSTIC_TERRITORIAL"), lastActivityAt: NOW.toISOString(), updatedAt: NOW.toISOString() },
            },
          },
        },
      ],
      buildUser({ role: "FEDERATION_ADMIN" }),
    );
    const card = await screen.findByRole("listitem", { name: "MSP du Val de l'Isle" });
    await user.selectOptions(within(card).getByLabelText(/vers…/), "3. Diagnostic territorial (retour)");
    await user.click(within(card).getByRole("button", { name: /^Déplacer/ }));

    const reason = screen.getByLabelText("Motif du retour (obligatoire)");
    expect(reason).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Confirmer le retour" }));
    expect(reason).toHaveAccessibleDescription("Indiquez le motif du retour à une étape précédente.");

    await user.type(reason, "Diagnostic à reprendre");
    await user.click(screen.getByRole("button", { name: "Confirmer le retour" }));
    expect(await screen.findByText(/est passé à l’étape « Diagnostic territorial »/)).toBeInTheDocument();
  });
});
