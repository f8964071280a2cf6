import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { FORMULA_TRIGGERS, isDangerousSpreadsheetCell, neutralizeSpreadsheetCell } from "./spreadsheet.js";

describe(neutralizeSpreadsheetCell.name, () => {
  it.each<[string, string]>([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","clic")', '\'=HYPERLINK("http://evil.example","clic")'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ["-1+2", "'-1+2"],
    ["-A1", "'-A1"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["＝1+1", "'＝1+1"],
    ["-", "'-"],
    ["--12", "'--12"],
    ["-12,5,3", "'-12,5,3"],
    ["-1e5", "'-1e5"],
  ])("quotes the formula-like cell %j", (input, expected) => {
    expect(neutralizeSpreadsheetCell(input)).toBe(expected);
  });

  it.each(["", "MSP du Val de l'Isle", "12,5", "2024", "Saint-Astier", " =1", "a=b", "'=déjà cité", "-12,5", "+3", "-0.25"])(
    "leaves the harmless cell %j alone (plain signed numbers included)",
    (input) => {
      expect(neutralizeSpreadsheetCell(input)).toBe(input);
    },
  );

  it("never returns a cell a spreadsheet would evaluate, only ever adds one quote, and is idempotent", () => {
    const trigger = fc.constantFrom(...FORMULA_TRIGGERS);
    const text = fc.oneof(fc.string(), fc.tuple(trigger, fc.string()).map(([t, s]) => t + s), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(text, (input) => {
        const out = neutralizeSpreadsheetCell(input);
        expect(isDangerousSpreadsheetCell(out)).toBe(false);
        expect(out === input || out === `'${input}`).toBe(true);
        expect(neutralizeSpreadsheetCell(out)).toBe(out);
        expect(out !== input).toBe(isDangerousSpreadsheetCell(input));
      }),
    );
  });

  it("leaves every plain signed decimal number unchanged", () => {
    fc.assert(
      fc.property(fc.constantFrom("-", "+", ""), fc.nat(), fc.option(fc.nat()), fc.constantFrom(",", "."), (sign, int, frac, sep) => {
        const input = `${sign}${int}${frac === null ? "" : `${sep}${frac}`}`;
        expect(neutralizeSpreadsheetCell(input)).toBe(input);
      }),
    );
  });
});
