import { type KeyboardEvent, useId, useRef } from "react";
import type { ResearchDimension } from "../types";
import type { AggregateView, Category, Position } from "../utils/aggregate-view";
import { AggregateCell } from "./suppressed-cell";
import { inSentence } from "../utils/format-value";

type TablesProps = {
  view: AggregateView;
  unit: string;
  measureLabel: string;
  dimensionLabel: (d: ResearchDimension) => string;
  /** 3 dimensions: the category of the third one shown (null = its margin). */
  layer: Position;
  onLayerChange: (layer: Position) => void;
};

const TOTAL = "Total";

/**
 * The answer as tables: 1 dimension → a list with its total row; 2 → a cross table with row and column margins
 * and the grand total; 3 → one cross table per category of the third dimension, plus its margin table, in tabs.
 */
export function AggregateTables({ view, unit, measureLabel, dimensionLabel, layer, onLayerChange }: TablesProps) {
  const [first, second, third] = view.dimensions;
  if (!first) {
    return (
      <SimpleTable caption={measureLabel} header="" rows={[]} total={{ cell: view.cellAt(), label: "Ensemble" }} unit={unit} measureLabel={measureLabel} />
    );
  }
  if (!second) {
    const categories = view.categories.get(first) ?? [];
    return (
      <SimpleTable
        caption={`${measureLabel} par ${inSentence(dimensionLabel(first))}`}
        header={dimensionLabel(first)}
        rows={categories.map((c) => ({ category: c, cell: view.cellAt(c.value) }))}
        total={{ cell: view.cellAt(null), label: TOTAL }}
        unit={unit}
        measureLabel={measureLabel}
      />
    );
  }
  if (!third) {
    return (
      <CrossTable
        view={view}
        unit={unit}
        rowDimension={first}
        columnDimension={second}
        caption={`${measureLabel} par ${inSentence(dimensionLabel(first))} et ${inSentence(dimensionLabel(second))}`}
        dimensionLabel={dimensionLabel}
        positionOf={(row, column) => [row, column]}
      />
    );
  }
  return (
    <LayeredTables
      view={view}
      unit={unit}
      measureLabel={measureLabel}
      dimensionLabel={dimensionLabel}
      dimensions={[first, second, third]}
      layer={layer}
      onLayerChange={onLayerChange}
    />
  );
}

type SimpleRow = { category: Category; cell: ReturnType<AggregateView["cellAt"]> };

function SimpleTable({ caption, header, rows, total, unit, measureLabel }: { caption: string; header: string; rows: SimpleRow[]; total: { cell: SimpleRow["cell"]; label: string }; unit: string; measureLabel: string }) {
  return (
    <div className="table-wrapper research-table-wrapper" role="region" aria-label={caption} tabIndex={0}>
      <table className="table research-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header || <span className="visually-hidden">Ensemble</span>}</th>
            <th scope="col" className="research-table__numeric">
              {measureLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.category.value}>
              <th scope="row">{row.category.label}</th>
              <AggregateCell cell={row.cell} unit={unit} isMargin={false} />
            </tr>
          ))}
          <tr className="research-table__margin-row">
            <th scope="row">{total.label}</th>
            <AggregateCell cell={total.cell} unit={unit} isMargin />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

type CrossTableProps = {
  view: AggregateView;
  unit: string;
  rowDimension: ResearchDimension;
  columnDimension: ResearchDimension;
  caption: string;
  dimensionLabel: (d: ResearchDimension) => string;
  /** The positions of a (row, column) cell in the view's dimension order. */
  positionOf: (row: Position, column: Position) => Position[];
};

function CrossTable({ view, unit, rowDimension, columnDimension, caption, dimensionLabel, positionOf }: CrossTableProps) {
  const rows: (Category | null)[] = [...(view.categories.get(rowDimension) ?? []), null];
  const columns: (Category | null)[] = [...(view.categories.get(columnDimension) ?? []), null];
  return (
    <div className="table-wrapper research-table-wrapper" role="region" aria-label={caption} tabIndex={0}>
      <table className="table research-table research-table--cross">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="research-table__corner">
              {dimensionLabel(rowDimension)} <span aria-hidden="true">╲</span> <span className="visually-hidden">en lignes, </span>
              {dimensionLabel(columnDimension)}
              <span className="visually-hidden"> en colonnes</span>
            </th>
            {columns.map((column) => (
              <th key={column?.value ?? "total"} scope="col" className={`research-table__numeric${column ? "" : " research-cell--margin"}`}>
                {column ? column.label : TOTAL}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row?.value ?? "total"} className={row ? undefined : "research-table__margin-row"}>
              <th scope="row">{row ? row.label : TOTAL}</th>
              {columns.map((column) => (
                <AggregateCell
                  key={column?.value ?? "total"}
                  cell={view.cellAt(...positionOf(row?.value ?? null, column?.value ?? null))}
                  unit={unit}
                  isMargin={!row || !column}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LayeredTables({
  view,
  unit,
  measureLabel,
  dimensionLabel,
  dimensions: [first, second, third],
  layer,
  onLayerChange,
}: Omit<TablesProps, "view"> & { view: AggregateView; dimensions: [ResearchDimension, ResearchDimension, ResearchDimension] }) {
  const id = useId();
  const tabs: (Category | null)[] = [...(view.categories.get(third) ?? []), null];
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const selectedIndex = Math.max(0, tabs.findIndex((t) => (t?.value ?? null) === layer));
  const selected = tabs[selectedIndex] ?? null;
  const tabLabel = (t: Category | null) => (t ? t.label : `Total (${inSentence(dimensionLabel(third))} : ensemble)`);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight" ? (selectedIndex === last ? 0 : selectedIndex + 1) : event.key === "ArrowLeft" ? (selectedIndex === 0 ? last : selectedIndex - 1) : event.key === "Home" ? 0 : event.key === "End" ? last : null;
    if (next === null) return;
    event.preventDefault();
    onLayerChange(tabs[next]?.value ?? null);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className="research-layers">
      <p className="muted" id={`${id}-help`}>
        Un tableau par {inSentence(dimensionLabel(third))}, et le tableau de la marge (toutes catégories confondues).
      </p>
      <div role="tablist" aria-label={dimensionLabel(third)} aria-describedby={`${id}-help`} className="research-tabs">
        {tabs.map((tab, index) => {
          const isSelected = index === selectedIndex;
          return (
            <button
              key={tab?.value ?? "total"}
              ref={(el) => {
                tabRefs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${index}`}
              aria-selected={isSelected}
              aria-controls={`${id}-panel`}
              tabIndex={isSelected ? 0 : -1}
              className={`research-tab${tab ? "" : " research-tab--margin"}`}
              onClick={() => onLayerChange(tab?.value ?? null)}
              onKeyDown={onKeyDown}
            >
              {tabLabel(tab)}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selectedIndex}`}>
        <CrossTable
          view={view}
          unit={unit}
          rowDimension={first}
          columnDimension={second}
          caption={`${measureLabel} par ${inSentence(dimensionLabel(first))} et ${inSentence(dimensionLabel(second))} — ${tabLabel(selected)}`}
          dimensionLabel={dimensionLabel}
          positionOf={(row, column) => [row, column, selected?.value ?? null]}
        />
      </div>
    </div>
  );
}
