/**
 * Differencing check (DOMAIN.md §6.3 R6 "check that subtracting published totals does not isolate < 11 units",
 * R8 "every release logged"; ARCHITECTURE.md "tracking of repeated overlapping queries"): two published cells over
 * overlapping sets of MSPs — the same coordinates under different filters, or nested groupings — give away the
 * figure of the MSPs in their difference. The API keeps, per researcher, the unit sets behind the cells it has
 * published, and refuses a new answer (DISCLOSURE_RISK) when one of its cells, with a cell already published or
 * another cell of the same answer, isolates between 1 and `threshold − 1` MSPs.
 */

/** One published cell and the opaque ids of the MSPs behind it (never shown to the researcher). */
export type PublishedCellUnits = {
  /** The answer (query) the cell belongs to. */
  readonly answerId: string;
  /** A stable description of the cell (e.g. filters + coordinates), for the log and the error message. */
  readonly cellKey: string;
  readonly units: readonly string[];
};

export type DifferencingRisk = {
  /**
   * `NESTED`: one cell's units contain the other's; their difference is the figure of `isolated` MSPs.
   * `OVERLAP`: neither contains the other, but both differences are small: `a − b` is the difference between the
   * figures of two small groups (one MSP's figure minus another's), which leaks as soon as one of them is known.
   */
  readonly kind: "NESTED" | "OVERLAP";
  readonly a: PublishedCellUnits;
  readonly b: PublishedCellUnits;
  /** Units in `a` and not in `b`. */
  readonly onlyInA: number;
  /** Units in `b` and not in `a`. */
  readonly onlyInB: number;
};

export type DifferencingOptions = {
  /** Smallest group that may be isolated; default 3 (the minimum number of MSPs of a cell, §6.2 INSEE ✅ [S69]). */
  readonly threshold?: number;
  /** Also report `OVERLAP` pairs (default true). */
  readonly includeOverlaps?: boolean;
};

/**
 * Every risky pair between the new answer's cells and the previously published ones (and among the new cells):
 * cells whose unit sets differ by 1 to `threshold − 1` units. Identical sets, disjoint sets and empty cells are
 * safe. Cost: cells are bucketed by size, since a risky pair's sizes differ by less than `threshold`.
 */
export function findDifferencingRisks(
  previous: readonly PublishedCellUnits[],
  current: readonly PublishedCellUnits[],
  options: DifferencingOptions = {},
): DifferencingRisk[] {
  const threshold = options.threshold ?? 3;
  const includeOverlaps = options.includeOverlaps ?? true;
  const all = [...previous, ...current].filter((c) => c.units.length > 0);
  const firstCurrent = previous.filter((c) => c.units.length > 0).length;
  const sets = all.map((c) => new Set(c.units));
  const bySize = new Map<number, number[]>();
  all.forEach((c, i) => {
    const size = sets[i]?.size ?? 0;
    const list = bySize.get(size) ?? [];
    list.push(i);
    bySize.set(size, list);
  });
  const risks: DifferencingRisk[] = [];
  for (let i = firstCurrent; i < all.length; i += 1) {
    const a = sets[i];
    const cellA = all[i];
    if (a === undefined || cellA === undefined) continue;
    for (let size = a.size - (threshold - 1); size <= a.size + (threshold - 1); size += 1) {
      for (const j of bySize.get(size) ?? []) {
        if (j >= firstCurrent && j <= i) continue; // each new × new pair once
        const b = sets[j];
        const cellB = all[j];
        if (b === undefined || cellB === undefined) continue;
        const risk = compare(a, b, threshold);
        if (risk === undefined || (risk.kind === "OVERLAP" && !includeOverlaps)) continue;
        risks.push({ kind: risk.kind, a: cellA, b: cellB, onlyInA: risk.onlyInA, onlyInB: risk.onlyInB });
      }
    }
  }
  return risks;
}

function compare(a: Set<string>, b: Set<string>, threshold: number): { kind: "NESTED" | "OVERLAP"; onlyInA: number; onlyInB: number } | undefined {
  let common = 0;
  for (const unit of a) if (b.has(unit)) common += 1;
  if (common === 0) return undefined; // disjoint cells are independent
  const onlyInA = a.size - common;
  const onlyInB = b.size - common;
  if (onlyInA === 0 && onlyInB === 0) return undefined; // the same units: nothing new
  const small = (n: number): boolean => n >= 1 && n < threshold;
  if ((onlyInB === 0 && small(onlyInA)) || (onlyInA === 0 && small(onlyInB))) return { kind: "NESTED", onlyInA, onlyInB };
  if (small(onlyInA) && small(onlyInB)) return { kind: "OVERLAP", onlyInA, onlyInB };
  return undefined;
}

/** The API's guard: the first risky pair, or `undefined` when the new answer may be released. */
export function firstDifferencingRisk(
  previous: readonly PublishedCellUnits[],
  current: readonly PublishedCellUnits[],
  options: DifferencingOptions = {},
): DifferencingRisk | undefined {
  return findDifferencingRisks(previous, current, options)[0];
}
