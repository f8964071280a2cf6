import { describe, expect, it } from "vitest";
import { formatValue, inSentence, valueKindOf } from "./format-value";

const plain = (s: string) => s.replace(/\s/g, " ");

describe("formatValue", () => {
  it("formats by the measure's unit, the French way", () => {
    expect(plain(formatValue(1234567.8, "€"))).toBe("1 234 568 €");
    expect(plain(formatValue(18.375, "€ par patient"))).toBe("18,38 €");
    expect(plain(formatValue(0.4567, "part des MSP"))).toBe("45,7 %");
    expect(plain(formatValue(72.25, "%"))).toBe("72,3 %");
    expect(plain(formatValue(12500, "patients"))).toBe("12 500");
    expect(formatValue(16, "MSP")).toBe("16");
  });

  it("recognises the API's units", () => {
    expect(["€", "€ par patient", "part des MSP", "%", "MSP", "patients", "jours"].map(valueKindOf)).toEqual(["EUR", "EUR_PER_UNIT", "SHARE", "PERCENT_POINTS", "COUNT", "COUNT", "NUMBER"]);
  });
});

describe("inSentence", () => {
  it("lower-cases the first letter of a label, not an acronym", () => {
    expect(inSentence("Taille de la MSP")).toBe("taille de la MSP");
    expect(inSentence("Année")).toBe("année");
    expect(inSentence("ACI")).toBe("ACI");
  });
});
