import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ResultPeriodDetailsFragment } from "../../../gql/graphql";
import { buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { APPROVE_RESULT_PERIOD, RETURN_RESULT_PERIOD } from "../graphql/period-decisions.mutation";
import { RESULT_PERIODS_FOR_REVIEW } from "../graphql/result-periods-for-review.query";
import { buildPeriod } from "../test-fixtures";
import { formatEur } from "../utils/numbers";
import { REVIEW_PAGE_SIZE, ReviewPage } from "./review-page";

/** As Testing Library reads text: every space (including the narrow no-break space of French numbers) as " ". */
const eur = (value: number) => formatEur(value).replace(/\s/g, " ");

const SUBMITTED = buildPeriod({
  id: "period-7",
  programme: "ACI",
  year: 2025,
  status: "SUBMITTED",
  submittedAt: "2026-03-02T09:00:00.000Z",
  summary: {
    __typename: "ResultPeriodSummary",
    referenceId: "ACI2017_AV1",
    illustrative: false,
    patients: 4000,
    computedEur: 55650,
    perPatientEur: 13.9125,
    receivedEur: 55000,
    feeForServiceEquivalentEur: null,
    score: 7950,
  },
});

function reviewPage(periods: ResultPeriodDetailsFragment[]) {
  return {
    __typename: "Query" as const,
    resultPeriodsForReview: {
      __typename: "ResultPeriodConnection" as const,
      totalCount: periods.length,
      pageInfo: { __typename: "PageInfo" as const, hasNextPage: false, endCursor: null },
      edges: periods.map((node) => ({ __typename: "ResultPeriodEdge" as const, cursor: node.id, node })),
    },
  };
}

/** The review queue: `before` on the first request, `after` once a decision was made (refetch). */
function queueMocks(before: ResultPeriodDetailsFragment[], after: ResultPeriodDetailsFragment[]): Mocks {
  const request = { query: RESULT_PERIODS_FOR_REVIEW, variables: { status: "SUBMITTED", first: REVIEW_PAGE_SIZE } };
  return [{ request, result: { data: reviewPage(before) } }, always({ request, result: { data: reviewPage(after) } })];
}

function renderReview(mocks: Mocks, user = buildUser({ role: "FEDERATION_ADMIN" })) {
  return renderRoutes({ routes: [{ path: "/resultats/a-valider", element: <ReviewPage /> }], initialEntry: "/resultats/a-valider", mocks, user });
}

describe(ReviewPage.name, () => {
  it("lists the submitted periods and approves one after confirmation", async () => {
    const approve: Mock = {
      request: { query: APPROVE_RESULT_PERIOD, variables: { input: { id: "period-7" } } },
      result: {
        data: { __typename: "Mutation", approveResultPeriod: { ...SUBMITTED, status: "APPROVED", approvedAt: "2026-03-05T10:00:00.000Z" } },
      },
    };
    const { user } = renderReview([approve, ...queueMocks([SUBMITTED], [])]);

    const row = (await screen.findByRole("link", { name: "MSP du Val de l'Isle" })).closest("tr");
    if (!row) throw new Error("row expected");
    expect(row).toHaveTextContent("ACI");
    expect(row).toHaveTextContent("2025");
    expect(row).toHaveTextContent(eur(55650));
    expect(row).toHaveTextContent("2 mars 2026");
    expect(within(row).getByText("Transmis")).toBeInTheDocument();

    await user.click(within(row).getByRole("button", { name: "Examiner ACI 2025 — MSP du Val de l'Isle" }));
    const panel = screen.getByRole("group", { name: "ACI 2025 — MSP du Val de l'Isle" });
    expect(within(panel).getByRole("link", { name: /Voir toute la saisie/ })).toHaveAttribute("href", "/projets/project-1/resultats/period-7?depuis=a-valider");
    await user.click(within(panel).getByRole("button", { name: "Valider" }));
    expect(within(panel).getByText(/La période sera verrouillée/)).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Confirmer la validation" }));

    expect(await screen.findByText("Aucune période en attente de validation.")).toBeInTheDocument();
  });

  it("returns a period to the team only with a comment", async () => {
    const sendBack: Mock = {
      request: { query: RETURN_RESULT_PERIOD, variables: { input: { id: "period-7", comment: "La patientèle ne correspond pas au relevé CPAM." } } },
      result: {
        data: { __typename: "Mutation", returnResultPeriod: { ...SUBMITTED, status: "RETURNED", returnComment: "La patientèle ne correspond pas au relevé CPAM." } },
      },
    };
    const { user } = renderReview([sendBack, ...queueMocks([SUBMITTED], [])]);
    await user.click(await screen.findByRole("button", { name: "Examiner ACI 2025 — MSP du Val de l'Isle" }));
    await user.click(screen.getByRole("button", { name: "Renvoyer" }));
    await user.click(screen.getByRole("button", { name: "Renvoyer à l’équipe" }));
    expect(screen.getByLabelText("Motif du renvoi (obligatoire)")).toHaveAccessibleDescription("Expliquez à l’équipe ce qu’il faut corriger.");

    await user.type(screen.getByLabelText("Motif du renvoi (obligatoire)"), "La patientèle ne correspond pas au relevé CPAM.");
    await user.click(screen.getByRole("button", { name: "Renvoyer à l’équipe" }));
    expect(await screen.findByText("Aucune période en attente de validation.")).toBeInTheDocument();
  });

  it("shows the list read-only to a chargé", async () => {
    const { user } = renderReview(queueMocks([SUBMITTED], [SUBMITTED]), buildUser({ role: "CHARGE_DEVELOPPEMENT" }));
    await user.click(await screen.findByRole("button", { name: "Examiner ACI 2025 — MSP du Val de l'Isle" }));
    const panel = screen.getByRole("group", { name: "ACI 2025 — MSP du Val de l'Isle" });
    expect(within(panel).getByText(eur(55000))).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Valider" })).not.toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Renvoyer" })).not.toBeInTheDocument();
  });
});
