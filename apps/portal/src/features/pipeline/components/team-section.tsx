import { useQuery } from "@apollo/client/react";
import { meetsMinimumTeam, MIN_GENERAL_PRACTITIONERS, MIN_PARAMEDICALS, teamComposition } from "@maillage/domain";
import { useId, useState } from "react";
import type { TeamMemberRowFragment } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { LiveStatus } from "../../../shared/components/live-status";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount, formatDay } from "../../../shared/format";
import { PROFESSION_LABELS, TEAM_ROLE_LABELS } from "../../../shared/labels";
import { PROJECT_TEAM } from "../graphql/project-team.query";
import { hasLeft, toTeamSnapshot } from "../utils/team";
import { AddTeamMemberForm } from "./add-team-member-form";
import { DepartureForm } from "./departure-form";

type TeamSectionProps = {
  projectId: string;
  /** The MSP team and staff keep the team list. */
  canManage: boolean;
};

function identifierOf(member: TeamMemberRowFragment): string {
  if (member.rpps) return `RPPS ${member.rpps}`;
  if (member.adeli) return `ADELI ${member.adeli}`;
  return "—";
}

/** « Équipe »: the professionals of the project, their identifiers, and the minimum team of an MSP. */
export function TeamSection({ projectId, canManage }: TeamSectionProps) {
  const titleId = useId();
  const { data, error, refetch } = useQuery(PROJECT_TEAM, { variables: { id: projectId } });
  const [isAdding, setIsAdding] = useState(false);
  const [leavingId, setLeavingId] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const team = data?.project.team;
  const now = new Date();
  const current = team?.filter((member) => !hasLeft(member, now)) ?? [];
  const former = team?.filter((member) => hasLeft(member, now)) ?? [];
  const snapshots = team?.map(toTeamSnapshot) ?? [];
  const composition = teamComposition(snapshots, now);
  const isMinimumMet = meetsMinimumTeam(snapshots, now);

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId}>Équipe</h2>
        {canManage && !isAdding && team && (
          <button type="button" className="button" onClick={() => setIsAdding(true)}>
            Ajouter un membre
          </button>
        )}
      </div>
      <LiveStatus message={notice} />

      {error && !team ? (
        <ErrorState
          title="Impossible de charger l’équipe"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !team ? (
        <PageLoading label="Chargement de l’équipe…" />
      ) : (
        <>
          <p className={isMinimumMet ? "team-minimum team-minimum--met" : "team-minimum team-minimum--unmet"}>
            {formatCount(composition.generalPractitioners, "médecin généraliste", "médecins généralistes")} et{" "}
            {formatCount(composition.paramedicals, "paramédical", "paramédicaux")} en activité :{" "}
            {isMinimumMet
              ? "l’équipe minimale d’une MSP est constituée."
              : `l’équipe minimale d’une MSP (${MIN_GENERAL_PRACTITIONERS} médecins généralistes et ${MIN_PARAMEDICALS} paramédical) n’est pas encore constituée.`}
          </p>

          {isAdding && (
            <AddTeamMemberForm
              projectId={projectId}
              onAdded={(name) => {
                setIsAdding(false);
                setNotice(`${name} a rejoint l’équipe.`);
              }}
              onCancel={() => setIsAdding(false)}
            />
          )}

          {current.length === 0 ? (
            <p className="muted">Aucun membre dans l’équipe pour le moment.</p>
          ) : (
            <div className="table-wrapper" role="region" aria-label="Membres de l’équipe" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">Profession</th>
                    <th scope="col">RPPS / ADELI</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">Associé·e</th>
                    <th scope="col">Arrivée</th>
                    {canManage && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {current.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">{member.fullName}</th>
                      <td>{PROFESSION_LABELS[member.profession]}</td>
                      <td>{identifierOf(member)}</td>
                      <td>{TEAM_ROLE_LABELS[member.role]}</td>
                      <td>{member.isAssociate ? "Oui" : "Non"}</td>
                      <td>
                        {formatDay(member.joinedAt)}
                        {member.leftAt && <span className="muted"> (départ prévu le {formatDay(member.leftAt)})</span>}
                      </td>
                      {canManage && (
                        <td>
                          {leavingId === member.id ? (
                            <DepartureForm
                              projectId={projectId}
                              member={member}
                              onDone={(message) => {
                                setLeavingId(null);
                                setNotice(message);
                              }}
                              onCancel={() => setLeavingId(null)}
                            />
                          ) : (
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setLeavingId(member.id)}
                              aria-label={`Départ de ${member.fullName}`}
                            >
                              Départ
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {former.length > 0 && (
            <details className="former-members">
              <summary>Anciens membres ({former.length})</summary>
              <div className="table-wrapper">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Nom</th>
                      <th scope="col">Profession</th>
                      <th scope="col">RPPS / ADELI</th>
                      <th scope="col">Rôle</th>
                      <th scope="col">Arrivée</th>
                      <th scope="col">Départ</th>
                    </tr>
                  </thead>
                  <tbody>
                    {former.map((member) => (
                      <tr key={member.id}>
                        <th scope="row">{member.fullName}</th>
                        <td>{PROFESSION_LABELS[member.profession]}</td>
                        <td>{identifierOf(member)}</td>
                        <td>{TEAM_ROLE_LABELS[member.role]}</td>
                        <td>{formatDay(member.joinedAt)}</td>
                        <td>{member.leftAt ? formatDay(member.leftAt) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
