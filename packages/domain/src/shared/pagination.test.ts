import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  clampPageSize,
  type CursorValue,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_CURSOR_LENGTH,
  MAX_PAGE_SIZE,
} from "./pagination.js";

const cursorValue: fc.Arbitrary<CursorValue> = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);

describe(encodeCursor.name, () => {
  it.each<[CursorValue[], string]>([
    [[], "W10"],
    [["a", 1], "WyJhIiwxXQ"],
    [["Saint-Étienne", "b3f1"], "WyJTYWludC1cdTAwYzl0aWVubmUiLCJiM2YxIl0"],
    [[0, -1.5, "🏥"], "WzAsLTEuNSwiXHVkODNjXHVkZmU1Il0"],
  ])("encodes %j as base64url JSON: %s", (values, cursor) => {
    expect(encodeCursor(values)).toBe(cursor);
  });

  it("only produces URL-safe characters, without padding", () => {
    fc.assert(
      fc.property(fc.array(cursorValue), (values) => {
        expect(encodeCursor(values)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });

  it("refuses non-finite numbers", () => {
    expect(() => encodeCursor([Number.NaN])).toThrow(RangeError);
    expect(() => encodeCursor(["a", Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe(decodeCursor.name, () => {
  it("property: decode(encode(values)) gives the values back", () => {
    fc.assert(
      fc.property(fc.array(cursorValue, { maxLength: 8 }), (values) => {
        expect(decodeCursor(encodeCursor(values))).toEqual(values);
      }),
    );
  });

  it.each([
    ["empty string", ""],
    ["standard base64 alphabet", "WyJhIiwxXQ+/"],
    ["padding", "W10="],
    ["impossible length", "W10aB"],
    ["non-canonical trailing bits", "W11"],
    ["not JSON", "bm90IGpzb24"],
    ["truncated JSON", "WzE"],
    ["an object", "eyJhIjoxfQ"],
    ["a nested array", "W1sxXV0"],
    ["null element", "W251bGxd"],
    ["boolean element", "W3RydWVd"],
    ["infinite number", "WzFlOTk5XQ"],
    ["raw UTF-8 bytes (not produced here)", "WyLDqSJd"],
    ["spaces", "W1 0"],
    ["too long", "A".repeat(MAX_CURSOR_LENGTH + 4)],
  ])("returns null for %s", (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it("property: never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."AWQyZ0123-_=") })), (s) => {
        const decoded = decodeCursor(s);
        if (decoded !== null) {
          expect(Array.isArray(decoded)).toBe(true);
          for (const v of decoded) expect(["string", "number"]).toContain(typeof v);
        }
      }),
    );
  });
});

describe(clampPageSize.name, () => {
  it.each<[number | undefined, number]>([
    [undefined, DEFAULT_PAGE_SIZE],
    [Number.NaN, DEFAULT_PAGE_SIZE],
    [10, 10],
    [1, 1],
    [0, 1],
    [-5, 1],
    [100, 100],
    [101, MAX_PAGE_SIZE],
    [Number.POSITIVE_INFINITY, MAX_PAGE_SIZE],
    [Number.NEGATIVE_INFINITY, 1],
    [12.9, 12],
  ])("clampPageSize(%s) = %s with the defaults (25, max 100)", (n, expected) => {
    expect(clampPageSize(n)).toBe(expected);
  });

  it("honours explicit options", () => {
    expect(clampPageSize(undefined, { default: 10, max: 50 })).toBe(10);
    expect(clampPageSize(80, { default: 10, max: 50 })).toBe(50);
  });

  it("property: always an integer in [1, max]", () => {
    fc.assert(
      fc.property(fc.option(fc.double(), { nil: undefined }), (n) => {
        const size = clampPageSize(n);
        expect(Number.isInteger(size)).toBe(true);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(MAX_PAGE_SIZE);
      }),
    );
  });
});
