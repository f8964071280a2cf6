import { describe, expect, it } from "vitest";
import { curlExample, parseValidityDays, tokenStatus } from "./token-status";

const NOW = new Date("2026-11-30T12:00:00Z");

describe("tokenStatus", () => {
  it("is active until its expiry, expired from then on", () => {
    expect(tokenStatus({ expiresAt: "2026-12-01T00:00:00Z", revokedAt: null }, NOW)).toBe("ACTIVE");
    expect(tokenStatus({ expiresAt: "2026-11-30T12:00:00Z", revokedAt: null }, NOW)).toBe("EXPIRED");
  });

  it("says revoked even when the token has expired since", () => {
    expect(tokenStatus({ expiresAt: "2026-01-01T00:00:00Z", revokedAt: "2025-12-01T00:00:00Z" }, NOW)).toBe("REVOKED");
  });
});

describe("parseValidityDays", () => {
  it("accepts 1 to 365 whole days", () => {
    expect(parseValidityDays(" 1 ")).toEqual({ days: 1 });
    expect(parseValidityDays("365")).toEqual({ days: 365 });
  });

  it("refuses anything else with a French message", () => {
    expect(parseValidityDays("0")).toEqual({ error: "La durée de validité va de 1 à 365 jours." });
    expect(parseValidityDays("366")).toEqual({ error: "La durée de validité va de 1 à 365 jours." });
    expect(parseValidityDays("12,5")).toEqual({ error: "Indiquez un nombre entier de jours, de 1 à 365." });
    expect(parseValidityDays("")).toEqual({ error: "Indiquez un nombre entier de jours, de 1 à 365." });
  });
});

describe("curlExample", () => {
  it("sends the token as a Bearer header with a JSON body", () => {
    const example = curlExample("https://maillage.example.org", "mlg_abc");
    expect(example).toContain("curl https://maillage.example.org/graphql");
    expect(example).toContain("-H 'Authorization: Bearer mlg_abc'");
    expect(example).toContain(`-d '{"query":"{ me { displayName role } }"}'`);
  });
});
