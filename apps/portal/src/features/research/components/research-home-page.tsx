import { useApolloClient, useQuery } from "@apollo/client/react";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { useSession } from "../../auth";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { RESEARCH_AGGREGATE } from "../graphql/research-aggregate.query";
import { RESEARCH_BUDGET } from "../graphql/research-budget.query";
import { RESEARCH_CATALOG } from "../graphql/research-catalog.query";
import { RESEARCH_QUERIES } from "../graphql/research-queries.query";
import type { ResearchAggregate, ResearchAggregateInput, ResearchCatalog, ResearchDimension, ResearchMeasure, ResearchQueryRecord } from "../types";
import type { Category } from "../utils/aggregate-view";
import { draftFiltersOf, EMPTY_DRAFT, type QueryDraft, toAggregateInput } from "../utils/query-input";
import { describeResearchError, type ResearchError } from "../utils/research-errors";
import { AggregateResult } from "./aggregate-result";
import { PrivacyBudgetPanel } from "./privacy-budget-panel";
import { QueryBuilder } from "./query-builder";
import { QueryHistoryPanel } from "./query-history-panel";

type RunState =
  | { status: "idle" }
  | { status: "running"; input: ResearchAggregateInput }
  | { status: "done"; input: ResearchAggregateInput; aggregate: ResearchAggregate }
  | { status: "error"; input: ResearchAggregateInput; error: ResearchError };

type BuilderErrors = Partial<Record<"measure" | "indicatorCode" | "groupBy", string>>;

const BUILDER_FIELDS = ["measure", "indicatorCode", "groupBy"] as const;
const builderFieldOf = (field: string | undefined) => BUILDER_FIELDS.find((f) => field?.replace(/^input\./, "").startsWith(f));

/**
 * « Espace recherche » (researchers; issue "Research access", item 6): aggregate queries over the federation's
 * approved results, protected by the disclosure control of DOMAIN.md §6.3 (suppression and permanent perturbation,
 * applied by the API — the portal never sees a masked or an exact value), with the researcher's history and privacy
 * budget beside.
 */
export function ResearchHomePage() {
  useDocumentTitle("Espace recherche");
  const { data, error, refetch } = useQuery(RESEARCH_CATALOG);
  const catalog = data?.researchCatalog;
  const user = useSession();

  return (
    <div className="page research-page">
      <header className="page-header">
        <h1 id="research-title">Espace recherche</h1>
        {user.role === "FEDERATION_ADMIN" && (
          <Link className="button button--link" to="/recherche/parametres">
            Paramètres du secret statistique
          </Link>
        )}
      </header>
      <p className="page-intro">
        Interrogez les résultats <strong>validés</strong> des MSP de la fédération (ACI, PEPS, IPEP) sous forme d’agrégats. Votre compte ne donne pas accès
        aux projets ni aux données individuelles des MSP : chaque réponse est contrôlée par le secret statistique avant de vous être
        communiquée, et chaque requête est journalisée.
      </p>
      {error && !catalog ? (
        <ErrorState title="L’espace recherche n’a pas pu être chargé" message={describeResearchError(error).message} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !catalog ? (
        <PageLoading label="Chargement du catalogue des mesures…" />
      ) : (
        <ResearchWorkspace catalog={catalog} />
      )}
    </div>
  );
}

function ResearchWorkspace({ catalog }: { catalog: ResearchCatalog }) {
  const client = useApolloClient();
  const [draft, setDraft] = useState<QueryDraft>(EMPTY_DRAFT);
  const [builderErrors, setBuilderErrors] = useState<BuilderErrors>({});
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const runCounter = useRef(0);

  const catalogOrder = useMemo(() => new Map<ResearchDimension, readonly Category[]>(catalog.dimensions.map((d) => [d.id, d.categories])), [catalog]);
  const dimensionLabel = (d: ResearchDimension) => catalog.dimensions.find((x) => x.id === d)?.label ?? d;
  const measureLabel = (m: ResearchMeasure) => catalog.measures.find((x) => x.id === m)?.label ?? m;
  const needsIndicator = (m: ResearchMeasure | "") => Boolean(catalog.measures.find((x) => x.id === m)?.needsIndicator);

  async function execute(input: ResearchAggregateInput) {
    const ticket = ++runCounter.current;
    setRun({ status: "running", input });
    try {
      const result = await client.query({ query: RESEARCH_AGGREGATE, variables: { input }, fetchPolicy: "network-only" });
      if (ticket !== runCounter.current) return;
      if (result.error || !result.data) throw result.error ?? new Error("no data");
      setRun({ status: "done", input, aggregate: result.data.researchAggregate });
    } catch (error) {
      if (ticket !== runCounter.current) return;
      const described = describeResearchError(error);
      const field = builderFieldOf(described.field);
      if (field) setBuilderErrors({ [field]: described.message });
      setRun({ status: "error", input, error: described });
    } finally {
      // The history and the budget changed (the API logs every query, answered or refused).
      void client.refetchQueries({ include: [RESEARCH_QUERIES, RESEARCH_BUDGET] }).catch(() => undefined);
    }
  }

  function submit(next: QueryDraft = draft) {
    const built = toAggregateInput(next, needsIndicator(next.measure));
    if ("problems" in built) {
      setBuilderErrors(Object.fromEntries(built.problems.map((p) => [p.field, p.message])));
      return;
    }
    setBuilderErrors({});
    void execute(built.input);
  }

  function rerun(record: ResearchQueryRecord) {
    const parsed = draftFiltersOf(record.filters);
    const next: QueryDraft = { measure: record.measure, indicatorCode: record.indicatorCode ?? parsed.indicatorCode, groupBy: [...record.groupBy], filters: parsed.filters };
    setDraft(next);
    submit(next);
  }

  const isRunning = run.status === "running";

  return (
    <div className="research-layout">
      <div className="research-main">
        <QueryBuilder
          catalog={catalog}
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setBuilderErrors({});
          }}
          onSubmit={() => submit()}
          isRunning={isRunning}
          errors={builderErrors}
        />
        {/* No live region around the answer (a whole table would be read out): its heading takes the focus when it arrives. */}
        <div className="research-answer" aria-busy={isRunning}>
          {run.status === "idle" ? (
            <div className="state state--empty">
              <p className="state__title">Aucune requête lancée</p>
              <p>Choisissez une mesure et jusqu’à trois dimensions, puis lancez la requête : le tableau s’affichera ici.</p>
            </div>
          ) : run.status === "running" ? (
            <PageLoading label="Calcul des agrégats et contrôle du secret statistique…" />
          ) : run.status === "error" ? (
            <ErrorState title={run.error.title} message={run.error.message} />
          ) : (
            <AggregateResult key={run.aggregate.queryId} aggregate={run.aggregate} catalogOrder={catalogOrder} dimensionLabel={dimensionLabel} />
          )}
        </div>
      </div>
      <aside className="research-side" aria-label="Mon activité de recherche">
        <PrivacyBudgetPanel />
        <QueryHistoryPanel measureLabel={measureLabel} dimensionLabel={dimensionLabel} onRerun={rerun} isRunning={isRunning} />
      </aside>
    </div>
  );
}
