import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TeamMemberRowFragment } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { buildTeamMember } from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { ADD_TEAM_MEMBER } from "../graphql/add-team-member.mutation";
import { PROJECT_TEAM } from "../graphql/project-team.query";
import { UPDATE_TEAM_MEMBER } from "../graphql/update-team-member.mutation";
import { TeamSection } from "./team-section";

const marion = buildTeamMember();
const nurse = buildTeamMember({
  id: "member-2",
  fullName: "Julie Peyrot",
  profession: "INFIRMIER",
  rpps: null,
  adeli: "241234567",
  role: "MEMBER",
  isAssociate: false,
  joinedAt: "2025-06-15",
});
const physio = buildTeamMember({
  id: "member-3",
  fullName: "Hugo Lafon",
  profession: "MASSEUR_KINESITHERAPEUTE",
  rpps: "10004000001",
  role: "COORDINATOR",
  isAssociate: false,
  joinedAt: "2025-09-01",
});
const formerGp = buildTeamMember({
  id: "member-4",
  fullName: "Paul Delteil",
  role: "MEMBER",
  rpps: "10005000009",
  joinedAt: "2024-01-10",
  leftAt: "2026-06-30",
});
const newGp = buildTeamMember({
  id: "member-5",
  fullName: "Dr Camille Roux",
  rpps: "10000000009",
  role: "MEMBER",
  isAssociate: false,
  joinedAt: "2026-11-13",
});

function teamMock(team: TeamMemberRowFragment[]): Mock {
  return {
    request: { query: PROJECT_TEAM, variables: { id: "project-1" } },
    result: { data: { __typename: "Query", project: { __typename: "Project", id: "project-1", team } } },
  };
}

const ADD_INPUT = {
  projectId: "project-1",
  fullName: "Dr Camille Roux",
  profession: "MEDECIN_GENERALISTE",
  role: "MEMBER",
  isAssociate: false,
  joinedAt: "2026-11-13",
  rpps: "10000000009",
};

function renderTeam(mocks: Mocks, canManage = true) {
  return renderRoutes({
    routes: [{ path: "/projets/:projectId", element: <TeamSection projectId="project-1" canManage={canManage} /> }],
    initialEntry: "/projets/project-1",
    mocks,
    user: buildUser({ role: "MSP_MEMBER", mspProject: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" } }),
  });
}

async function fillNewGp(user: ReturnType<typeof renderTeam>["user"], rpps: string) {
  await user.click(await screen.findByRole("button", { name: "Ajouter un membre" }));
  const form = screen.getByRole("form", { name: "Ajouter un membre à l’équipe" });
  await user.type(within(form).getByLabelText("Nom et prénom"), "Dr Camille Roux");
  await user.selectOptions(within(form).getByLabelText("Profession"), "Médecin généraliste");
  await user.type(within(form).getByLabelText("N° RPPS"), rpps);
  return form;
}

describe(TeamSection.name, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-13T10:00:00.000Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lists the active members with profession, RPPS/ADELI, role, associate and arrival; former ones folded away", async () => {
    renderTeam([teamMock([marion, nurse, physio, formerGp])]);
    const table = await screen.findByRole("region", { name: "Membres de l’équipe" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent))).toEqual([
      ["Médecin généraliste", "RPPS 10003000004", "Porteur·se du projet", "Oui", "1 mars 2025", "Départ"],
      ["Infirmier·ère", "ADELI 241234567", "Membre", "Non", "15 juin 2025", "Départ"],
      ["Masseur·se-kinésithérapeute", "RPPS 10004000001", "Coordinateur·rice", "Non", "1 septembre 2025", "Départ"],
    ]);
    expect(within(table).getByRole("rowheader", { name: "Marion Lacoste" })).toBeInTheDocument();
    expect(within(table).queryByText("Paul Delteil")).not.toBeInTheDocument();

    const former = screen.getByText("Anciens membres (1)").closest("details");
    expect(former).not.toHaveAttribute("open");
    expect(former).toHaveTextContent("Paul Delteil");
    expect(former).toHaveTextContent("30 juin 2026");

    expect(
      screen.getByText(/1 médecin généraliste et 2 paramédicaux en activité/),
    ).toHaveTextContent("l’équipe minimale d’une MSP (2 médecins généralistes et 1 paramédical) n’est pas encore constituée.");
  });

  it("refuses an RPPS number with a wrong check digit, next to the field, without calling the API", async () => {
    const { user } = renderTeam([teamMock([marion, nurse, physio])]);
    const form = await fillNewGp(user, "10000000001");
    await user.click(within(form).getByRole("button", { name: "Ajouter à l’équipe" }));

    const rpps = within(form).getByLabelText("N° RPPS");
    expect(rpps).toHaveAttribute("aria-invalid", "true");
    expect(rpps).toHaveAccessibleDescription(/Le numéro RPPS doit comporter 11 chiffres, dont une clé de contrôle valide\.$/);
    await vi.waitFor(() => expect(rpps).toHaveFocus());
  });

  it("shows the API's error on the RPPS field", async () => {
    const { user } = renderTeam([
      always(teamMock([marion, nurse, physio])),
      {
        request: { query: ADD_TEAM_MEMBER, variables: { input: ADD_INPUT } },
        result: {
          errors: [
            apiError("BAD_USER_INPUT", "Le numéro RPPS doit comporter 11 chiffres, dont une clé de contrôle valide.", {
              field: "rpps",
              fields: [{ field: "rpps", code: "TEAM.RPPS_INVALID", message: "Le numéro RPPS doit comporter 11 chiffres, dont une clé de contrôle valide." }],
            }),
          ],
        },
      },
    ]);
    const form = await fillNewGp(user, "100 000 000 09");
    await user.click(within(form).getByRole("button", { name: "Ajouter à l’équipe" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("corrigez les champs signalés");
    expect(within(form).getByLabelText("N° RPPS")).toHaveAccessibleDescription(
      /Le numéro RPPS doit comporter 11 chiffres, dont une clé de contrôle valide\.$/,
    );
  });

  it("adds a second general practitioner: the minimum team is then met", async () => {
    const { user } = renderTeam([
      teamMock([marion, nurse, physio]),
      { request: { query: ADD_TEAM_MEMBER, variables: { input: ADD_INPUT } }, result: { data: { __typename: "Mutation", addTeamMember: newGp } } },
      always(teamMock([marion, nurse, physio, newGp])),
    ]);
    const form = await fillNewGp(user, "10000000009");
    expect(within(form).getByLabelText("Date d’arrivée")).toHaveValue("2026-11-13");
    await user.click(within(form).getByRole("button", { name: "Ajouter à l’équipe" }));

    expect(await screen.findByText("Dr Camille Roux a rejoint l’équipe.")).toBeInTheDocument();
    expect(await screen.findByRole("rowheader", { name: "Dr Camille Roux" })).toBeInTheDocument();
    expect(screen.getByText(/2 médecins généralistes et 2 paramédicaux en activité/)).toHaveTextContent(
      "l’équipe minimale d’une MSP est constituée.",
    );
  });

  it("records a departure (« Départ »), which keeps the member among the former ones", async () => {
    const { user } = renderTeam([
      teamMock([marion, nurse, physio]),
      {
        request: { query: UPDATE_TEAM_MEMBER, variables: { input: { id: "member-2", leftAt: "2026-11-13" } } },
        result: { data: { __typename: "Mutation", updateTeamMember: { ...nurse, leftAt: "2026-11-13" } } },
      },
      always(teamMock([marion, { ...nurse, leftAt: "2026-11-13" }, physio])),
    ]);
    await user.click(await screen.findByRole("button", { name: "Départ de Julie Peyrot" }));
    const form = screen.getByRole("form", { name: "Départ de Julie Peyrot" });
    expect(within(form).getByLabelText("Date de départ")).toHaveValue("2026-11-13");
    await user.click(within(form).getByRole("button", { name: "Confirmer le départ" }));

    expect(await screen.findByText("Départ de Julie Peyrot enregistré au 13 novembre 2026.")).toBeInTheDocument();
    expect(await screen.findByText("Anciens membres (1)")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Membres de l’équipe" })).queryByText("Julie Peyrot")).not.toBeInTheDocument();
  });

  it("offers no changes to whoever may not manage the team", async () => {
    renderTeam([teamMock([marion])], false);
    expect(await screen.findByRole("rowheader", { name: "Marion Lacoste" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ajouter un membre" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Départ/ })).not.toBeInTheDocument();
  });
});
