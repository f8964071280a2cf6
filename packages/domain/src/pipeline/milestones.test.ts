import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { luhnKey } from "../identifiers/identifiers.js";
import { PROJECT_STAGES, type ProjectStage } from "../projects/projects.js";
import { MILESTONE_ERROR_CODES } from "./milestones.errors.js";
import {
  checklistFor,
  DEFAULT_MILESTONES,
  deriveCustomMilestoneKey,
  findMilestone,
  type MilestoneDefinition,
  normalizeDecimal,
  toCustomMilestoneDefinition,
  validateCustomMilestone,
  validateMilestoneFields,
} from "./milestones.js";

const NOW = new Date("2026-11-20T09:00:00Z");

const def = (key: string): MilestoneDefinition => {
  const found = findMilestone(key, []);
  if (!found) throw new Error(`no milestone ${key}`);
  return found;
};

const custom = (key: string, stage: ProjectStage, required = true): MilestoneDefinition =>
  toCustomMilestoneDefinition({ key, stage, label: `Jalon ${key}`, description: null, required });

describe("DEFAULT_MILESTONES (DOMAIN.md §2.2, §2.3)", () => {
  // prettier-ignore
  const CATALOGUE: [string, ProjectStage, boolean, string[]][] = [
    ["FICHE_PROJET",         "PREMIER_CONTACT",        true,  []],
    ["LISTE_PS",             "PREMIER_CONTACT",        true,  []],
    ["NOTE_FAISABILITE",     "PRE_DIAGNOSTIC",         true,  []],
    ["ASSO_STATUTS",         "PRE_DIAGNOSTIC",         false, ["constitutedAt:DATE:opt"]],
    ["DEMANDE_FIR",          "PRE_DIAGNOSTIC",         false, []],
    ["RENCONTRE_ARS",        "PRE_DIAGNOSTIC",         false, ["metAt:DATE:opt"]],
    ["DIAG_TERRITORIAL",     "DIAGNOSTIC_TERRITORIAL", true,  []],
    ["PROJET_SANTE",         "PROJET_SANTE",           true,  ["versionDate:DATE:opt"]],
    ["ENGAGEMENTS_PS",       "PROJET_SANTE",           true,  []],
    ["VALIDATION_ARS",       "VALIDATION_ARS",         true,  ["validatedAt:DATE:req"]],
    ["FINESS_EJ_ET",         "VALIDATION_ARS",         true,  ["finessEj:FINESS:req", "finessEt:FINESS:req"]],
    ["SISA_STATUTS",         "STRUCTURE_JURIDIQUE",    false, ["constitutedAt:DATE:req", "capitalVariable:BOOLEAN:opt"]],
    ["REGLEMENT_INTERIEUR",  "STRUCTURE_JURIDIQUE",    false, []],
    ["BAIL_PLANS",           "IMMOBILIER",             true,  []],
    ["DECISION_FINANCEMENT", "FINANCEMENTS",           true,  ["funder:TEXT:req", "decisionDate:DATE:req", "amount:NUMBER:opt"]],
    ["CPOM",                 "FINANCEMENTS",           false, ["signedAt:DATE:req"]],
    ["FICHE_POSTE_COORD",    "OUVERTURE",              true,  []],
    ["OUVERTURE",            "OUVERTURE",              true,  ["openedAt:DATE:req"]],
    ["CONTRAT_ACI",          "SIGNATURE_ACI",          true,  ["signedAt:DATE:req", "sisaCommitment:BOOLEAN:opt"]],
    ["ACI_JUSTIFICATIFS",    "EN_FONCTIONNEMENT",      false, ["year:NUMBER:req"]],
    ["PEPS_CANDIDATURE",     "EN_FONCTIONNEMENT",      false, []],
  ];

  it("lists the catalogue in stage order", () => {
    expect(DEFAULT_MILESTONES.map((m) => m.key)).toEqual(CATALOGUE.map(([key]) => key));
    const indexes = DEFAULT_MILESTONES.map((m) => PROJECT_STAGES.indexOf(m.stage));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it.each(CATALOGUE)("%s: stage %s, required %s, fields %j", (key, stage, required, fields) => {
    const m = def(key);
    expect(m.stage).toBe(stage);
    expect(m.required).toBe(required);
    expect(m.fields.map((f) => `${f.key}:${f.type}:${f.required ? "req" : "opt"}`)).toEqual(fields);
    expect(m.isCustom).toBe(false);
    expect(m.recurring).toBe(key === "ACI_JUSTIFICATIFS");
    expect(m.label.length).toBeGreaterThan(3);
    expect(m.description?.length).toBeGreaterThan(10);
    for (const f of m.fields) expect(f.label.length).toBeGreaterThan(2);
  });

  it.each([
    ["NOTE_FAISABILITE", "Note de pré-diagnostic / étude de faisabilité"],
    ["RENCONTRE_ARS", "Rencontre avec le référent MSP de l'ARS"],
    ["BAIL_PLANS", "Bail, plans, permis de construire"],
    ["OUVERTURE", "Ouverture de la MSP"],
    ["ACI_JUSTIFICATIFS", "Justificatifs ACI de l'année"],
  ])("labels %s « %s »", (key, label) => {
    expect(def(key).label).toBe(label);
  });

  it("has unique keys, and every stage has at least one milestone", () => {
    expect(new Set(DEFAULT_MILESTONES.map((m) => m.key)).size).toBe(DEFAULT_MILESTONES.length);
    for (const stage of PROJECT_STAGES) expect(checklistFor(stage, []).length).toBeGreaterThan(0);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(DEFAULT_MILESTONES)).toBe(true);
  });
});

describe(checklistFor.name, () => {
  it("gives the defaults of the stage then the custom ones of that stage, in order", () => {
    const customs = [custom("CUSTOM_B", "PROJET_SANTE"), custom("CUSTOM_X", "OUVERTURE"), custom("CUSTOM_A", "PROJET_SANTE")];
    expect(checklistFor("PROJET_SANTE", customs).map((m) => m.key)).toEqual([
      "PROJET_SANTE",
      "ENGAGEMENTS_PS",
      "CUSTOM_B",
      "CUSTOM_A",
    ]);
    expect(checklistFor("IMMOBILIER", customs).map((m) => m.key)).toEqual(["BAIL_PLANS"]);
  });
});

describe(findMilestone.name, () => {
  it("finds defaults first, then custom milestones", () => {
    expect(findMilestone("CPOM", [])?.stage).toBe("FINANCEMENTS");
    const c = custom("CUSTOM_VISITE", "OUVERTURE");
    expect(findMilestone("CUSTOM_VISITE", [c])).toBe(c);
    expect(findMilestone("CUSTOM_VISITE", [])).toBeUndefined();
    // A custom milestone cannot shadow a default one.
    expect(findMilestone("CPOM", [custom("CPOM", "OUVERTURE")])?.isCustom).toBe(false);
  });
});

describe(validateMilestoneFields.name, () => {
  const values = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
  const errorsOf = (key: string, o: Record<string, string>, now = NOW) => {
    const r = validateMilestoneFields(def(key), values(o), now);
    return r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`);
  };

  it("accepts and normalises a complete submission", () => {
    const r = validateMilestoneFields(
      def("DECISION_FINANCEMENT"),
      values({ funder: "  ARS Bretagne (FIR) ", decisionDate: "2026-06-01", amount: "012500,50" }),
      NOW,
    );
    expect(r).toEqual({ ok: true, value: { funder: "ARS Bretagne (FIR)", decisionDate: "2026-06-01", amount: "12500.5" } });
  });

  it("accepts a milestone without fields and no values", () => {
    expect(validateMilestoneFields(def("FICHE_PROJET"), [], NOW)).toEqual({ ok: true, value: {} });
  });

  it("leaves absent or blank optional fields out", () => {
    const r = validateMilestoneFields(def("CONTRAT_ACI"), values({ signedAt: "2026-03-01", sisaCommitment: "  " }), NOW);
    expect(r).toEqual({ ok: true, value: { signedAt: "2026-03-01" } });
  });

  it("reports every error at once, on fields.<key>", () => {
    expect(errorsOf("DECISION_FINANCEMENT", { decisionDate: "2026-13-01", amount: "-3", color: "red" })).toEqual([
      "fields.color:MILESTONE.FIELD_UNKNOWN",
      "fields.funder:MILESTONE.FIELD_REQUIRED",
      "fields.decisionDate:MILESTONE.FIELD_DATE_INVALID",
      "fields.amount:MILESTONE.FIELD_NUMBER_INVALID",
    ]);
  });

  it("refuses any value for a milestone without fields", () => {
    expect(errorsOf("FICHE_PROJET", { note: "x" })).toEqual(["fields.note:MILESTONE.FIELD_UNKNOWN"]);
  });

  it("refuses a key given twice", () => {
    const r = validateMilestoneFields(
      def("CPOM"),
      [
        { key: "signedAt", value: "2026-01-01" },
        { key: "signedAt", value: "2026-02-01" },
      ],
      NOW,
    );
    expect(r.ok ? [] : r.error.map((e) => e.code)).toEqual(["MILESTONE.FIELD_DUPLICATE"]);
  });

  it.each([
    ["2026-11-20", true, "today"],
    ["2026-11-21", true, "already today at UTC+14"],
    ["2026-11-22", false, "the day after tomorrow"],
    ["2020-02-29", true, "a leap day in the past"],
    ["2026-02-29", false, "an impossible date"],
    ["20/11/2026", false, "French order"],
  ])("DATE signedAt %s at 2026-11-20T10:30Z → ok=%s (%s)", (signedAt, expected) => {
    const now = new Date("2026-11-20T10:30:00Z"); // 00:30 on the 21st at UTC+14
    expect(validateMilestoneFields(def("CPOM"), values({ signedAt }), now).ok).toBe(expected);
  });

  it("refuses a signature date after today with MILESTONE.FIELD_DATE_IN_FUTURE (NOW = 09:00Z, 23:00 at UTC+14)", () => {
    expect(errorsOf("CPOM", { signedAt: "2026-11-21" })).toEqual(["fields.signedAt:MILESTONE.FIELD_DATE_IN_FUTURE"]);
    expect(errorsOf("CONTRAT_ACI", { signedAt: "2027-01-01" })).toEqual(["fields.signedAt:MILESTONE.FIELD_DATE_IN_FUTURE"]);
    expect(errorsOf("DECISION_FINANCEMENT", { funder: "ARS", decisionDate: "2030-01-01" })).toEqual([
      "fields.decisionDate:MILESTONE.FIELD_DATE_IN_FUTURE",
    ]);
  });

  it("names the field in French in the message", () => {
    const r = validateMilestoneFields(def("CPOM"), [], NOW);
    expect(r.ok ? null : r.error[0]?.message).toBe("Le champ « Date de signature » est obligatoire.");
  });

  it.each([
    ["true", true],
    ["false", true],
    [" true ", true],
    ["TRUE", false],
    ["oui", false],
    ["1", false],
  ])("BOOLEAN %j → ok=%s", (value, expected) => {
    const r = validateMilestoneFields(def("SISA_STATUTS"), values({ constitutedAt: "2026-01-01", capitalVariable: value }), NOW);
    expect(r.ok).toBe(expected);
    if (!r.ok) expect(r.error[0]?.code).toBe("MILESTONE.FIELD_BOOLEAN_INVALID");
  });

  it.each([
    ["0", "0"],
    ["12500", "12500"],
    ["12500.50", "12500.5"],
    ["12500,50", "12500.5"],
    ["0007", "7"],
    ["3.000", "3"],
    ["0,05", "0.05"],
    ["-1", null],
    ["1e3", null],
    ["12 500", null],
    ["1.", null],
    [".5", null],
    ["1.2.3", null],
    ["abc", null],
    ["Infinity", null],
  ])("NUMBER %j → %j", (raw, expected) => {
    expect(normalizeDecimal(raw)).toBe(expected);
    const r = validateMilestoneFields(def("DECISION_FINANCEMENT"), values({ funder: "ARS", decisionDate: "2026-01-01", amount: raw }), NOW);
    expect(r.ok ? r.value.amount : null).toBe(expected);
  });

  it("property: normalizeDecimal is idempotent and keeps the value", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,15}([.,]\d{1,6})?$/), (raw) => {
        const n = normalizeDecimal(raw);
        expect(n).not.toBeNull();
        expect(normalizeDecimal(n ?? "")).toBe(n);
        expect(Number(n)).toBe(Number(raw.replace(",", ".")));
      }),
    );
  });

  it.each([
    ["2017", true],
    ["2026", true],
    ["2027", false],
    ["2016", false],
    ["2025.5", false],
    ["2025,0", true],
  ])("ACI_JUSTIFICATIFS year %s → ok=%s (2017 … current year)", (year, expected) => {
    const r = validateMilestoneFields(def("ACI_JUSTIFICATIFS"), values({ year }), NOW);
    expect(r.ok).toBe(expected);
    if (!r.ok) expect(r.error[0]?.code).toBe("MILESTONE.FIELD_YEAR_INVALID");
  });

  it.each([
    ["750712184", "750712184", true],
    ["750712185", null, false],
    [" 130786049 ", "130786049", true],
    ["2a0000001", "2A0000001", true],
    ["75071218", null, false],
  ])("FINESS %j → %j", (raw, expected, ok) => {
    const r = validateMilestoneFields(def("FINESS_EJ_ET"), values({ finessEj: raw, finessEt: "690781810" }), NOW);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value.finessEj).toBe(expected);
    else expect(r.error.map((e) => e.code)).toEqual(["MILESTONE.FIELD_FINESS_INVALID"]);
  });

  it("accepts FINESS numbers built with luhnKey (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(0[1-9]|[1-8]\d|9[0-5])\d{6}$/), (base) => {
        const finess = `${base}${luhnKey(base)}`;
        expect(validateMilestoneFields(def("FINESS_EJ_ET"), values({ finessEj: finess, finessEt: finess }), NOW).ok).toBe(true);
      }),
    );
  });

  it("limits TEXT to 2000 characters once trimmed (code points)", () => {
    const ok2000 = "é".repeat(1999) + "🏥";
    expect(validateMilestoneFields(def("DECISION_FINANCEMENT"), values({ funder: ` ${ok2000} `, decisionDate: "2026-01-01" }), NOW).ok).toBe(true);
    expect(errorsOf("DECISION_FINANCEMENT", { funder: "x".repeat(2001), decisionDate: "2026-01-01" })).toEqual([
      "fields.funder:MILESTONE.FIELD_TEXT_TOO_LONG",
    ]);
  });

  it("property: never throws; an ok result only holds defined fields, non-empty", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_MILESTONES),
        fc.array(fc.record({ key: fc.oneof(fc.constantFrom("signedAt", "year", "funder", "amount", "finessEj", "capitalVariable", "x"), fc.string()), value: fc.string() }), { maxLength: 6 }),
        (m, vals) => {
          const r = validateMilestoneFields(m, vals, NOW);
          if (r.ok) {
            for (const [k, v] of Object.entries(r.value)) {
              expect(m.fields.map((f) => f.key)).toContain(k);
              expect(v).not.toBe("");
              expect(v).toBe(v.trim());
            }
            for (const f of m.fields.filter((f) => f.required)) expect(r.value[f.key]).toBeDefined();
          } else {
            expect(r.error.length).toBeGreaterThan(0);
            for (const e of r.error) {
              expect(e.field.startsWith("fields.")).toBe(true);
              expect(MILESTONE_ERROR_CODES).toContain(e.code);
            }
          }
        },
      ),
    );
  });

  it("property: any past date is a valid signature date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: NOW, noInvalidDate: true }), (d) => {
        const signedAt = d.toISOString().slice(0, 10);
        expect(validateMilestoneFields(def("CPOM"), values({ signedAt }), NOW)).toEqual({ ok: true, value: { signedAt } });
      }),
    );
  });
});

describe(deriveCustomMilestoneKey.name, () => {
  it.each([
    ["Visite de conformité", "CUSTOM_VISITE_DE_CONFORMITE"],
    ["Réunion « comité de pilotage » n°2", "CUSTOM_REUNION_COMITE_DE_PILOTAGE_N_2"],
    ["  Cœur de métier  ", "CUSTOM_COEUR_DE_METIER"],
    ["Ægis — éco-système", "CUSTOM_AEGIS_ECO_SYSTEME"],
    ["Straße", "CUSTOM_STRASSE"],
    ["Délibération de l'EPCI", "CUSTOM_DELIBERATION_DE_L_EPCI"],
    ["***", null],
    ["日本語", null],
  ])("%j → %j", (label, expected) => {
    expect(deriveCustomMilestoneKey(label)).toBe(expected);
  });

  it("cuts long keys to 64 characters without a trailing underscore", () => {
    const key = deriveCustomMilestoneKey(`${"a".repeat(56)} bcdefgh`);
    expect(key).toBe(`CUSTOM_${"A".repeat(56)}`);
    expect(deriveCustomMilestoneKey("x".repeat(200))?.length).toBe(64);
  });

  it("property: a derived key is CUSTOM_ + UPPER_SNAKE, at most 64 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), (label) => {
        const key = deriveCustomMilestoneKey(label);
        if (key !== null) {
          expect(key).toMatch(/^CUSTOM_[A-Z0-9]+(_[A-Z0-9]+)*$/);
          expect(key.length).toBeLessThanOrEqual(64);
        }
      }),
    );
  });
});

describe(validateCustomMilestone.name, () => {
  const errorsOf = (input: Parameters<typeof validateCustomMilestone>[0], existing: string[] = []) => {
    const r = validateCustomMilestone(input, existing);
    return r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`);
  };

  it("derives the key and applies defaults", () => {
    expect(validateCustomMilestone({ stage: "OUVERTURE", label: "  Visite de   conformité " }, [])).toEqual({
      ok: true,
      value: { key: "CUSTOM_VISITE_DE_CONFORMITE", stage: "OUVERTURE", label: "Visite de conformité", description: null, required: false },
    });
  });

  it("keeps a given description, required flag and key (upper-cased, prefixed)", () => {
    expect(
      validateCustomMilestone(
        { stage: "FINANCEMENTS", label: "Délibération EPCI", description: "  Délibération du conseil communautaire. ", required: true, key: " delib_epci " },
        [],
      ),
    ).toEqual({
      ok: true,
      value: {
        key: "CUSTOM_DELIB_EPCI",
        stage: "FINANCEMENTS",
        label: "Délibération EPCI",
        description: "Délibération du conseil communautaire.",
        required: true,
      },
    });
    const r = validateCustomMilestone({ stage: "FINANCEMENTS", label: "Délibération EPCI", key: "CUSTOM_DELIB" }, []);
    expect(r.ok && r.value.key).toBe("CUSTOM_DELIB");
  });

  it.each([
    [{ stage: "S3", label: "Visite" }, ["stage:MILESTONE.STAGE_INVALID"]],
    [{ stage: "OUVERTURE", label: "   " }, ["label:MILESTONE.LABEL_REQUIRED"]],
    [{ stage: "OUVERTURE", label: "ab" }, ["label:MILESTONE.LABEL_TOO_SHORT"]],
    [{ stage: "OUVERTURE", label: "a".repeat(121) }, ["label:MILESTONE.LABEL_TOO_LONG"]],
    [{ stage: "OUVERTURE", label: "Visite\u202Eetisiv" }, ["label:MILESTONE.LABEL_INVALID_CHARACTERS"]],
    [{ stage: "OUVERTURE", label: "???" }, ["label:MILESTONE.KEY_INVALID"]],
    [{ stage: "OUVERTURE", label: "Visite", key: "visite-conformité" }, ["key:MILESTONE.KEY_INVALID"]],
    [{ stage: "OUVERTURE", label: "Visite", key: "_A" }, ["key:MILESTONE.KEY_INVALID"]],
    [{ stage: "OUVERTURE", label: "Visite", key: "A".repeat(58) }, ["key:MILESTONE.KEY_INVALID"]],
    [{ stage: "OUVERTURE", label: "Visite", description: "d".repeat(2001) }, ["description:MILESTONE.DESCRIPTION_TOO_LONG"]],
    [
      { stage: "", label: "", description: "d".repeat(2001), key: "é" },
      ["stage:MILESTONE.STAGE_INVALID", "label:MILESTONE.LABEL_REQUIRED", "description:MILESTONE.DESCRIPTION_TOO_LONG", "key:MILESTONE.KEY_INVALID"],
    ],
  ])("refuses %j", (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it("accepts exactly 3 and 120 characters", () => {
    expect(validateCustomMilestone({ stage: "OUVERTURE", label: "abc" }, []).ok).toBe(true);
    expect(validateCustomMilestone({ stage: "OUVERTURE", label: "é".repeat(120) }, []).ok).toBe(true);
  });

  it("refuses a key that clashes with an existing one (derived: on label; given: on key)", () => {
    expect(errorsOf({ stage: "OUVERTURE", label: "Visite de conformité" }, ["CUSTOM_VISITE_DE_CONFORMITE"])).toEqual([
      "label:MILESTONE.KEY_TAKEN",
    ]);
    expect(errorsOf({ stage: "OUVERTURE", label: "Autre", key: "visite" }, ["custom_visite"])).toEqual(["key:MILESTONE.KEY_TAKEN"]);
  });

  it("can never take a catalogue key (custom keys are prefixed)", () => {
    const r = validateCustomMilestone({ stage: "FINANCEMENTS", label: "CPOM", key: "CPOM" }, []);
    expect(r.ok && r.value.key).toBe("CUSTOM_CPOM");
  });

  it("property: an accepted key is CUSTOM_ + UPPER_SNAKE and not among the existing keys", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 130 }),
        fc.option(fc.string({ maxLength: 70 }), { nil: undefined }),
        fc.array(fc.constantFrom("CUSTOM_A", "CUSTOM_VISITE", "CUSTOM_ABC", "FICHE_PROJET"), { maxLength: 4 }),
        (label, key, existing) => {
          const r = validateCustomMilestone({ stage: "OUVERTURE", label, key }, existing);
          if (r.ok) {
            expect(r.value.key).toMatch(/^CUSTOM_[A-Z0-9]+(_[A-Z0-9]+)*$/);
            expect(existing).not.toContain(r.value.key);
            expect(findMilestone(r.value.key, [])).toBeUndefined();
          }
        },
      ),
    );
  });
});

describe(toCustomMilestoneDefinition.name, () => {
  it("builds a definition without fields, custom, not recurring", () => {
    expect(toCustomMilestoneDefinition({ key: "CUSTOM_X", stage: "OUVERTURE", label: "X x x", description: null, required: true })).toEqual({
      key: "CUSTOM_X",
      stage: "OUVERTURE",
      label: "X x x",
      description: null,
      required: true,
      fields: [],
      isCustom: true,
      recurring: false,
    });
  });
});
