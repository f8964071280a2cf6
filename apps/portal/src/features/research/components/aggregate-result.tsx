import { useEffect, useId, useMemo, useRef, useState } from "react";
import { formatCount } from "../../../shared/format";
import type { ResearchAggregate, ResearchDimension } from "../types";
import { type AggregateView, buildAggregateView, type Category, chartDataOf, type Position } from "../utils/aggregate-view";
import { exportUrl } from "../utils/query-input";
import { inSentence } from "../utils/format-value";
import { AggregateChart } from "./aggregate-chart";
import { AggregateTables } from "./aggregate-tables";
import { MethodologyNote, NoiseNote, PerturbationNote, ThresholdsList } from "./methodology-note";
import { secretLabel } from "./suppressed-cell";

type AggregateResultProps = {
  aggregate: ResearchAggregate;
  catalogOrder: ReadonlyMap<ResearchDimension, readonly Category[]>;
  dimensionLabel: (d: ResearchDimension) => string;
};

/** The masked cells of an answer by reason, for the legend (the API's French labels). */
function reasonsOf(aggregate: ResearchAggregate): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const cell of aggregate.cells) if (cell.suppressed) counts.set(secretLabel(cell.reasonLabel), (counts.get(secretLabel(cell.reasonLabel)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}

function chartCaption(aggregate: ResearchAggregate, view: AggregateView, dimensionLabel: (d: ResearchDimension) => string, layerLabel: string | null) {
  const [first, second] = view.dimensions;
  const by = [first, second].filter((d): d is ResearchDimension => Boolean(d)).map((d) => inSentence(dimensionLabel(d)));
  return `${aggregate.measureLabel}${by.length > 0 ? ` par ${by.join(" et ")}` : ""}${layerLabel ? ` — ${layerLabel}` : ""} (${aggregate.unit}).`;
}

/**
 * One answer: what it is, the perturbation of its values, its tables with the masked cells marked and the margins,
 * a chart of the published cells, the exports (the stored answer of this query, by its id), the thresholds applied
 * and the methodology. Focus moves to its heading when it arrives.
 */
export function AggregateResult({ aggregate, catalogOrder, dimensionLabel }: AggregateResultProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const view = useMemo(() => buildAggregateView(aggregate, catalogOrder), [aggregate, catalogOrder]);
  const [layer, setLayer] = useState<Position>(() => view.categories.get(view.dimensions[2] ?? "YEAR")?.[0]?.value ?? null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [aggregate.queryId]);

  const [first, second, third] = view.dimensions;
  const chart = first ? chartDataOf(view, first, second ?? null, third ? (layer === null ? {} : { [third]: layer }) : {}, aggregate.measureLabel) : null;
  const layerLabel = third ? (layer === null ? `${dimensionLabel(third)} : ensemble` : (view.categories.get(third)?.find((c) => c.value === layer)?.label ?? null)) : null;
  const reasons = reasonsOf(aggregate);

  return (
    <section className="card research-result" aria-labelledby={`${id}-title`}>
      <div className="research-result__header">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {aggregate.measureLabel}
          {view.dimensions.length > 0 && <span className="research-result__by"> par {view.dimensions.map((d) => inSentence(dimensionLabel(d))).join(", ")}</span>}
        </h2>
        <div className="research-result__exports">
          <a className="button button--small" href={exportUrl(aggregate.queryId, "csv")} download>
            Exporter CSV
          </a>
          <a className="button button--small" href={exportUrl(aggregate.queryId, "xlsx")} download>
            Exporter XLSX
          </a>
        </div>
      </div>
      <p className="research-result__summary">
        Unité : {aggregate.unit}. {formatCount(aggregate.cellCount, "case", "cases")}, dont {formatCount(aggregate.suppressedCount, "masquée", "masquées")} par le secret statistique.
      </p>
      {aggregate.cached && (
        <p className="research-notice research-notice--cached" role="note">
          Réponse identique à une requête précédente : la même réponse vous est redonnée, avec les mêmes cases masquées.
        </p>
      )}
      <PerturbationNote perturbation={aggregate.perturbation} />
      <NoiseNote noise={aggregate.noise} />

      <div className="research-legend" role="note" aria-label="Légende">
        <p>
          <span className="research-legend__mark research-cell--suppressed" aria-hidden="true">
            s
          </span>{" "}
          secret statistique : la valeur n’est pas publiée (survolez la case ou sélectionnez-la au clavier pour en voir la raison) ;{" "}
          <span className="research-legend__mark research-cell--suppressed research-cell--complementary" aria-hidden="true">
            s
          </span>{" "}
          masquage complémentaire (la case n’est pas sensible, mais elle permettrait de retrouver une case masquée).{" "}
          <span className="research-legend__mark research-cell--margin" aria-hidden="true">
            Total
          </span>{" "}
          marges : totaux sur une dimension. <span aria-hidden="true">—</span> aucune donnée.
        </p>
        {reasons.length > 0 && (
          <ul className="research-legend__reasons">
            {reasons.map((r) => (
              <li key={r.label}>
                {r.label} : {formatCount(r.count, "case", "cases")}
              </li>
            ))}
          </ul>
        )}
      </div>

      <AggregateTables view={view} unit={aggregate.unit} measureLabel={aggregate.measureLabel} dimensionLabel={dimensionLabel} layer={layer} onLayerChange={setLayer} />

      {chart && <AggregateChart data={chart} unit={aggregate.unit} caption={chartCaption(aggregate, view, dimensionLabel, layerLabel)} />}

      <div className="research-result__notes">
        <section aria-labelledby={`${id}-thresholds`}>
          <h3 id={`${id}-thresholds`}>Seuils appliqués</h3>
          <ThresholdsList thresholds={aggregate.thresholds} />
        </section>
        <section aria-labelledby={`${id}-method`}>
          <h3 id={`${id}-method`}>Note méthodologique</h3>
          <MethodologyNote methodology={aggregate.methodology} dataVersion={aggregate.dataVersion} thresholds={aggregate.thresholds} />
        </section>
      </div>
    </section>
  );
}
