import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { formatCount } from "../../../shared/format";
import { ErrorState } from "../../../shared/components/error-state";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { useSession } from "../../auth";
import { PROJECTS } from "../graphql/projects.query";
import { useCursorPagination } from "../hooks/use-cursor-pagination";
import { useProjectListFilters } from "../hooks/use-project-list-filters";
import { hasActiveFilters, toProjectFilter } from "../utils/project-list-filters";
import { ConnectionPagination } from "./pagination-controls";
import { ProjectFilters } from "./project-filters";
import { ProjectTable, ProjectTableSkeleton } from "./project-table";

export const PROJECTS_PAGE_SIZE = 25;

export function ProjectListPage() {
  useDocumentTitle("Projets");
  const user = useSession();
  const { filters, updateFilters, resetFilters } = useProjectListFilters();
  const filter = toProjectFilter(filters);
  const pagination = useCursorPagination(JSON.stringify(filter));

  const { data, previousData, loading, error, refetch } = useQuery(PROJECTS, {
    variables: {
      filter,
      first: PROJECTS_PAGE_SIZE,
      ...(pagination.after ? { after: pagination.after } : {}),
    },
    notifyOnNetworkStatusChange: true,
  });
  // While the next page or a new filter loads, keep showing the previous rows (marked busy).
  const connection = (data ?? previousData)?.projects;

  return (
    <section aria-labelledby="projects-title">
      <div className="page-header">
        <h1 id="projects-title">Projets</h1>
        <Link className="button button--primary" to="/projets/nouveau">
          Nouveau projet
        </Link>
      </div>

      <ProjectFilters
        filters={filters}
        onChange={updateFilters}
        onReset={resetFilters}
        canFilterOwnPortfolio={user.role === "CHARGE_DEVELOPPEMENT"}
      />

      {error ? (
        <ErrorState
          title="Impossible de charger les projets"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !connection ? (
        <ProjectTableSkeleton />
      ) : (
        <>
          <p className="result-count" role="status">
            {formatCount(connection.totalCount, "projet", "projets")}
          </p>
          {connection.edges.length === 0 ? (
            <div className="state state--empty">
              {hasActiveFilters(filters) ? (
                <>
                  <p className="state__title">Aucun projet ne correspond à ces filtres</p>
                  <button type="button" className="button" onClick={resetFilters}>
                    Réinitialiser les filtres
                  </button>
                </>
              ) : (
                <p className="state__title">Aucun projet pour le moment</p>
              )}
            </div>
          ) : (
            <ProjectTable projects={connection.edges.map((edge) => edge.node)} isBusy={loading} />
          )}
          <ConnectionPagination pagination={pagination} pageInfo={connection.pageInfo} isBusy={loading} />
        </>
      )}
    </section>
  );
}
