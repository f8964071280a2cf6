import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { PROJECT_ERROR_CODES, PROJECT_ERROR_MESSAGES } from "./projects.errors.js";
import {
  isProjectStage,
  isProjectStatus,
  normalizeProjectName,
  PROJECT_STAGES,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectInput,
  type ProjectInputContext,
  STAGE_LABELS,
  stageIndex,
  validateProjectInput,
} from "./projects.js";

describe("project stages (DOMAIN.md §2.2)", () => {
  it("orders the stages S0 … S10", () => {
    expect(PROJECT_STAGES).toEqual([
      "PREMIER_CONTACT",
      "PRE_DIAGNOSTIC",
      "DIAGNOSTIC_TERRITORIAL",
      "PROJET_SANTE",
      "VALIDATION_ARS",
      "STRUCTURE_JURIDIQUE",
      "IMMOBILIER",
      "FINANCEMENTS",
      "OUVERTURE",
      "SIGNATURE_ACI",
      "EN_FONCTIONNEMENT",
    ]);
  });

  it("stageIndex is the S-number", () => {
    expect(stageIndex("PREMIER_CONTACT")).toBe(0);
    expect(stageIndex("VALIDATION_ARS")).toBe(4);
    expect(stageIndex("SIGNATURE_ACI")).toBe(9);
    expect(stageIndex("EN_FONCTIONNEMENT")).toBe(10);
    PROJECT_STAGES.forEach((stage, i) => expect(stageIndex(stage)).toBe(i));
  });

  it("labels every stage in French", () => {
    expect(Object.keys(STAGE_LABELS)).toEqual([...PROJECT_STAGES]);
    expect(STAGE_LABELS.PREMIER_CONTACT).toBe("Premier contact / émergence");
    expect(STAGE_LABELS.PRE_DIAGNOSTIC).toBe("Pré-diagnostic et faisabilité");
    expect(STAGE_LABELS.DIAGNOSTIC_TERRITORIAL).toBe("Diagnostic territorial");
    expect(STAGE_LABELS.PROJET_SANTE).toBe("Projet de santé");
    expect(STAGE_LABELS.VALIDATION_ARS).toBe("Validation ARS");
    expect(STAGE_LABELS.STRUCTURE_JURIDIQUE).toBe("Structure juridique");
    expect(STAGE_LABELS.IMMOBILIER).toBe("Immobilier");
    expect(STAGE_LABELS.FINANCEMENTS).toBe("Financements");
    expect(STAGE_LABELS.OUVERTURE).toBe("Ouverture");
    expect(STAGE_LABELS.SIGNATURE_ACI).toBe("Signature ACI");
    expect(STAGE_LABELS.EN_FONCTIONNEMENT).toBe("MSP en fonctionnement");
  });

  it("narrows untrusted values", () => {
    expect(isProjectStage("OUVERTURE")).toBe(true);
    expect(isProjectStage("ouverture")).toBe(false);
    expect(isProjectStage(4)).toBe(false);
  });
});

describe("project statuses", () => {
  it("lists ACTIVE, ON_HOLD, ABANDONED with French labels", () => {
    expect(PROJECT_STATUSES).toEqual(["ACTIVE", "ON_HOLD", "ABANDONED"]);
    expect(PROJECT_STATUS_LABELS).toEqual({ ACTIVE: "Actif", ON_HOLD: "En pause", ABANDONED: "Abandonné" });
    expect(isProjectStatus("ON_HOLD")).toBe(true);
    expect(isProjectStatus("PAUSED")).toBe(false);
  });
});

describe(validateProjectInput.name, () => {
  const KNOWN_COMMUNES = new Set(["75056", "2A004", "97411", "69123"]);
  const calls = { communeExists: [] as string[], isAssignableCharge: [] as string[] };
  const ctx = (partial: boolean): ProjectInputContext => ({
    partial,
    communeExists: (code) => {
      calls.communeExists.push(code);
      return KNOWN_COMMUNES.has(code);
    },
    isAssignableCharge: (id) => {
      calls.isAssignableCharge.push(id);
      return id === "user-charge";
    },
  });
  const create = (input: ProjectInput) => validateProjectInput(input, ctx(false));
  const update = (input: ProjectInput) => validateProjectInput(input, ctx(true));
  const codesOf = (result: ReturnType<typeof create>) => (result.ok ? [] : result.error.map((e) => e.code));

  it("accepts a complete creation and normalises it", () => {
    expect(create({ name: "  MSP   des\tLilas \n", communeCode: " 2a004 ", chargeId: "user-charge" })).toEqual({
      ok: true,
      value: { name: "MSP des Lilas", communeCode: "2A004", chargeId: "user-charge" },
    });
  });

  it("requires name and commune on creation, but not the chargé·e", () => {
    const result = create({});
    expect(result).toEqual({
      ok: false,
      error: [
        { field: "name", code: "PROJECT.NAME_REQUIRED", message: "Le nom du projet est obligatoire." },
        { field: "communeCode", code: "PROJECT.COMMUNE_REQUIRED", message: "La commune est obligatoire." },
      ],
    });
  });

  it("accepts an empty update and keeps only the provided fields", () => {
    expect(update({})).toEqual({ ok: true, value: {} });
    expect(update({ name: "Pôle santé" })).toEqual({ ok: true, value: { name: "Pôle santé" } });
    expect(update({ chargeId: null })).toEqual({ ok: true, value: { chargeId: null } });
  });

  it("refuses to blank a provided field, even in an update", () => {
    expect(codesOf(update({ name: "   ", communeCode: " " }))).toEqual([
      "PROJECT.NAME_REQUIRED",
      "PROJECT.COMMUNE_REQUIRED",
    ]);
  });

  it("returns every error at once, one per faulty field", () => {
    const result = create({ name: "ab", communeCode: "7505", chargeId: "user-msp" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => [e.field, e.code])).toEqual([
      ["name", "PROJECT.NAME_TOO_SHORT"],
      ["communeCode", "PROJECT.COMMUNE_INVALID_FORMAT"],
      ["chargeId", "PROJECT.CHARGE_NOT_ASSIGNABLE"],
    ]);
  });

  describe("name", () => {
    it("counts length after normalisation, in characters (not UTF-16 units)", () => {
      expect(codesOf(create({ name: " a  b ", communeCode: "75056" }))).toEqual([]); // "a b" = 3
      expect(codesOf(create({ name: "ab", communeCode: "75056" }))).toEqual(["PROJECT.NAME_TOO_SHORT"]);
      expect(codesOf(create({ name: "é".repeat(120), communeCode: "75056" }))).toEqual([]);
      expect(codesOf(create({ name: "e\u0301".repeat(120), communeCode: "75056" }))).toEqual([]); // NFC → 120
      expect(codesOf(create({ name: "🏥".repeat(120), communeCode: "75056" }))).toEqual([]);
      expect(codesOf(create({ name: "x".repeat(121), communeCode: "75056" }))).toEqual(["PROJECT.NAME_TOO_LONG"]);
    });

    it("stores the NFC form", () => {
      const result = update({ name: "Sante\u0301 Plus" });
      expect(result).toEqual({ ok: true, value: { name: "Santé Plus" } });
    });

    it.each([
      ["NUL", "MSP\u0000Lilas"],
      ["BEL", "MSP Lilas\u0007"],
      ["DEL", "MSP\u007FLilas"],
      ["C1 control", "MSP\u0085Lilas"],
      ["bidi override", "MSP \u202Esalil"],
      ["lone surrogate", "MSP \uD800 Lilas"],
    ])("rejects a %s", (_label, name) => {
      expect(codesOf(update({ name }))).toEqual(["PROJECT.NAME_INVALID_CHARACTERS"]);
    });

    it("turns tabs, newlines and no-break spaces into single spaces instead of rejecting them", () => {
      expect(update({ name: "MSP\r\n de\u00A0la\u202FGare" })).toEqual({ ok: true, value: { name: "MSP de la Gare" } });
    });

    it("property: a valid name is a fixed point of the normalisation", () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", maxLength: 130 }), (raw) => {
          const result = update({ name: raw });
          if (!result.ok || result.value.name === undefined) return;
          expect(normalizeProjectName(result.value.name)).toBe(result.value.name);
          expect(result.value.name).not.toMatch(/^\s|\s$|\s\s/u);
          expect([...result.value.name].length).toBeGreaterThanOrEqual(3);
          expect([...result.value.name].length).toBeLessThanOrEqual(120);
        }),
      );
    });
  });

  describe("communeCode", () => {
    it("checks existence only once the format is right", () => {
      calls.communeExists.length = 0;
      expect(codesOf(update({ communeCode: "75001" }))).toEqual(["PROJECT.COMMUNE_UNKNOWN"]);
      expect(calls.communeExists).toEqual(["75001"]);
      calls.communeExists.length = 0;
      expect(codesOf(update({ communeCode: "Paris" }))).toEqual(["PROJECT.COMMUNE_INVALID_FORMAT"]);
      expect(calls.communeExists).toEqual([]);
    });

    it.each(["75056", "2A004", "97411"])("accepts the known commune %s", (communeCode) => {
      expect(update({ communeCode })).toEqual({ ok: true, value: { communeCode } });
    });

    it.each(["750", "750560", "2C004", "75 056", "2A-004"])("rejects the malformed %j", (communeCode) => {
      expect(codesOf(update({ communeCode }))).toEqual(["PROJECT.COMMUNE_INVALID_FORMAT"]);
    });
  });

  describe("chargeId", () => {
    it("asks the context whether the chargé·e is assignable", () => {
      calls.isAssignableCharge.length = 0;
      expect(update({ chargeId: "user-charge" })).toEqual({ ok: true, value: { chargeId: "user-charge" } });
      expect(codesOf(update({ chargeId: "user-researcher" }))).toEqual(["PROJECT.CHARGE_NOT_ASSIGNABLE"]);
      expect(calls.isAssignableCharge).toEqual(["user-charge", "user-researcher"]);
    });

    it("rejects an empty id without asking", () => {
      calls.isAssignableCharge.length = 0;
      expect(codesOf(update({ chargeId: "" }))).toEqual(["PROJECT.CHARGE_NOT_ASSIGNABLE"]);
      expect(calls.isAssignableCharge).toEqual([]);
    });
  });

  it("has a French message for every code", () => {
    for (const code of PROJECT_ERROR_CODES) {
      expect(PROJECT_ERROR_MESSAGES[code]).toMatch(/^[A-ZÀ-Ý].+\.$/u);
    }
  });
});
