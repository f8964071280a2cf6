import type { DisclosureThresholds } from "./config.js";
import type { Cube } from "./cube.js";
import { cellRules } from "./primary.js";
import type { CellMeasure } from "./types.js";

/**
 * Lines whose suppressed cells, taken together, are themselves a sensitive figure (DOMAIN.md §6.3 R2: masked
 * cells must not be recomputable "par somme ou par différence" [S63]). When a line's margin is published, the sum
 * of its suppressed inner cells is known exactly (margin − published cells): two masked cells of one MSP each
 * reveal a 2-MSP total (each MSP then learns the other's figure — τ-Argus' "singleton" problem), two masked
 * counts of 3 and 4 patients reveal a group of 7. Such a group is checked against the primary rules as if it were
 * a cell.
 *
 * The group's number of distinct MSPs (and professionals) is not known from cell-level data: the largest cell's is
 * used (a lower bound, so the check errs on the side of masking); its largest single MSP likewise. When every
 * inner cell of the line is suppressed, the group is the margin itself, already checked as a cell.
 */
export function sensitiveLineGroups(cube: Cube, suppressed: Uint8Array, thresholds: DisclosureThresholds): number[] {
  const result: number[] = [];
  cube.lines.forEach((line, l) => {
    const inner = line.cells.slice(0, -1);
    const margin = line.cells[line.cells.length - 1] ?? 0;
    if (suppressed[margin] === 1) return;
    const group = inner.filter((cell) => suppressed[cell] === 1);
    if (group.length < 2 || group.length === inner.length) return;
    const sensitive = cube.measures.some((measure, m) => {
      const cells = cube.cellMeasures[m] ?? [];
      const members = group.map((cell) => cells[cell]).filter((cm): cm is CellMeasure => cm !== undefined);
      const aggregate: CellMeasure = {
        value: members.reduce((s, cm) => s + cm.value, 0),
        contributors: Math.max(0, ...members.map((cm) => cm.contributors)),
        largestContribution: Math.max(0, ...members.map((cm) => cm.largestContribution ?? 0)),
        denominator: members.reduce((s, cm) => s + (cm.denominator ?? 0), 0),
        professionals: Math.max(0, ...members.map((cm) => cm.professionals ?? cm.contributors)),
      };
      return cellRules(measure, aggregate, thresholds).length > 0;
    });
    if (sensitive) result.push(l);
  });
  return result;
}
