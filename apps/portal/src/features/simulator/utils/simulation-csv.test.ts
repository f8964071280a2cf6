import { ILLUSTRATIVE_PEPS_TABLE, simulatePeps, type PepsCoefficientTable } from "@maillage/domain";
import { describe, expect, it } from "vitest";
import { parseCount, parseDecimal } from "./format";
import { simulationCsv } from "./simulation-csv";

const simulate = (table: PepsCoefficientTable) => {
  const r = simulatePeps(table, {
    groups: [
      { ageBand: "85+", sex: "M", aldCount: 2, precarite: true, patients: 3 },
      { ageBand: "0-6", sex: "F", aldCount: 0, precarite: false, patients: 0 },
      { ageBand: "16-44", sex: "F", aldCount: 1, precarite: false, patients: 7 },
    ],
    qualityScore: 1,
    feeForServiceEur: 5000,
  });
  if (!r.ok) throw new Error("simulation");
  return r.value;
};

describe(simulationCsv.name, () => {
  it("writes a BOM, `;` separators, CRLF, decimal commas, one row per group with patients and a total", () => {
    const csv = simulationCsv(ILLUSTRATIVE_PEPS_TABLE, simulate(ILLUSTRATIVE_PEPS_TABLE));
    expect(csv.startsWith("\uFEFFTranche d'âge;Sexe;")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    // 100 × 2.3 × 1 × 2.2 × 1.2 = 607.20 €/patient; × 3 = 1,821.60 €.
    expect(lines[1]).toMatch(/^85 ans et plus;Hommes;2 ALD et plus;Oui;3;6,072;607,2;1821,6;/);
    // 100 × 0.9 × 1.05 × 1.6 = 151.20 €/patient; × 7 = 1,058.40 €.
    expect(lines[2]).toMatch(/^16 à 44 ans;Femmes;1 ALD;Non;7;1,512;151,2;1058,4;/);
    expect(lines[3]).toMatch(/^Total avant bonus qualité et plafond;;;;10;;;2880;100;/);
  });

  it("neutralises formulas and quotes separators in text cells (a table label comes from imported reference data)", () => {
    const table: PepsCoefficientTable = { ...ILLUSTRATIVE_PEPS_TABLE, illustrative: false, label: '=HYPERLINK("http://x";"y")' };
    const csv = simulationCsv(table, simulate(table));
    const row = csv.split("\r\n")[1]!;
    expect(row.endsWith(`;"'=HYPERLINK(""http://x"";""y"")"`)).toBe(true);
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });
});

describe("French number input", () => {
  it.each([
    ["450 000", 450000],
    ["450\u202f000,50", 450000.5],
    ["1520.5", 1520.5],
    ["-3", -3],
    ["", null],
    ["12 €", null],
    ["1,2,3", null],
  ])("parseDecimal(%j) = %j", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it("counts are whole and non-negative", () => {
    expect(parseCount("1 250")).toBe(1250);
    expect(parseCount("12,5")).toBeNull();
    expect(parseCount("-1")).toBeNull();
  });
});
