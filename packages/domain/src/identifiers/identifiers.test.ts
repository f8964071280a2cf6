import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  isCommuneCode,
  isDepartementCode,
  isRppsFormat,
  isValidAdeli,
  isValidFiness,
  isValidRpps,
  isValidSiren,
  isValidSiret,
  luhnKey,
  luhnValid,
} from "./identifiers.js";

describe(luhnValid.name, () => {
  it("accepts classic Luhn numbers and rejects a one-off", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
    expect(luhnValid("0")).toBe(true);
    expect(luhnValid("18")).toBe(true);
    expect(luhnValid("19")).toBe(false);
  });

  it("rejects empty strings and non-digits", () => {
    for (const s of ["", " ", "7992739871a", "7992 7398 713", "-18", "１８"]) expect(luhnValid(s)).toBe(false);
  });
});

describe(luhnKey.name, () => {
  it("T-ID: computes the FINESS keys of DOMAIN.md §8.1", () => {
    expect(luhnKey("75071218")).toBe(4);
    expect(luhnKey("13078604")).toBe(9);
    expect(luhnKey("30000001")).toBe(5);
  });

  it("throws on a non-digit base (programming error)", () => {
    expect(() => luhnKey("")).toThrow(RangeError);
    expect(() => luhnKey("12a")).toThrow(RangeError);
  });

  const digitString = (minLength: number, maxLength: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength, maxLength });

  it("property: base + luhnKey(base) is always Luhn-valid", () => {
    fc.assert(
      fc.property(digitString(1, 30), (base) => {
        expect(luhnValid(base + String(luhnKey(base)))).toBe(true);
      }),
    );
  });

  it("property: changing any single digit of a valid number makes it invalid", () => {
    fc.assert(
      fc.property(
        digitString(1, 30),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (base, rawPosition, delta) => {
          const valid = base + String(luhnKey(base));
          const position = rawPosition % valid.length;
          const changed = (Number(valid[position]) + delta) % 10;
          const mutated = valid.slice(0, position) + String(changed) + valid.slice(position + 1);
          expect(luhnValid(mutated)).toBe(false);
        },
      ),
    );
  });

  it("property: exactly one key digit makes a base valid", () => {
    fc.assert(
      fc.property(digitString(1, 20), (base) => {
        const validKeys = [...Array(10).keys()].filter((k) => luhnValid(base + String(k)));
        expect(validKeys).toEqual([luhnKey(base)]);
      }),
    );
  });
});

describe("RPPS (DOMAIN.md §8.1 — ✅ format, 🟡 Luhn)", () => {
  it.each(["10000123454", "10000000009", "10123456781", "10100901734", "10001678357"])("T-ID: %s is valid", (s) => {
    expect(isValidRpps(s)).toBe(true);
  });

  it.each(["10000123452", "10000123453"])("T-ID: %s fails the Luhn key but keeps the format", (s) => {
    expect(isValidRpps(s)).toBe(false);
    expect(isRppsFormat(s)).toBe(true);
  });

  it.each(["", "1000012345", "100001234540", "810100901734", "1000012345a", " 10000123454"])(
    "rejects the malformed %j",
    (s) => {
      expect(isRppsFormat(s)).toBe(false);
      expect(isValidRpps(s)).toBe(false);
    },
  );
});

describe(isValidFiness.name, () => {
  it.each(["750712184", "130786049", "690781810", "750100125", "600100101", "750041543", "750100018", "830100558"])(
    "T-ID: %s is valid",
    (s) => {
      expect(isValidFiness(s)).toBe(true);
    },
  );

  it("T-ID: 750712185 is invalid (wrong key)", () => {
    expect(isValidFiness("750712185")).toBe(false);
  });

  it("checks only the format for Corsica (2A/2B), whose key rule is unknown (⚠️)", () => {
    expect(isValidFiness("2A0000011")).toBe(true);
    expect(isValidFiness("2B1234567")).toBe(true);
    expect(isValidFiness("2C1234567")).toBe(false);
    expect(isValidFiness("2A000001")).toBe(false);
  });

  it.each(["", "75071218", "7507121840", "75071218A", "2a0000011"])("rejects the malformed %j", (s) => {
    expect(isValidFiness(s)).toBe(false);
  });
});

describe("SIREN / SIRET (DOMAIN.md §8.1, ✅)", () => {
  it("validates SIREN with Luhn", () => {
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("356000000")).toBe(true);
    expect(isValidSiren("732829321")).toBe(false);
    expect(isValidSiren("73282932")).toBe(false);
    expect(isValidSiren("73282932O")).toBe(false);
  });

  it("validates SIRET with Luhn over 14 digits", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("732829320000741")).toBe(false);
  });

  it("applies the La Poste exception (digit sum multiple of 5) only to SIREN 356000000", () => {
    expect(isValidSiret("35600000000048")).toBe(true); // head office, also Luhn-valid
    expect(isValidSiret("35600000049837")).toBe(true); // digit sum 45, not Luhn-valid
    expect(luhnValid("35600000049837")).toBe(false);
    expect(isValidSiret("35600000049838")).toBe(false); // digit sum 46
    // Outside La Poste a digit sum multiple of 5 is no excuse for a wrong Luhn key.
    expect(luhnValid("10000000000004")).toBe(false);
    expect(isValidSiret("10000000000004")).toBe(false); // digit sum 5
  });
});

describe(isValidAdeli.name, () => {
  it("checks the 9-character format only (⚠️ no key known)", () => {
    expect(isValidAdeli("751234567")).toBe(true);
    expect(isValidAdeli("971234567")).toBe(true);
    expect(isValidAdeli("2A1234567")).toBe(true);
    expect(isValidAdeli("75123456")).toBe(false);
    expect(isValidAdeli("7512345678")).toBe(false);
    expect(isValidAdeli("75123456X")).toBe(false);
    expect(isValidAdeli("")).toBe(false);
  });
});

describe(isCommuneCode.name, () => {
  it.each([
    ["2A004", "Ajaccio (T-COG)"],
    ["97411", "Saint-Denis, La Réunion (T-COG)"],
    ["75056", "Paris, commune (T-COG)"],
    ["75101", "Paris 1er, arrondissement ARM (T-COG)"],
    ["75120", "Paris 20e, arrondissement ARM (T-COG)"],
    ["2B033", "Bastia"],
    ["01001", "L'Abergement-Clémenciat"],
  ])("accepts %s — %s", (code) => {
    expect(isCommuneCode(code)).toBe(true);
  });

  it.each(["", "7505", "750560", "2C004", "2a004", "2A0040", "75 056", " 75056", "7505A"])(
    "rejects the malformed %j",
    (code) => {
      expect(isCommuneCode(code)).toBe(false);
    },
  );
});

describe(isDepartementCode.name, () => {
  it("accepts the 101 départements and nothing else of length ≤ 3", () => {
    const accepted: string[] = [];
    for (let n = 0; n < 1000; n += 1) {
      for (const code of [String(n).padStart(2, "0"), String(n).padStart(3, "0")]) {
        if (isDepartementCode(code)) accepted.push(code);
      }
    }
    for (const code of ["2A", "2B", "2C", "20"]) if (isDepartementCode(code)) accepted.push(code);
    const unique = [...new Set(accepted)];
    expect(unique).toHaveLength(101);
    expect(unique).toEqual(expect.arrayContaining(["01", "19", "21", "2A", "2B", "95", "971", "972", "973", "974", "976"]));
  });

  it.each(["00", "20", "96", "97", "975", "977", "98", "2C", "2a", "1", "001", "9710"])("rejects %j", (code) => {
    expect(isDepartementCode(code)).toBe(false);
  });
});
