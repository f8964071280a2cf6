import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ProjectStagesFragment } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { buildProjectStages } from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { ADVANCE_PROJECT_STAGE } from "../graphql/advance-project-stage.mutation";
import { PROJECT_STAGES_QUERY } from "../graphql/project-stages.query";
import { SET_STAGE_APPLICABILITY } from "../graphql/set-stage-applicability.mutation";
import { StageSection } from "./stage-section";

const NOW = "2026-11-13T10:00:00.000Z";

function stagesMock(project: ProjectStagesFragment): Mock {
  return always({
    request: { query: PROJECT_STAGES_QUERY, variables: { id: "project-1" } },
    result: { data: { __typename: "Query", project } },
  });
}

function answered(project: ProjectStagesFragment) {
  return { ...project, lastActivityAt: NOW, updatedAt: NOW };
}

function renderSection(mocks: Mocks, user = buildUser()) {
  const isStaff = user.role === "CHARGE_DEVELOPPEMENT" || user.role === "FEDERATION_ADMIN";
  return renderRoutes({
    routes: [
      {
        path: "/projets/:projectId",
        element: (
          <StageSection
            projectId="project-1"
            stage="PROJET_SANTE"
            status="ACTIVE"
            canManage={isStaff}
            canMoveBack={user.role === "FEDERATION_ADMIN"}
          />
        ),
      },
    ],
    initialEntry: "/projets/project-1",
    mocks,
    user,
  });
}

describe(StageSection.name, () => {
  it("shows the completed stages with their dates, the current one, and the not applicable ones with their reason", async () => {
    renderSection([stagesMock(buildProjectStages("PROJET_SANTE", {}, { IMMOBILIER: "MSP multisite « hors les murs »" }))]);
    expect(await screen.findByText(/Jalons obligatoires validés/)).toHaveTextContent("0/2");
    const steps = within(screen.getByRole("list", { name: "Étapes du projet" })).getAllByRole("listitem");
    expect(steps[0]).toHaveTextContent("Premier contact / émergence (étape franchie)Franchie le 1 février 2026");
    expect(steps[3]).toHaveAttribute("aria-current", "step");
    expect(steps[3]).toHaveTextContent("Projet de santé (étape en cours)Depuis le 1 avril 2026");
    expect(steps[6]).toHaveTextContent("Immobilier (non applicable)Non applicable : MSP multisite « hors les murs »");
    expect(steps[7]).toHaveTextContent(/^8Financements$/);
  });

  it("lists every unmet requirement when « Passer à l’étape suivante » is refused", async () => {
    const { user } = renderSection([
      stagesMock(buildProjectStages("PROJET_SANTE")),
      {
        request: { query: ADVANCE_PROJECT_STAGE, variables: { input: { projectId: "project-1", toStage: "VALIDATION_ARS" } } },
        result: {
          errors: [
            apiError("STAGE_GATE_NOT_MET", "2 conditions ne sont pas remplies pour changer d'étape.", {
              unmet: [
                { key: "MILESTONE_NOT_APPROVED:ENGAGEMENTS_PS", stage: "PROJET_SANTE", message: "Le jalon « Engagements signés des professionnels » doit être validé." },
                {
                  key: "TEAM_MINIMUM_COMPOSITION",
                  stage: "PROJET_SANTE",
                  message: "L'équipe doit compter au moins 2 médecins généralistes et 1 professionnel paramédical en activité (actuellement : 1 médecin généraliste et 2 paramédicaux).",
                },
              ],
            }),
          ],
        },
      },
    ]);
    const button = await screen.findByRole("button", { name: "Passer à l’étape suivante" });
    expect(button).toHaveAccessibleDescription("Étape suivante : Validation ARS.");
    await user.click(button);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Impossible de passer à l’étape « Validation ARS »");
    expect(within(alert).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Le jalon « Engagements signés des professionnels » doit être validé.",
      "L'équipe doit compter au moins 2 médecins généralistes et 1 professionnel paramédical en activité (actuellement : 1 médecin généraliste et 2 paramédicaux).",
    ]);
  });

  it("moves the project on when the gates hold", async () => {
    const { user } = renderSection([
      stagesMock(buildProjectStages("PROJET_SANTE")),
      {
        request: { query: ADVANCE_PROJECT_STAGE, variables: { input: { projectId: "project-1", toStage: "VALIDATION_ARS" } } },
        result: { data: { __typename: "Mutation", advanceProjectStage: answered(buildProjectStages("VALIDATION_ARS")) } },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Passer à l’étape suivante" }));
    expect(await screen.findByText("Le projet est passé à l’étape « Validation ARS ».")).toBeInTheDocument();
    expect(await screen.findByText(/Étape 5 sur 11/)).toHaveTextContent("Étape 5 sur 11 : Validation ARS");
    expect(screen.getByRole("button", { name: "Passer à l’étape suivante" })).toHaveAccessibleDescription(
      "Étape suivante : Structure juridique.",
    );
  });

  it("marks an optional stage not applicable, with a reason, and applicable again", async () => {
    const { user } = renderSection([
      stagesMock(buildProjectStages("PROJET_SANTE")),
      {
        request: {
          query: SET_STAGE_APPLICABILITY,
          variables: { input: { projectId: "project-1", stage: "IMMOBILIER", notApplicable: true, reason: "MSP multisite" } },
        },
        result: {
          data: { __typename: "Mutation", setStageApplicability: answered(buildProjectStages("PROJET_SANTE", {}, { IMMOBILIER: "MSP multisite" })) },
        },
      },
      {
        request: { query: SET_STAGE_APPLICABILITY, variables: { input: { projectId: "project-1", stage: "IMMOBILIER", notApplicable: false } } },
        result: { data: { __typename: "Mutation", setStageApplicability: answered(buildProjectStages("PROJET_SANTE")) } },
      },
    ]);
    const optional = await screen.findByRole("group", { name: "Étapes facultatives" });
    await user.click(within(optional).getByRole("button", { name: "Marquer non applicable l’étape « Immobilier »" }));
    const reason = within(optional).getByLabelText("Pourquoi cette étape ne s’applique-t-elle pas ?");
    await user.click(within(optional).getByRole("button", { name: "Confirmer" }));
    expect(reason).toHaveAccessibleDescription(/Indiquez pourquoi cette étape ne s’applique pas/);

    await user.type(reason, "MSP multisite");
    await user.click(within(optional).getByRole("button", { name: "Confirmer" }));
    expect(await screen.findByText("L’étape « Immobilier » est marquée non applicable.")).toBeInTheDocument();
    await vi.waitFor(() => expect(optional).toHaveTextContent("Immobilier : non applicable (MSP multisite)"));

    await user.click(within(optional).getByRole("button", { name: "Rendre applicable l’étape « Immobilier »" }));
    expect(await screen.findByText("L’étape « Immobilier » s’applique de nouveau.")).toBeInTheDocument();
  });

  it("lets an admin move the project back, only with a reason", async () => {
    const { user } = renderSection(
      [
        stagesMock(buildProjectStages("PROJET_SANTE")),
        {
          request: {
            query: ADVANCE_PROJECT_STAGE,
            variables: { input: { projectId: "project-1", toStage: "PRE_DIAGNOSTIC", reason: "Étude de faisabilité à refaire" } },
          },
          result: { data: { __typename: "Mutation", advanceProjectStage: answered(buildProjectStages("PRE_DIAGNOSTIC")) } },
        },
      ],
      buildUser({ role: "FEDERATION_ADMIN" }),
    );
    await user.click(await screen.findByRole("button", { name: "Revenir à une étape" }));
    const form = screen.getByRole("form", { name: "Revenir à une étape précédente" });
    await user.selectOptions(within(form).getByLabelText("Revenir à l’étape"), "2. Pré-diagnostic et faisabilité");
    await user.click(within(form).getByRole("button", { name: "Revenir à cette étape" }));
    expect(within(form).getByLabelText("Motif (obligatoire)")).toHaveAccessibleDescription(
      "Indiquez le motif du retour à une étape précédente.",
    );

    await user.type(within(form).getByLabelText("Motif (obligatoire)"), "Étude de faisabilité à refaire");
    await user.click(within(form).getByRole("button", { name: "Revenir à cette étape" }));
    expect(await screen.findByText("Le projet est revenu à l’étape « Pré-diagnostic et faisabilité ».")).toBeInTheDocument();
  });

  it("does not offer « Revenir à une étape » to a chargé·e", async () => {
    renderSection([stagesMock(buildProjectStages("PROJET_SANTE"))]);
    expect(await screen.findByRole("button", { name: "Passer à l’étape suivante" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Revenir à une étape" })).not.toBeInTheDocument();
  });

  it("shows an MSP member the stages without any action", async () => {
    renderSection([stagesMock(buildProjectStages("PROJET_SANTE"))], buildUser({ role: "MSP_MEMBER" }));
    expect(await screen.findByText(/Jalons obligatoires validés/)).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
