import { neutralizeSpreadsheetCell, type PepsCoefficientTable, type PepsSimulation } from "@maillage/domain";
import { ageBandLabel, aldLabel, SEX_LABELS } from "./labels";

export const SIMULATION_CSV_HEADERS = [
  "Tranche d'âge",
  "Sexe",
  "ALD",
  "C2S/AME",
  "Patients",
  "Coefficient",
  "Forfait par patient (€)",
  "Forfait du groupe (€)",
  "Part du forfait (%)",
  "Table de coefficients",
] as const;

/** A number for a French spreadsheet: decimal comma, no thousands separator (« 1234,56 »). */
const number = (value: number, digits: number): string => String(Math.round(value * 10 ** digits) / 10 ** digits).replace(".", ",");

/** A text cell: formula-neutralised (OWASP CSV injection), then quoted when it holds a separator, a quote or a line break. */
function text(value: string): string {
  const safe = neutralizeSpreadsheetCell(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The per-group detail of a simulation as CSV for French spreadsheet programs: UTF-8 with a BOM, `;` separators,
 * CRLF line ends, decimal commas; one row per group with patients, then a total row. Every text cell goes through
 * `neutralizeSpreadsheetCell` (the table's label comes from reference data an administrator may import).
 */
export function simulationCsv(table: PepsCoefficientTable, simulation: PepsSimulation): string {
  const tableLabel = simulation.illustrative ? `${simulation.tableLabel} — table illustrative, valeurs fictives` : simulation.tableLabel;
  const rows = simulation.groups
    .filter((g) => g.patients > 0)
    .map((g) => [
      text(ageBandLabel(table, g.ageBand)),
      text(SEX_LABELS[g.sex]),
      text(aldLabel(table, g.aldCount)),
      text(g.precarite ? "Oui" : "Non"),
      String(g.patients),
      number(g.coefficient, 4),
      number(g.perPatientEur, 2),
      number(g.forfaitEur, 2),
      number(g.share * 100, 2),
      text(tableLabel),
    ]);
  const total = [
    text("Total avant bonus qualité et plafond"),
    "",
    "",
    "",
    String(simulation.patients),
    "",
    "",
    number(simulation.baseEur + simulation.precariteEur, 2),
    rows.length > 0 ? "100" : "0",
    text(tableLabel),
  ];
  const lines = [SIMULATION_CSV_HEADERS.map(text), ...rows, total].map((cells) => cells.join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Saves `content` as a CSV file in the browser (no server round trip). */
export function downloadCsv(fileName: string, content: string): void {
  const blob = new Blob([content], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
