import { ILLUSTRATIVE_PEPS_TABLE } from "@maillage/domain";
import { describe, expect, it } from "vitest";

import { parseFrenchNumber, parsePepsTableSheet, PEPS_FILE_HEADERS, pepsTemplateRows } from "./peps-table-file.js";

const text = (rows: (string | number | null)[][]) => rows.map((r) => r.map((c) => (c === null ? "" : String(c))));

describe("PEPS coefficient-table file (DOMAIN.md §4.4)", () => {
  it("reads French numbers: decimal comma, spaces, percentages", () => {
    expect(parseFrenchNumber("1,3")).toBe(1.3);
    expect(parseFrenchNumber("1 234,5")).toBe(1234.5);
    expect(parseFrenchNumber("5 %")).toBe(0.05);
    expect(parseFrenchNumber("abc")).toBeNull();
    expect(parseFrenchNumber("")).toBeNull();
  });

  it("reads its own template back into the illustrative table's values", () => {
    const r = parsePepsTableSheet({ headers: [...PEPS_FILE_HEADERS], rows: text(pepsTemplateRows()) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { id: _id, label: _label, ...values } = ILLUSTRATIVE_PEPS_TABLE;
    expect(r.table).toMatchObject({ id: "MA_TABLE_PEPS", ...values });
  });

  it("accepts headers with accents and capitals («  Clé », « Valeur »)", () => {
    const r = parsePepsTableSheet({ headers: ["Type", "Clé", "Min", "Max", "Valeur"], rows: text(pepsTemplateRows()) });
    expect(r.ok).toBe(true);
  });

  it("reports missing columns once, and every bad row with its line", () => {
    expect(parsePepsTableSheet({ headers: ["type", "valeur"], rows: [] })).toMatchObject({ ok: false, problems: [{ line: null, code: "PEPS_FILE.HEADERS" }] });
    const rows = text(pepsTemplateRows());
    rows[3] = ["base", "", "", "", "cent"];
    rows[4] = ["age", "0-6", "zéro", "6", "1,3"];
    const r = parsePepsTableSheet({ headers: [...PEPS_FILE_HEADERS], rows });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [5, "PEPS_FILE.NOT_A_NUMBER"],
      [6, "PEPS_FILE.AGE_INVALID"],
    ]);
  });

  it("maps the domain's errors to the lines they are about", () => {
    const rows = text(pepsTemplateRows());
    const aldIndex = rows.findIndex((r) => r[0] === "ald" && r[1] === "1");
    rows[aldIndex] = ["ald", "1", "", "", "0"];
    const r = parsePepsTableSheet({ headers: [...PEPS_FILE_HEADERS], rows });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ line: aldIndex + 2, code: "PEPS.COEFFICIENT_INVALID" })]);
    expect(r.problems[0]?.message).toMatch(new RegExp(`^Ligne ${aldIndex + 2} : `));
  });
});
