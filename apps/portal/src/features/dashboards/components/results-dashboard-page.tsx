import { useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import type { ResultsDashboardQuery } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount, formatNumber, formatPercent } from "../../../shared/format";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { RESULTS_DASHBOARD } from "../graphql/results-dashboard.query";
import { type DashboardFilters, filtersFromSearch, hasFilters, PROGRAMME_LABELS, searchFromFilters, toDashboardFilter } from "../utils/filters";
import { formatEur, formatEurPerPatient, formatRatio, formatShare } from "../utils/money";
import { AmountsByYearChart, ExperimentChart, PepsVsFeeForServiceCharts, PerPatientByYearChart, SizeBandChart } from "./dashboard-charts";
import { DashboardFiltersForm } from "./dashboard-filters";
import { DashboardTable } from "./dashboard-table";
import { DepartementMap } from "./departement-map";

type Dashboard = ResultsDashboardQuery["resultsDashboard"];

const EXPERIMENT_LABELS = { PEPS: "Équipes PEPS", IPEP: "Équipes IPEP", NONE: "Sans expérimentation" } as const;

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="dashboard-kpi">
      <dt>{label}</dt>
      <dd>
        <span className="dashboard-kpi__value">{value}</span>
        {detail && <span className="dashboard-kpi__detail">{detail}</span>}
      </dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card dashboard-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * « Tableau de bord des résultats » (staff): aggregates of the federation's approved PEPS / IPEP / ACI periods —
 * KPI tiles, charts, a map by département, the PEPS vs fee-for-service comparison and every table with its
 * CSV / XLSX export. Filters live in the URL, so a view can be shared or bookmarked.
 */
export function ResultsDashboardPage() {
  useDocumentTitle("Tableau de bord des résultats");
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const { data, previousData, loading, error, refetch } = useQuery(RESULTS_DASHBOARD, { variables: { filter: toDashboardFilter(filters) }, notifyOnNetworkStatusChange: true });
  const shown = data ?? previousData;
  const setFilters = (next: DashboardFilters) => setParams(searchFromFilters(next), { replace: true });

  return (
    <div className="page dashboard-page">
      <header className="page-header">
        <h1>Tableau de bord des résultats</h1>
      </header>
      <p className="page-intro">
        Agrégats des périodes <strong>validées</strong> par la fédération (ACI, PEPS, IPEP). Les brouillons et les périodes en attente de validation ne sont pas comptés.
      </p>
      {shown && (
        <DashboardFiltersForm filters={filters} years={shown.resultsDashboard.availableYears} departements={shown.federation.departements} onChange={setFilters} />
      )}
      {error && !loading ? (
        <ErrorState message={error.message || "Le tableau de bord n'a pas pu être chargé."} onRetry={() => void refetch()} />
      ) : !shown ? (
        <PageLoading label="Chargement du tableau de bord…" />
      ) : (
        <DashboardContent dashboard={shown.resultsDashboard} federationCodes={new Set(shown.federation.departements.map((d) => d.code))} filters={filters} busy={loading} />
      )}
    </div>
  );
}

function DashboardContent({ dashboard: d, federationCodes, filters, busy }: { dashboard: Dashboard; federationCodes: ReadonlySet<string>; filters: DashboardFilters; busy: boolean }) {
  const perPatient = (() => {
    const aci = d.byYear.filter((r) => r.programme === "ACI");
    const patients = aci.reduce((n, r) => n + r.patients, 0);
    return patients > 0 ? aci.reduce((n, r) => n + r.computedEur, 0) / patients : null;
  })();
  if (d.totals.periodCount === 0) {
    return (
      <div className="state" role="status">
        <p className="state__title">Aucune période validée {hasFilters(filters) ? "pour ces filtres" : "pour l'instant"}.</p>
        <p>Les chiffres apparaissent ici dès que la fédération valide des périodes de résultats.</p>
      </div>
    );
  }
  return (
    <div aria-busy={busy} className="dashboard-content">
      {d.illustrative && (
        <p className="dashboard-banner" role="note">
          <strong>Données illustratives.</strong> Une partie des montants PEPS est calculée avec la table de coefficients illustrative (les tables officielles ne sont pas publiques) : ces montants ne sont pas des montants réels.
        </p>
      )}
      <dl className="dashboard-kpis">
        <Kpi label="MSP" value={formatNumber(d.totals.mspCount)} detail={formatCount(d.totals.departementCount, "département", "départements")} />
        <Kpi label="Périodes validées" value={formatNumber(d.totals.periodCount)} />
        <Kpi label="Montants calculés" value={formatEur(d.totals.computedEur)} />
        <Kpi label="Montants déclarés reçus" value={formatEur(d.totals.receivedEur)} />
        <Kpi label="ACI par patient" value={formatEurPerPatient(perPatient)} detail="moyenne pondérée" />
      </dl>

      <Section id="dash-by-year" title="Par année et par programme">
        <AmountsByYearChart rows={d.byYear} />
        <PerPatientByYearChart rows={d.byYear} />
        <DashboardTable
          title="Par année et par programme"
          table="by-year"
          filters={filters}
          rows={d.byYear}
          rowKey={(r) => `${r.year}-${r.programme}`}
          columns={[
            { header: "Année", cell: (r) => r.year },
            { header: "Programme", cell: (r) => PROGRAMME_LABELS[r.programme] },
            { header: "MSP", cell: (r) => formatNumber(r.mspCount), numeric: true },
            { header: "Patients", cell: (r) => formatNumber(r.patients), numeric: true },
            { header: "Montant calculé", cell: (r) => formatEur(r.computedEur), numeric: true },
            { header: "Par patient", cell: (r) => formatEurPerPatient(r.perPatientEur), numeric: true },
            { header: "1er quartile", cell: (r) => formatEurPerPatient(r.q1PerPatientEur), numeric: true },
            { header: "Médiane", cell: (r) => formatEurPerPatient(r.medianPerPatientEur), numeric: true },
            { header: "3e quartile", cell: (r) => formatEurPerPatient(r.q3PerPatientEur), numeric: true },
            { header: "Reçu (déclaré)", cell: (r) => formatEur(r.receivedEur), numeric: true },
          ]}
          note="Par patient : total calculé ÷ patients. Quartiles et médiane : répartition des montants par patient des MSP."
        />
      </Section>

      <Section id="dash-by-departement" title="Par département">
        <DepartementMap rows={d.byDepartement} federationCodes={federationCodes} />
        <DashboardTable
          title="Par département"
          table="by-departement"
          filters={filters}
          rows={d.byDepartement}
          rowKey={(r) => r.departementCode}
          columns={[
            { header: "Département", cell: (r) => `${r.departementName} (${r.departementCode})` },
            { header: "MSP", cell: (r) => formatNumber(r.mspCount), numeric: true },
            { header: "Patients", cell: (r) => formatNumber(r.patients), numeric: true },
            { header: "ACI", cell: (r) => formatEur(r.aciEur), numeric: true },
            { header: "PEPS", cell: (r) => formatEur(r.pepsEur), numeric: true },
            { header: "IPEP", cell: (r) => formatEur(r.ipepEur), numeric: true },
            { header: "Total", cell: (r) => formatEur(r.totalEur), numeric: true },
          ]}
          note="Patients : patientèle de chaque MSP (celle de l'ACI, à défaut la plus grande de ses périodes), additionnée sur les années retenues."
        />
      </Section>

      <Section id="dash-by-size" title="Par taille de MSP">
        <SizeBandChart rows={d.bySizeBand} />
        <DashboardTable
          title="Par taille de MSP"
          table="by-size-band"
          filters={filters}
          rows={d.bySizeBand}
          rowKey={(r) => `${r.sizeBand}-${r.programme}`}
          columns={[
            { header: "Taille", cell: (r) => r.sizeBandLabel },
            { header: "Programme", cell: (r) => PROGRAMME_LABELS[r.programme] },
            { header: "MSP-années", cell: (r) => formatNumber(r.mspCount), numeric: true },
            { header: "Patients", cell: (r) => formatNumber(r.patients), numeric: true },
            { header: "Montant calculé", cell: (r) => formatEur(r.computedEur), numeric: true },
            { header: "Par patient", cell: (r) => formatEurPerPatient(r.perPatientEur), numeric: true },
            { header: "Médiane par patient", cell: (r) => formatEurPerPatient(r.medianPerPatientEur), numeric: true },
          ]}
        />
      </Section>

      <Section id="dash-by-experiment" title="ACI selon la participation à PEPS ou IPEP">
        <ExperimentChart rows={d.byExperiment} />
        <DashboardTable
          title="ACI selon la participation à PEPS ou IPEP"
          table="by-experiment"
          filters={filters}
          rows={d.byExperiment}
          rowKey={(r) => `${r.year}-${r.experiment}`}
          columns={[
            { header: "Année", cell: (r) => r.year },
            { header: "Équipes", cell: (r) => EXPERIMENT_LABELS[r.experiment] },
            { header: "MSP", cell: (r) => formatNumber(r.mspCount), numeric: true },
            { header: "Patients", cell: (r) => formatNumber(r.patients), numeric: true },
            { header: "ACI", cell: (r) => formatEur(r.aciEur), numeric: true },
            { header: "ACI par patient", cell: (r) => formatEurPerPatient(r.perPatientEur), numeric: true },
            { header: "Médiane par patient", cell: (r) => formatEurPerPatient(r.medianPerPatientEur), numeric: true },
          ]}
          note="Une MSP compte comme équipe PEPS (ou IPEP) l'année où elle a une période PEPS (ou IPEP) validée."
        />
      </Section>

      <Section id="dash-peps" title="PEPS : forfait et paiement à l'acte">
        {d.pepsVsFeeForService.years.length === 0 ? (
          <p className="state">Aucune période PEPS validée pour ces filtres.</p>
        ) : (
          <PepsVsFeeForServiceCharts data={d.pepsVsFeeForService} />
        )}
        <DashboardTable
          title="PEPS : forfait et paiement à l'acte, par année"
          table="peps-vs-fee-for-service"
          filters={filters}
          rows={d.pepsVsFeeForService.years}
          rowKey={(r) => String(r.year)}
          columns={[
            { header: "Année", cell: (r) => r.year },
            { header: "MSP", cell: (r) => formatNumber(r.mspCount), numeric: true },
            { header: "Patients", cell: (r) => formatNumber(r.patients), numeric: true },
            { header: "Forfaits PEPS", cell: (r) => formatEur(r.forfaitEur), numeric: true },
            { header: "Équivalent à l'acte", cell: (r) => formatEur(r.feeForServiceEur), numeric: true },
            { header: "Forfait ÷ acte", cell: (r) => formatRatio(r.ratio), numeric: true },
            { header: "Données", cell: (r) => (r.illustrative ? "illustratives" : "réelles") },
          ]}
        />
        <DashboardTable
          title="PEPS par MSP"
          table="peps-points"
          filters={filters}
          rows={d.pepsVsFeeForService.points}
          rowKey={(r) => `${r.projectId}-${r.year}`}
          columns={[
            { header: "Année", cell: (r) => r.year },
            { header: "MSP", cell: (r) => r.projectName },
            { header: "Département", cell: (r) => r.departementCode },
            { header: "Patients", cell: (r) => formatNumber(r.patients), numeric: true },
            { header: "Forfait PEPS", cell: (r) => formatEur(r.forfaitEur), numeric: true },
            { header: "Équivalent à l'acte", cell: (r) => formatEur(r.feeForServiceEur), numeric: true },
          ]}
        />
      </Section>

      <Section id="dash-aci-indicators" title="Indicateurs ACI atteints">
        <DashboardTable
          title="Indicateurs ACI atteints"
          table="aci-indicators"
          filters={filters}
          rows={d.aciIndicators}
          rowKey={(r) => `${r.year}-${r.code}`}
          columns={[
            { header: "Année", cell: (r) => r.year },
            { header: "Indicateur", cell: (r) => r.label },
            { header: "MSP concernées", cell: (r) => formatNumber(r.mspCount), numeric: true },
            { header: "L'ont atteint", cell: (r) => formatNumber(r.achievedCount), numeric: true },
            {
              header: "Part",
              numeric: true,
              cell: (r) => (
                <span className="dashboard-share">
                  <meter min={0} max={1} value={r.achievedShare} aria-hidden="true" /> {formatShare(r.achievedShare)}
                </span>
              ),
            },
          ]}
          note={`Part des MSP dont la période ACI validée compte l'indicateur comme atteint (au moins partiellement). Taux global : ${formatPercent(
            d.aciIndicators.reduce((n, r) => n + r.achievedCount, 0) / Math.max(1, d.aciIndicators.reduce((n, r) => n + r.mspCount, 0)),
          )}.`}
        />
      </Section>
    </div>
  );
}
