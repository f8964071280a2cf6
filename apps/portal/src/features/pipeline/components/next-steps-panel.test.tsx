import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChecklistItemDetailsFragment } from "../../../gql/graphql";
import { installFakeXhr, storedFile } from "../../../test/fake-xhr";
import { buildProjectDetails, buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import {
  buildChecklistItem,
  buildMissingEngagements,
  buildProjectStages,
  buildSubmission,
  buildTeamMember,
  JULIEN,
} from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { ProjectPage } from "../../projects";
import { PROJECT } from "../../projects/graphql/project.query";
import { PROJECT_CHECKLIST } from "../graphql/project-checklist.query";
import { PROJECT_NEXT_STEPS } from "../graphql/project-next-steps.query";
import { PROJECT_STAGES_QUERY } from "../graphql/project-stages.query";
import { PROJECT_TEAM } from "../graphql/project-team.query";
import { PROJECT_TIMELINE } from "../graphql/project-timeline.query";
import { SUBMIT_MILESTONE } from "../graphql/submit-milestone.mutation";
import { TIMELINE_PAGE_SIZE } from "./timeline-section";
import { NextStepsPanel } from "./next-steps-panel";

const MSP_USER = buildUser({
  role: "MSP_MEMBER",
  displayName: "Marion Lacoste",
  mspProject: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" },
});

const engagements = buildMissingEngagements();
const listePs = buildChecklistItem({
  key: "LISTE_PS",
  label: "Liste des professionnels de santé intéressés",
  stage: "PROJET_SANTE",
  status: "CHANGES_REQUESTED",
  fields: [],
  lastSubmission: buildSubmission({
    id: "submission-4",
    status: "CHANGES_REQUESTED",
    reviewer: JULIEN,
    reviewedAt: "2026-11-03T09:00:00.000Z",
    reviewComment: "Ajoutez les numéros RPPS des médecins.",
  }),
});

function nextStepsMock(nextSteps: ChecklistItemDetailsFragment[]): Mock {
  return {
    request: { query: PROJECT_NEXT_STEPS, variables: { id: "project-1" } },
    result: { data: { __typename: "Query", project: { __typename: "Project", id: "project-1", stage: "PROJET_SANTE", nextSteps } } },
  };
}

/** Every section of the project page, answered as often as asked. */
const pageMocks: Mocks = [
  always({
    request: { query: PROJECT, variables: { id: "project-1" } },
    result: {
      data: {
        __typename: "Query",
        project: buildProjectDetails({ name: "MSP du Val de l'Isle", stage: "PROJET_SANTE", status: "ACTIVE", statusReason: null }),
      },
    },
  }),
  always({
    request: { query: PROJECT_STAGES_QUERY, variables: { id: "project-1" } },
    result: { data: { __typename: "Query", project: buildProjectStages("PROJET_SANTE") } },
  }),
  always({
    request: { query: PROJECT_CHECKLIST, variables: { id: "project-1", stage: "PROJET_SANTE" } },
    result: {
      data: { __typename: "Query", project: { __typename: "Project", id: "project-1", checklist: [buildChecklistItem(), engagements] } },
    },
  }),
  always({
    request: { query: PROJECT_TEAM, variables: { id: "project-1" } },
    result: { data: { __typename: "Query", project: { __typename: "Project", id: "project-1", team: [buildTeamMember()] } } },
  }),
  always({
    request: { query: PROJECT_TIMELINE, variables: { id: "project-1", first: TIMELINE_PAGE_SIZE } },
    result: { data: { __typename: "Query", project: { __typename: "Project", id: "project-1", timeline: [] } } },
  }),
];

function renderPage(mocks: Mocks, user = MSP_USER) {
  return renderRoutes({
    routes: [{ path: "/projets/:projectId", element: <ProjectPage /> }],
    initialEntry: "/projets/project-1",
    mocks: [...mocks, ...pageMocks],
    user,
  });
}

describe(NextStepsPanel.name, () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("opens an MSP member's project page with what to submit or correct, each with its form", async () => {
    renderPage([always(nextStepsMock([engagements, listePs]))]);
    const panel = await screen.findByRole("region", { name: "Prochaines étapes" });
    // At the top of the page, before the project's details.
    const details = screen.getByRole("region", { name: "Avancement" });
    expect(panel.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    expect(await within(panel).findByText(/Voici ce qu’il reste à déposer ou à corriger/)).toHaveTextContent(
      "Étape en cours : Projet de santé.",
    );
    const steps = within(panel).getAllByRole("listitem", { name: /./ });
    expect(steps.map((step) => within(step).getByRole("heading").textContent)).toEqual([
      "Engagements signés des professionnels",
      "Liste des professionnels de santé intéressés",
    ]);
    expect(within(steps[0]!).getByText("À déposer")).toBeInTheDocument();
    expect(within(steps[1]!).getByText("Modifications demandées")).toBeInTheDocument();
    expect(steps[1]).toHaveTextContent("Modifications demandées par la fédération : Ajoutez les numéros RPPS des médecins.");
    expect(within(steps[0]!).getByRole("form", { name: "Déposer « Engagements signés des professionnels »" })).toBeInTheDocument();
    expect(within(steps[1]!).getByRole("form", { name: "Déposer « Liste des professionnels de santé intéressés »" })).toBeInTheDocument();
  });

  it("submits a document from the panel; the step then leaves the list", async () => {
    const file = new File(["%PDF-1.4 engagements"], "engagements-signes.pdf", { type: "application/pdf" });
    const { user } = renderPage([
      nextStepsMock([engagements]),
      {
        request: {
          query: SUBMIT_MILESTONE,
          variables: { input: { projectId: "project-1", milestoneKey: "ENGAGEMENTS_PS", fileIds: ["file-7"], fields: [] } },
        },
        result: { data: { __typename: "Mutation", submitMilestone: buildSubmission({ id: "submission-7", milestoneKey: "ENGAGEMENTS_PS" }) } },
      },
      always(nextStepsMock([])),
    ]);
    const panel = await screen.findByRole("region", { name: "Prochaines étapes" });
    const form = await within(panel).findByRole("form", { name: "Déposer « Engagements signés des professionnels »" });
    await user.upload(within(form).getByLabelText("Documents"), file);
    await xhr.instances[0]?.progress(100, 100);
    await xhr.instances[0]?.respond(201, storedFile("file-7", file));
    await user.click(within(form).getByRole("button", { name: "Déposer" }));

    expect(await within(panel).findByText("« Engagements signés des professionnels » est déposé : la fédération va le relire.")).toBeInTheDocument();
    expect(await within(panel).findByText(/Rien à déposer pour l’étape « Projet de santé »/)).toBeInTheDocument();
  });

  it("is not shown to federation staff", async () => {
    renderPage([], buildUser());
    expect(await screen.findByRole("heading", { level: 1, name: "MSP du Val de l'Isle" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Prochaines étapes" })).not.toBeInTheDocument();
  });
});
