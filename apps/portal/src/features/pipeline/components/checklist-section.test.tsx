import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ChecklistItemDetailsFragment, ProjectStage } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { buildChecklistItem, buildMissingEngagements, buildSubmission, JULIEN } from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { PROJECT_CHECKLIST } from "../graphql/project-checklist.query";
import { REVIEW_MILESTONE } from "../graphql/review-milestone.mutation";
import { ChecklistSection } from "./checklist-section";

function checklistMock(items: ChecklistItemDetailsFragment[], stage: ProjectStage = "PROJET_SANTE"): Mock {
  return {
    request: { query: PROJECT_CHECKLIST, variables: { id: "project-1", stage } },
    result: { data: { __typename: "Query", project: { __typename: "Project", id: "project-1", checklist: items } } },
  };
}

const reglement = buildChecklistItem({
  key: "CUSTOM_CHARTE",
  label: "Charte de fonctionnement",
  description: null,
  required: false,
  isCustom: true,
  status: "APPROVED",
  fields: [],
  lastSubmission: buildSubmission({
    id: "submission-0",
    milestoneKey: "CUSTOM_CHARTE",
    milestoneLabel: "Charte de fonctionnement",
    status: "APPROVED",
    comment: null,
    fields: [],
    files: [],
    reviewer: JULIEN,
    reviewedAt: "2026-10-20T14:00:00.000Z",
    reviewComment: "Parfait.",
  }),
});

const changesRequested = buildChecklistItem({
  key: "LISTE_PS",
  label: "Liste des professionnels",
  status: "CHANGES_REQUESTED",
  fields: [],
  lastSubmission: buildSubmission({
    id: "submission-9",
    status: "CHANGES_REQUESTED",
    fields: [],
    reviewer: JULIEN,
    reviewedAt: "2026-10-25T09:00:00.000Z",
    reviewComment: "Il manque les numéros RPPS.",
  }),
});

const pending = buildChecklistItem();
const missing = buildMissingEngagements();

function reviewMock(input: object, submission = buildSubmission({ status: "APPROVED" })): Mock {
  return {
    request: { query: REVIEW_MILESTONE, variables: { input } },
    result: { data: { __typename: "Mutation", reviewMilestone: submission } },
  };
}

function renderChecklist(mocks: Mocks, user = buildUser()) {
  const isStaff = user.role === "CHARGE_DEVELOPPEMENT" || user.role === "FEDERATION_ADMIN";
  return renderRoutes({
    routes: [
      {
        path: "/projets/:projectId",
        element: <ChecklistSection projectId="project-1" currentStage="PROJET_SANTE" canReview={isStaff} canSubmit />,
      },
    ],
    initialEntry: "/projets/project-1",
    mocks,
    user,
  });
}

function milestone(name: string) {
  return screen.getByRole("listitem", { name });
}

describe(ChecklistSection.name, () => {
  it("shows each milestone's status and its last submission: files, fields, comment, author, review", async () => {
    renderChecklist([checklistMock([pending, missing, changesRequested, reglement])]);

    const projetSante = await screen.findByRole("listitem", { name: "Projet de santé" });
    expect(within(projetSante).getByText("En attente de relecture")).toBeInTheDocument();
    expect(within(projetSante).getByText("Obligatoire")).toBeInTheDocument();
    const file = within(projetSante).getByRole("link", { name: "projet-de-sante-v3.pdf" });
    expect(file).toHaveAttribute("href", "/files/file-1");
    expect(file).toHaveAttribute("download", "projet-de-sante-v3.pdf");
    expect(projetSante).toHaveTextContent("(242,2 Ko)");
    expect(projetSante).toHaveTextContent("Date de la version30 octobre 2026");
    expect(projetSante).toHaveTextContent("Commentaire de l’équipe : Version relue par toute l’équipe");
    expect(projetSante).toHaveTextContent("Dernier dépôt le 2 novembre 2026 à 09:30 par Marion Lacoste");

    const engagements = milestone("Engagements signés des professionnels");
    expect(within(engagements).getByText("À déposer")).toBeInTheDocument();
    expect(engagements).toHaveTextContent("Aucun dépôt pour le moment.");

    const liste = milestone("Liste des professionnels");
    expect(within(liste).getByText("Modifications demandées", { selector: ".badge" })).toBeInTheDocument();
    expect(liste).toHaveTextContent("Modifications demandées le 25 octobre 2026 à 10:00 par Julien Laborde");
    expect(liste).toHaveTextContent("Commentaire de la fédération : Il manque les numéros RPPS.");

    const charte = milestone("Charte de fonctionnement");
    expect(within(charte).getByText("Validé", { selector: ".badge" })).toBeInTheDocument();
    expect(within(charte).getByText("Facultatif")).toBeInTheDocument();
    expect(within(charte).getByText("Ajouté par la fédération")).toBeInTheDocument();

    // Only the pending submission can be reviewed.
    expect(screen.getAllByRole("button", { name: /^Valider/ })).toHaveLength(1);
  });

  it("lets staff approve a pending submission, then shows it validated", async () => {
    const { user } = renderChecklist([
      checklistMock([pending, missing]),
      reviewMock({ submissionId: "submission-1", decision: "APPROVE" }),
      always(
        checklistMock([
          {
            ...pending,
            status: "APPROVED",
            lastSubmission: buildSubmission({ status: "APPROVED", reviewer: JULIEN, reviewedAt: "2026-11-05T10:00:00.000Z" }),
          },
          missing,
        ]),
      ),
    ]);
    const projetSante = await screen.findByRole("listitem", { name: "Projet de santé" });
    await user.click(within(projetSante).getByRole("button", { name: "Valider « Projet de santé »" }));

    expect(await screen.findByText("« Projet de santé » est validé.")).toBeInTheDocument();
    expect(await within(milestone("Projet de santé")).findByText("Validé", { selector: ".badge" })).toBeInTheDocument();
    expect(milestone("Projet de santé")).toHaveTextContent("Validé le 5 novembre 2026 à 11:00 par Julien Laborde");
    expect(screen.queryByRole("button", { name: /^Valider/ })).not.toBeInTheDocument();
  });

  it("asks for a comment before requesting changes, and sends it", async () => {
    const { user } = renderChecklist([
      checklistMock([pending]),
      reviewMock(
        { submissionId: "submission-1", decision: "REQUEST_CHANGES", comment: "Ajoutez l’axe santé mentale." },
        buildSubmission({ status: "CHANGES_REQUESTED", reviewComment: "Ajoutez l’axe santé mentale.", reviewer: JULIEN }),
      ),
      always(checklistMock([{ ...pending, status: "CHANGES_REQUESTED" }])),
    ]);
    const projetSante = await screen.findByRole("listitem", { name: "Projet de santé" });
    await user.click(within(projetSante).getByRole("button", { name: "Demander des modifications sur « Projet de santé »" }));
    const comment = within(projetSante).getByLabelText("Modifications attendues (obligatoire)");
    expect(comment).toHaveFocus();

    await user.click(within(projetSante).getByRole("button", { name: "Envoyer la demande" }));
    expect(comment).toHaveAccessibleDescription("Expliquez à l’équipe ce qu’il faut modifier.");

    await user.type(comment, "Ajoutez l’axe santé mentale.");
    await user.click(within(projetSante).getByRole("button", { name: "Envoyer la demande" }));
    expect(await screen.findByText("Demande de modifications envoyée pour « Projet de santé ».")).toBeInTheDocument();
    expect(
      await within(milestone("Projet de santé")).findByText("Modifications demandées", { selector: ".badge" }),
    ).toBeInTheDocument();
  });

  it("explains a review refused by the API", async () => {
    const { user } = renderChecklist([
      always(checklistMock([pending])),
      {
        request: { query: REVIEW_MILESTONE, variables: { input: { submissionId: "submission-1", decision: "APPROVE" } } },
        result: {
          errors: [apiError("BAD_USER_INPUT", "Ce dépôt a déjà été relu.", { field: "submissionId" })],
        },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Valider « Projet de santé »" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ce dépôt a déjà été relu.");
  });

  it("offers an MSP member to submit, without review actions", async () => {
    const { user } = renderChecklist(
      [checklistMock([pending, missing])],
      buildUser({ role: "MSP_MEMBER", mspProject: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" } }),
    );
    const engagements = await screen.findByRole("listitem", { name: "Engagements signés des professionnels" });
    expect(screen.queryByRole("button", { name: /^Valider/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Déposer une nouvelle version : Projet de santé" })).toBeInTheDocument();

    await user.click(within(engagements).getByRole("button", { name: "Déposer : Engagements signés des professionnels" }));
    const form = within(engagements).getByRole("form", { name: "Déposer « Engagements signés des professionnels »" });
    expect(within(form).getByLabelText("Documents")).toHaveAttribute("type", "file");
    await user.click(within(form).getByRole("button", { name: "Annuler" }));
    expect(within(engagements).queryByRole("form")).not.toBeInTheDocument();
    expect(within(engagements).getByRole("button", { name: "Déposer : Engagements signés des professionnels" })).toHaveFocus();
  });

  it("shows another stage's checklist picked in the list", async () => {
    const { user } = renderChecklist([
      checklistMock([pending]),
      checklistMock(
        [
          buildChecklistItem({
            key: "VALIDATION_ARS",
            label: "Validation du projet de santé par l'ARS",
            stage: "VALIDATION_ARS",
            status: "MISSING",
            lastSubmission: null,
          }),
        ],
        "VALIDATION_ARS",
      ),
    ]);
    const picker = await screen.findByLabelText("Étape affichée");
    expect(picker).toHaveValue("PROJET_SANTE");
    expect(within(picker).getByRole("option", { name: "4. Projet de santé (étape en cours)" })).toBeInTheDocument();
    await screen.findByRole("listitem", { name: "Projet de santé" });

    await user.selectOptions(picker, "VALIDATION_ARS");
    expect(await screen.findByRole("listitem", { name: "Validation du projet de santé par l'ARS" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Jalons de l’étape « Validation ARS »" })).toBeInTheDocument();
  });
});
