/**
 * The differencing attack of the threat model (docs/research.md, "Threat model"), as a measuring tool: given every
 * cell released to any number of colluding accounts (the value they saw, and — from the evaluator's ground truth —
 * the records behind it), it finds every group of 1 or 2 MSPs that the difference of two released cells, or of one
 * cell and two disjoint cells inside it, isolates, and compares each estimate with the group's true figure.
 * Additive measures only (counts and sums): a ratio cannot be subtracted.
 *
 * Used by the attack suites (domain and API) and the utility benchmark; it reads nothing but its arguments.
 */

export type ObservedCell = {
  /** The measure (only cells of the same measure are combined). */
  readonly measure: string;
  /** The value the accounts received. */
  readonly value: number;
  /** Ground truth: indices (into `records`) of the records behind the cell. */
  readonly members: readonly number[];
};

export type TruthRecord = {
  /** The MSP (a group counts its distinct MSPs). */
  readonly unit: string;
  /** True contribution per measure (absent: the record does not contribute). */
  readonly values: Readonly<Record<string, number>>;
};

export type Route = {
  readonly measure: string;
  /** The group isolated: its sorted record indices, joined. */
  readonly group: string;
  readonly units: number;
  readonly estimate: number;
  readonly truth: number;
  /** 2: A − B; 3: A − B − C. */
  readonly cells: 2 | 3;
};

export type AttackReport = {
  readonly cellsObserved: number;
  /** Distinct record sets released with more than one value (the same cell must always have the same value). */
  readonly inconsistentCells: number;
  readonly routes: number;
  readonly groups: number;
  /** Routes whose estimate equals the truth (to the cent for amounts, to the unit for counts). */
  readonly exact: number;
  /** Routes whose estimate is within 10 % of the truth. */
  readonly within10: number;
  /** Groups reached by at least two routes, and among them those whose averaged estimate is exact / within 10 %. */
  readonly averagedGroups: number;
  readonly averagedExact: number;
  readonly averagedWithin10: number;
  /** A few exact routes, to show what leaked. */
  readonly examples: readonly Route[];
  readonly allRoutes: readonly Route[];
};

export type AttackOptions = {
  /** Largest group of MSPs that counts as isolated (default 2: "fewer than 3 MSPs"). */
  readonly maxUnits?: number;
  /** Measures counted to the unit (counts); the others to the cent. */
  readonly integerMeasures?: readonly string[];
  /** Cap on the three-cell search (pairs expanded), to bound the run time. */
  readonly maxTripleExpansions?: number;
};

type Cell = { measure: string; value: number; members: readonly number[]; bits: Uint32Array; key: string };

export function differencingAttack(observed: readonly ObservedCell[], records: readonly TruthRecord[], options: AttackOptions = {}): AttackReport {
  const maxUnits = options.maxUnits ?? 2;
  const integer = new Set(options.integerMeasures ?? []);
  const words = Math.ceil(records.length / 32) || 1;
  const bitsOf = (members: readonly number[]): Uint32Array => {
    const b = new Uint32Array(words);
    for (const m of members) b[m >>> 5] = (b[m >>> 5] ?? 0) | (1 << (m & 31));
    return b;
  };
  // Distinct cells per measure (the same record set seen twice must carry the same value).
  const byMeasure = new Map<string, Map<string, Cell>>();
  let inconsistentCells = 0;
  const inconsistent = new Set<string>();
  for (const o of observed) {
    if (o.members.length === 0) continue;
    const members = [...new Set(o.members)].sort((a, b) => a - b);
    const key = members.join(",");
    const cells = byMeasure.get(o.measure) ?? new Map<string, Cell>();
    byMeasure.set(o.measure, cells);
    const seen = cells.get(key);
    if (seen) {
      if (Math.abs(seen.value - o.value) > 1e-6 && !inconsistent.has(`${o.measure}|${key}`)) {
        inconsistent.add(`${o.measure}|${key}`);
        inconsistentCells += 1;
      }
      continue;
    }
    cells.set(key, { measure: o.measure, value: o.value, members, bits: bitsOf(members), key });
  }

  // The largest number of records a group of `maxUnits` MSPs can hold.
  const recordsPerUnit = new Map<string, number>();
  for (const r of records) recordsPerUnit.set(r.unit, (recordsPerUnit.get(r.unit) ?? 0) + 1);
  const maxGroupRecords = [...recordsPerUnit.values()].sort((a, b) => b - a).slice(0, maxUnits).reduce((a, b) => a + b, 0);

  const routes: Route[] = [];
  const unitsOf = (members: readonly number[]): number => new Set(members.map((m) => records[m]?.unit)).size;
  const truthOf = (measure: string, members: readonly number[]): number => members.reduce((s, m) => s + (records[m]?.values[measure] ?? 0), 0);
  const subset = (inner: Uint32Array, outer: Uint32Array): boolean => inner.every((w, i) => (w & ~(outer[i] ?? 0)) === 0);
  const minus = (outer: readonly number[], inner: Uint32Array): number[] => outer.filter((m) => (((inner[m >>> 5] ?? 0) >>> (m & 31)) & 1) === 0);
  const maxTriples = options.maxTripleExpansions ?? 20_000;

  for (const [measure, cellMap] of byMeasure) {
    const cells = [...cellMap.values()];
    const bySize = new Map<number, Cell[]>();
    for (const c of cells) bySize.set(c.members.length, [...(bySize.get(c.members.length) ?? []), c]);
    const sizes = [...bySize.keys()].sort((a, b) => a - b);
    const addRoute = (members: readonly number[], estimate: number, n: 2 | 3) => {
      const units = unitsOf(members);
      if (units < 1 || units > maxUnits) return;
      routes.push({ measure, group: members.join(","), units, estimate, truth: truthOf(measure, members), cells: n });
    };
    let expansions = 0;
    for (const a of cells) {
      for (const size of sizes) {
        if (size >= a.members.length) break;
        const small = a.members.length - size <= maxGroupRecords;
        for (const b of bySize.get(size) ?? []) {
          if (!subset(b.bits, a.bits)) continue;
          const rest = minus(a.members, b.bits);
          const estimate = a.value - b.value;
          if (small) addRoute(rest, estimate, 2);
          // Three cells: A − B − C, with C inside A \ B.
          if (rest.length > maxGroupRecords && expansions < maxTriples) {
            expansions += 1;
            const restBits = bitsOf(rest);
            for (const s of sizes) {
              if (s >= rest.length) break;
              if (rest.length - s > maxGroupRecords) continue;
              for (const c of bySize.get(s) ?? []) {
                if (subset(c.bits, restBits)) addRoute(minus(rest, c.bits), estimate - c.value, 3);
              }
            }
          }
        }
      }
    }
  }

  const isExact = (r: { measure: string; estimate: number; truth: number }) =>
    integer.has(r.measure) ? Math.round(r.estimate) === Math.round(r.truth) && Math.abs(r.estimate - Math.round(r.estimate)) < 1e-6 : Math.abs(r.estimate - r.truth) < 0.005;
  const isWithin10 = (r: { estimate: number; truth: number }) => Math.abs(r.estimate - r.truth) <= 0.1 * Math.abs(r.truth) + 1e-9;
  const byGroup = new Map<string, Route[]>();
  for (const r of routes) {
    const k = `${r.measure}|${r.group}`;
    byGroup.set(k, [...(byGroup.get(k) ?? []), r]);
  }
  let averagedGroups = 0;
  let averagedExact = 0;
  let averagedWithin10 = 0;
  for (const list of byGroup.values()) {
    if (list.length < 2) continue;
    averagedGroups += 1;
    const first = list[0] as Route;
    const mean = { measure: first.measure, estimate: list.reduce((s, r) => s + r.estimate, 0) / list.length, truth: first.truth };
    if (isExact(mean)) averagedExact += 1;
    if (isWithin10(mean)) averagedWithin10 += 1;
  }
  const exactRoutes = routes.filter(isExact);
  return {
    cellsObserved: observed.length,
    inconsistentCells,
    routes: routes.length,
    groups: byGroup.size,
    exact: exactRoutes.length,
    within10: routes.filter(isWithin10).length,
    averagedGroups,
    averagedExact,
    averagedWithin10,
    examples: exactRoutes.slice(0, 5),
    allRoutes: routes,
  };
}
