import type { PepsCoefficientTable, PepsSex } from "@maillage/domain";

/** « 0-6 » → « 0 à 6 ans », « 85+ » → « 85 ans et plus » (the table's band ids). */
export function ageBandLabel(table: PepsCoefficientTable, band: string): string {
  const b = table.ageBands.find((x) => x.band === band);
  if (!b) return band;
  return b.maxAge === null ? `${b.minAge} ans et plus` : `${b.minAge} à ${b.maxAge} ans`;
}

export const SEX_LABELS: Readonly<Record<PepsSex, string>> = { F: "Femmes", M: "Hommes" };

/** The table's ALD counts (0, 1, 2…), the last one meaning « N et plus ». */
export function aldCounts(table: PepsCoefficientTable): number[] {
  return table.aldCoefficients.map((a) => a.count).sort((a, b) => a - b);
}

/** 0 → « Sans ALD », 1 → « 1 ALD », last → « 2 ALD et plus ». */
export function aldLabel(table: PepsCoefficientTable, count: number): string {
  const counts = aldCounts(table);
  const last = counts[counts.length - 1] ?? 0;
  if (count === 0) return "Sans ALD";
  return count >= last && last > 0 ? `${last} ALD et plus` : `${count} ALD`;
}

export const precariteLabel = (precarite: boolean): string => (precarite ? "C2S/AME" : "Hors C2S/AME");
