import type { PepsCoefficientTable, PepsPatientGroup, PepsSex } from "@maillage/domain";
import { aldCounts } from "./labels";
import { parseCount } from "./format";

export type MixCell = Omit<PepsPatientGroup, "patients">;
/** The text typed in each cell of the grid, by {@link cellKey}. */
export type MixValues = Readonly<Record<string, string>>;

export const SEXES: readonly PepsSex[] = ["F", "M"];
export const PRECARITE: readonly boolean[] = [false, true];

export const cellKey = (c: MixCell): string => `${c.ageBand}|${c.sex}|${c.aldCount}|${c.precarite ? 1 : 0}`;

/** Every cell of the table's grid: age band (table order) × sex × ALD count × précarité. */
export function gridCells(table: PepsCoefficientTable): MixCell[] {
  const cells: MixCell[] = [];
  for (const band of table.ageBands) {
    for (const sex of SEXES) {
      for (const aldCount of aldCounts(table)) {
        for (const precarite of PRECARITE) cells.push({ ageBand: band.band, sex, aldCount, precarite });
      }
    }
  }
  return cells;
}

/** The grid's texts from a patient mix (cells absent from `groups` are 0). */
export function valuesFromGroups(table: PepsCoefficientTable, groups: readonly PepsPatientGroup[]): MixValues {
  const byKey = new Map(groups.map((g) => [cellKey(g), g.patients]));
  return Object.fromEntries(gridCells(table).map((c) => [cellKey(c), String(byKey.get(cellKey(c)) ?? 0)]));
}

/** The patient mix typed in the grid (an empty cell counts 0), and the cells that are not whole numbers. */
export function groupsFromValues(table: PepsCoefficientTable, values: MixValues): { groups: PepsPatientGroup[]; invalid: string[] } {
  const invalid: string[] = [];
  const groups = gridCells(table).map((c) => {
    const key = cellKey(c);
    const text = (values[key] ?? "").trim();
    const patients = text === "" ? 0 : parseCount(text);
    if (patients === null) invalid.push(key);
    return { ...c, patients: patients ?? 0 };
  });
  return { groups, invalid };
}
