import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { ErrorState } from "../../../shared/components/error-state";
import { LiveStatus } from "../../../shared/components/live-status";
import { PageLoading } from "../../../shared/components/page-loading";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { FIELD_TYPE_LABELS, PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";
import { useSession } from "../../auth";
import { MILESTONE_CATALOGUE } from "../graphql/milestone-catalogue.query";
import { AddMilestoneForm } from "./add-milestone-form";

/** « Catalogue des jalons »: the milestones of each stage, default or added by the federation (admins add). */
export function MilestoneCataloguePage() {
  useDocumentTitle("Catalogue des jalons");
  const user = useSession();
  const canAdd = user.role === "FEDERATION_ADMIN";
  const { data, error, refetch } = useQuery(MILESTONE_CATALOGUE);
  const [notice, setNotice] = useState("");
  const catalogue = data?.milestoneCatalogue;

  return (
    <section aria-labelledby="catalogue-title">
      <div className="page-header">
        <h1 id="catalogue-title">Catalogue des jalons</h1>
      </div>
      <p className="page-intro">
        Les jalons sont les documents et informations que les équipes déposent à chaque étape de leur projet.
        Les jalons obligatoires doivent être validés pour passer à l’étape suivante.
      </p>
      <LiveStatus message={notice} />

      {canAdd && <AddMilestoneForm existingKeys={catalogue?.filter((m) => m.isCustom).map((m) => m.key) ?? []} onAdded={setNotice} />}

      {error && !catalogue ? (
        <ErrorState
          title="Impossible de charger le catalogue"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !catalogue ? (
        <PageLoading />
      ) : (
        PROJECT_STAGES.map((stage, index) => {
          const milestones = catalogue.filter((milestone) => milestone.stage === stage);
          return (
            <section key={stage} className="card" aria-labelledby={`catalogue-${stage}`}>
              <h2 id={`catalogue-${stage}`}>
                {index + 1}. {STAGE_LABELS[stage]}
              </h2>
              {milestones.length === 0 ? (
                <p className="muted">Aucun jalon pour cette étape.</p>
              ) : (
                <div className="table-wrapper">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">Jalon</th>
                        <th scope="col">Obligatoire</th>
                        <th scope="col">Origine</th>
                        <th scope="col">Informations demandées</th>
                      </tr>
                    </thead>
                    <tbody>
                      {milestones.map((milestone) => (
                        <tr key={milestone.key}>
                          <th scope="row">
                            {milestone.label}
                            {milestone.description && <p className="muted table__note">{milestone.description}</p>}
                          </th>
                          <td>{milestone.required ? "Oui" : "Non"}</td>
                          <td>
                            {milestone.isCustom ? (
                              <span className="tag tag--custom">Ajouté par la fédération</span>
                            ) : (
                              <span className="tag">Catalogue par défaut</span>
                            )}
                          </td>
                          <td>
                            {milestone.fields.length === 0 ? (
                              <span className="muted">Documents uniquement</span>
                            ) : (
                              <ul className="plain-list">
                                {milestone.fields.map((field) => (
                                  <li key={field.key}>
                                    {field.label} <span className="muted">({FIELD_TYPE_LABELS[field.type]}{field.required ? ", obligatoire" : ""})</span>
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })
      )}
    </section>
  );
}
