import { Link } from "react-router";
import type { ProjectRowFragment } from "../../../gql/graphql";
import { formatDate } from "../../../shared/format";
import { StageLabel, StatusBadge } from "./stage-badge";

type ProjectTableProps = {
  projects: readonly ProjectRowFragment[];
  isBusy: boolean;
};

export function ProjectTable({ projects, isBusy }: ProjectTableProps) {
  return (
    <div className="table-wrapper" role="region" aria-label="Liste des projets" tabIndex={0}>
      <table className="table table--rows-linked" aria-busy={isBusy}>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Commune</th>
            <th scope="col">Département</th>
            <th scope="col">Étape</th>
            <th scope="col">Statut</th>
            <th scope="col">Chargé·e</th>
            <th scope="col">Mis à jour le</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.id}>
              <th scope="row">
                <Link className="row-link" to={`/projets/${encodeURIComponent(project.id)}`}>
                  {project.name}
                </Link>
              </th>
              <td>{project.communeName}</td>
              <td>
                {project.departement.name} ({project.departement.code})
              </td>
              <td>
                <StageLabel stage={project.stage} />
              </td>
              <td>
                <StatusBadge status={project.status} />
              </td>
              <td>{project.charge?.displayName ?? <span className="muted">Non attribué</span>}</td>
              <td>
                <time dateTime={project.updatedAt}>{formatDate(project.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Placeholder rows while the first page loads. */
export function ProjectTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="table-wrapper" aria-busy="true">
      <p className="visually-hidden" role="status">
        Chargement…
      </p>
      <table className="table table--skeleton" aria-hidden="true">
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {Array.from({ length: 7 }, (_, cell) => (
                <td key={cell}>
                  <span className="skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
