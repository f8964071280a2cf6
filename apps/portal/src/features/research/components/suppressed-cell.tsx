import type { ResearchCell } from "../types";
import { formatValue } from "../utils/format-value";

/** The French sentence read for a masked cell: the API's reason, always naming the « secret statistique ». */
export function secretLabel(reasonLabel: string | null | undefined): string {
  if (!reasonLabel) return "Secret statistique";
  return /secret statistique/i.test(reasonLabel) ? reasonLabel : `Secret statistique : ${reasonLabel}`;
}

type CellProps = {
  cell: Pick<ResearchCell, "value" | "suppressed" | "reasonLabel" | "reason"> | undefined;
  unit: string;
  /** A margin (total) of at least one dimension: styled as a total. */
  isMargin: boolean;
};

/**
 * One value of an answer table. A masked cell shows « s » (never a value: DOMAIN.md §6.3 R1), with its reason as
 * hidden text for screen readers and as a tooltip on hover or keyboard focus; a cell the API did not send shows « — ».
 */
export function AggregateCell({ cell, unit, isMargin }: CellProps) {
  const classes = ["research-cell", isMargin ? "research-cell--margin" : ""];
  if (!cell) {
    return (
      <td className={classes.join(" ")}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">aucune donnée</span>
      </td>
    );
  }
  if (cell.suppressed || cell.value === null) {
    const label = secretLabel(cell.reasonLabel);
    const complementary = cell.reason === "COMPLEMENTARY";
    return (
      <td className={[...classes, "research-cell--suppressed", complementary ? "research-cell--complementary" : ""].join(" ")} title={label} data-reason={cell.reason ?? undefined}>
        <span className="research-secret" tabIndex={0}>
          <span aria-hidden="true">s</span>
          <span className="visually-hidden">{label}</span>
          <span className="research-secret__tip" aria-hidden="true">
            {label}
          </span>
        </span>
      </td>
    );
  }
  return <td className={classes.join(" ")}>{formatValue(cell.value, unit)}</td>;
}
