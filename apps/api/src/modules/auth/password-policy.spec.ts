import { describe, expect, it } from "vitest";

import { passwordProblems } from "./password-policy.js";

const codes = (password: string) => passwordProblems(password, { email: "claire.martin@msp-exemple.fr", displayName: "Claire Martin" }).map((p) => p.code);

describe("password policy", () => {
  it("refuses short, common and personal passwords with a French message, never the password itself", () => {
    expect(codes("court")).toEqual(["PASSWORD.TOO_SHORT"]);
    expect(codes("motdepasse123")).toEqual(["PASSWORD.TOO_COMMON"]);
    expect(codes("azertyuiop123")).toEqual(["PASSWORD.TOO_COMMON"]);
    expect(codes("password1234")).toEqual(["PASSWORD.TOO_COMMON"]);
    expect(codes("claire.martin2026")).toEqual(["PASSWORD.CONTAINS_EMAIL"]);
    expect(codes("x".repeat(300))).toEqual(["PASSWORD.TOO_LONG"]);
    for (const p of passwordProblems("motdepasse123", { email: "a@b.fr" })) expect(p.message).not.toContain("motdepasse123");
  });

  it("accepts long passphrases and random strings", () => {
    expect(codes("girafe-velo-orage-pistache")).toEqual([]);
    expect(codes("T7#qv9!Lm2@xZ")).toEqual([]);
  });
});
