import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { luhnKey } from "../identifiers/identifiers.js";
import { TEAM_ERROR_CODES, TEAM_ERROR_MESSAGES } from "./team.errors.js";
import {
  activeMembers,
  isProfession,
  isTeamRole,
  meetsMinimumTeam,
  PARAMEDICAL_PROFESSIONS,
  type Profession,
  PROFESSION_LABELS,
  PROFESSIONS,
  RPPS_PROFESSIONS,
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
  teamComposition,
  type TeamMemberInput,
  type TeamMemberSnapshot,
  validateTeamMemberInput,
} from "./team.js";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const AT = new Date("2026-06-15T12:00:00Z");

const member = (profession: Profession, extra: Partial<TeamMemberSnapshot> = {}): TeamMemberSnapshot => ({
  profession,
  role: "MEMBER",
  isAssociate: false,
  joinedAt: d("2025-01-01"),
  leftAt: null,
  ...extra,
});

describe("professions and roles", () => {
  it("lists the professions with French labels", () => {
    expect(Object.keys(PROFESSION_LABELS)).toEqual([...PROFESSIONS]);
    expect(PROFESSION_LABELS.MEDECIN_GENERALISTE).toBe("Médecin généraliste");
    expect(PROFESSION_LABELS.MASSEUR_KINESITHERAPEUTE).toBe("Masseur·se-kinésithérapeute");
    expect(isProfession("INFIRMIER")).toBe(true);
    expect(isProfession("infirmier")).toBe(false);
  });

  it("labels the roles", () => {
    expect(TEAM_ROLES).toEqual(["COORDINATOR", "LEADER", "MEMBER"]);
    expect(TEAM_ROLE_LABELS).toEqual({ COORDINATOR: "Coordinateur·rice", LEADER: "Porteur·se du projet", MEMBER: "Membre" });
    expect(isTeamRole("LEADER")).toBe(true);
    expect(isTeamRole("OWNER")).toBe(false);
  });

  it("counts the auxiliaires médicaux as paramedicals (CSP Book IV), not sages-femmes, pharmaciens, dentists or AUTRE", () => {
    expect([...PARAMEDICAL_PROFESSIONS].sort()).toEqual(
      [
        "INFIRMIER",
        "MASSEUR_KINESITHERAPEUTE",
        "PEDICURE_PODOLOGUE",
        "ERGOTHERAPEUTE",
        "PSYCHOMOTRICIEN",
        "ORTHOPHONISTE",
        "ORTHOPTISTE",
        "DIETETICIEN",
      ].sort(),
    );
    for (const p of ["SAGE_FEMME", "PHARMACIEN", "CHIRURGIEN_DENTISTE", "MEDECIN_GENERALISTE", "AUTRE"] as const) {
      expect(PARAMEDICAL_PROFESSIONS).not.toContain(p);
    }
  });

  it("has a French message for every error code", () => {
    expect(Object.keys(TEAM_ERROR_MESSAGES).sort()).toEqual([...TEAM_ERROR_CODES].sort());
  });
});

describe(activeMembers.name, () => {
  it.each([
    ["joined before, never left", d("2026-01-01"), null, true],
    ["joins exactly now", AT, null, true],
    ["joins later", d("2026-06-16"), null, false],
    ["left earlier", d("2025-01-01"), d("2026-06-01"), false],
    ["leaves this day at midnight (first day of absence)", d("2025-01-01"), d("2026-06-15"), false],
    ["leaves tomorrow", d("2025-01-01"), d("2026-06-16"), true],
  ])("%s → active=%s", (_label, joinedAt, leftAt, expected) => {
    expect(activeMembers([member("INFIRMIER", { joinedAt, leftAt })], AT).length).toBe(expected ? 1 : 0);
  });
});

describe(teamComposition.name, () => {
  const team = [
    member("MEDECIN_GENERALISTE", { isAssociate: true }),
    member("MEDECIN_GENERALISTE"),
    member("MEDECIN_GENERALISTE", { leftAt: d("2026-01-01"), isAssociate: true }),
    member("MEDECIN_SPECIALISTE", { isAssociate: true }),
    member("INFIRMIER", { isAssociate: true }),
    member("ORTHOPHONISTE"),
    member("SAGE_FEMME"),
    member("AUTRE"),
  ];

  it("counts active members by group", () => {
    expect(teamComposition(team, AT)).toEqual({ generalPractitioners: 2, paramedicals: 2, total: 7 });
  });

  it("counts only active associates with associatesOnly", () => {
    expect(teamComposition(team, AT, { associatesOnly: true })).toEqual({ generalPractitioners: 1, paramedicals: 1, total: 3 });
  });
});

describe(meetsMinimumTeam.name, () => {
  it.each<[string, Profession[], boolean]>([
    ["2 GPs + 1 nurse", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE", "INFIRMIER"], true],
    ["2 GPs + 1 dietitian", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE", "DIETETICIEN"], true],
    ["1 GP + 2 nurses", ["MEDECIN_GENERALISTE", "INFIRMIER", "INFIRMIER"], false],
    ["2 GPs + 1 pharmacist (not paramedical)", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE", "PHARMACIEN"], false],
    ["2 GPs + 1 midwife (not paramedical)", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE", "SAGE_FEMME"], false],
    ["1 GP + 1 specialist + 1 physio", ["MEDECIN_GENERALISTE", "MEDECIN_SPECIALISTE", "MASSEUR_KINESITHERAPEUTE"], false],
    ["2 GPs only", ["MEDECIN_GENERALISTE", "MEDECIN_GENERALISTE"], false],
    ["nobody", [], false],
  ])("%s → %s (DOMAIN.md §1 MSP ✅)", (_label, professions, expected) => {
    expect(meetsMinimumTeam(professions.map((p) => member(p)), AT)).toBe(expected);
  });

  it("ignores members who left or have not joined yet", () => {
    const team = [
      member("MEDECIN_GENERALISTE"),
      member("MEDECIN_GENERALISTE", { leftAt: d("2026-06-01") }),
      member("INFIRMIER"),
      member("MEDECIN_GENERALISTE", { joinedAt: d("2026-07-01") }),
    ];
    expect(meetsMinimumTeam(team, AT)).toBe(false);
    expect(meetsMinimumTeam(team, d("2026-05-01"))).toBe(true);
    expect(meetsMinimumTeam(team, d("2026-07-01"))).toBe(true);
  });

  it("with associatesOnly, the SISA rule (DOMAIN.md §1 SISA ✅)", () => {
    const team = [
      member("MEDECIN_GENERALISTE", { isAssociate: true }),
      member("MEDECIN_GENERALISTE", { isAssociate: true }),
      member("INFIRMIER"),
    ];
    expect(meetsMinimumTeam(team, AT)).toBe(true);
    expect(meetsMinimumTeam(team, AT, { associatesOnly: true })).toBe(false);
  });

  const snapshot = fc.record({
    profession: fc.constantFrom(...PROFESSIONS),
    role: fc.constantFrom(...TEAM_ROLES),
    isAssociate: fc.boolean(),
    joinedAt: fc.date({ min: d("2020-01-01"), max: d("2030-01-01"), noInvalidDate: true }),
    leftAt: fc.option(fc.date({ min: d("2020-01-01"), max: d("2030-01-01"), noInvalidDate: true }), { nil: null }),
  });
  const at = fc.date({ min: d("2019-01-01"), max: d("2031-01-01"), noInvalidDate: true });

  it("property: adding a member never breaks the minimum team", () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 12 }), snapshot, at, fc.boolean(), (team, extra, when, associatesOnly) => {
        if (meetsMinimumTeam(team, when, { associatesOnly })) {
          expect(meetsMinimumTeam([...team, extra], when, { associatesOnly })).toBe(true);
        }
      }),
    );
  });

  it("property: associates are a subset; counts never exceed the total", () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 12 }), at, (team, when) => {
        const all = teamComposition(team, when);
        const associates = teamComposition(team, when, { associatesOnly: true });
        expect(all.generalPractitioners + all.paramedicals).toBeLessThanOrEqual(all.total);
        expect(associates.generalPractitioners).toBeLessThanOrEqual(all.generalPractitioners);
        expect(associates.paramedicals).toBeLessThanOrEqual(all.paramedicals);
        expect(associates.total).toBeLessThanOrEqual(all.total);
        if (meetsMinimumTeam(team, when, { associatesOnly: true })) expect(meetsMinimumTeam(team, when)).toBe(true);
      }),
    );
  });
});

describe(validateTeamMemberInput.name, () => {
  const NOW = new Date("2026-11-20T09:00:00Z");
  const create = { partial: false, now: NOW };
  const update = { partial: true, now: NOW };
  const RPPS = "10100901734"; // DOMAIN.md §8.1 real-looking valid RPPS
  const ADELI = "751234567";
  const codes = (input: TeamMemberInput, ctx = create) => {
    const r = validateTeamMemberInput(input, ctx);
    return r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`);
  };

  it("normalises a creation and applies defaults (role MEMBER, not associate, joined today)", () => {
    expect(validateTeamMemberInput({ fullName: "  Dr  Claire   Martin ", profession: "MEDECIN_GENERALISTE", rpps: " 101 0090 1734 " }, create)).toEqual({
      ok: true,
      value: {
        fullName: "Dr Claire Martin",
        profession: "MEDECIN_GENERALISTE",
        rpps: RPPS,
        role: "MEMBER",
        isAssociate: false,
        joinedAt: d("2026-11-20"),
      },
    });
  });

  it("keeps every given field", () => {
    const r = validateTeamMemberInput(
      { fullName: "Léa Roux", profession: "INFIRMIER", rpps: null, adeli: " 2a1234567 ", role: "COORDINATOR", isAssociate: true, joinedAt: "2024-09-01", leftAt: "2026-12-31" },
      create,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        fullName: "Léa Roux",
        profession: "INFIRMIER",
        rpps: null,
        adeli: "2A1234567",
        role: "COORDINATOR",
        isAssociate: true,
        joinedAt: d("2024-09-01"),
        leftAt: d("2026-12-31"),
      },
    });
  });

  it("requires fullName and profession on creation only", () => {
    expect(codes({})).toEqual(["fullName:TEAM.FULL_NAME_REQUIRED", "profession:TEAM.PROFESSION_REQUIRED"]);
    expect(validateTeamMemberInput({}, update)).toEqual({ ok: true, value: {} });
    expect(validateTeamMemberInput({ role: "LEADER" }, update)).toEqual({ ok: true, value: { role: "LEADER" } });
  });

  it.each<[TeamMemberInput, string[]]>([
    [{ fullName: " " }, ["fullName:TEAM.FULL_NAME_REQUIRED"]],
    [{ fullName: "A" }, ["fullName:TEAM.FULL_NAME_TOO_SHORT"]],
    [{ fullName: "Al" }, []],
    [{ fullName: "a".repeat(121) }, ["fullName:TEAM.FULL_NAME_TOO_LONG"]],
    [{ fullName: "é".repeat(120) }, []],
    [{ fullName: "Jean\u0000Dupont" }, ["fullName:TEAM.FULL_NAME_INVALID_CHARACTERS"]],
    [{ profession: "" }, ["profession:TEAM.PROFESSION_REQUIRED"]],
    [{ profession: "PSYCHOLOGUE" }, ["profession:TEAM.PROFESSION_INVALID"]],
    [{ rpps: "10100901735" }, ["rpps:TEAM.RPPS_INVALID"]],
    [{ rpps: "1010090173" }, ["rpps:TEAM.RPPS_INVALID"]],
    [{ rpps: "810100901734" }, ["rpps:TEAM.RPPS_INVALID"]],
    [{ rpps: "" }, []],
    [{ adeli: "75123456" }, ["adeli:TEAM.ADELI_INVALID"]],
    [{ adeli: "AB1234567" }, ["adeli:TEAM.ADELI_INVALID"]],
    [{ rpps: RPPS, adeli: ADELI }, ["adeli:TEAM.RPPS_AND_ADELI"]],
    [{ role: "OWNER" }, ["role:TEAM.ROLE_INVALID"]],
    [{ joinedAt: "2026-02-30" }, ["joinedAt:TEAM.JOINED_AT_INVALID"]],
    [{ joinedAt: "20/11/2026" }, ["joinedAt:TEAM.JOINED_AT_INVALID"]],
    [{ joinedAt: "2027-11-20" }, []],
    [{ joinedAt: "2027-11-21" }, ["joinedAt:TEAM.JOINED_AT_TOO_FAR"]],
    [{ leftAt: "2026-13-01" }, ["leftAt:TEAM.LEFT_AT_INVALID"]],
    [{ leftAt: "" }, []],
    [{ leftAt: null }, []],
    [{ joinedAt: "2026-01-10", leftAt: "2026-01-09" }, ["leftAt:TEAM.LEFT_AT_BEFORE_JOINED_AT"]],
    [{ joinedAt: "2026-01-10", leftAt: "2026-01-10" }, []],
  ])("update %j → %j", (input, expected) => {
    expect(codes(input, update)).toEqual(expected);
  });

  it.each<[Profession, boolean]>(PROFESSIONS.map((p) => [p, RPPS_PROFESSIONS.includes(p)]))(
    "%s with an ADELI number only → refused=%s (RPPS professions, DOMAIN.md §8.1 ✅)",
    (profession, refused) => {
      expect(codes({ profession, adeli: ADELI }, update)).toEqual(refused ? ["adeli:TEAM.RPPS_REQUIRED_FOR_PROFESSION"] : []);
    },
  );

  it("allows an RPPS profession without any number (not known yet), or with its RPPS", () => {
    expect(codes({ fullName: "Dr X", profession: "SAGE_FEMME" })).toEqual([]);
    expect(codes({ fullName: "Dr X", profession: "SAGE_FEMME", rpps: null, adeli: null })).toEqual([]);
    expect(codes({ fullName: "Dr X", profession: "PHARMACIEN", rpps: RPPS })).toEqual([]);
  });

  it("checks leftAt against the defaulted joinedAt (today) on creation", () => {
    expect(codes({ fullName: "Dr X", profession: "INFIRMIER", leftAt: "2026-01-01" })).toEqual(["leftAt:TEAM.LEFT_AT_BEFORE_JOINED_AT"]);
  });

  it("reports every error at once, in field order", () => {
    expect(
      codes({ fullName: "", profession: "MEDECIN_GENERALISTE", rpps: "123", adeli: "x", role: "BOSS", joinedAt: "2030-01-01", leftAt: "nope" }),
    ).toEqual([
      "fullName:TEAM.FULL_NAME_REQUIRED",
      "rpps:TEAM.RPPS_INVALID",
      "adeli:TEAM.ADELI_INVALID",
      "adeli:TEAM.RPPS_AND_ADELI",
      "role:TEAM.ROLE_INVALID",
      "joinedAt:TEAM.JOINED_AT_TOO_FAR",
      "leftAt:TEAM.LEFT_AT_INVALID",
    ]);
  });

  it("uses the French message of each code", () => {
    const r = validateTeamMemberInput({ rpps: "123" }, update);
    expect(r.ok ? null : r.error[0]).toEqual({ field: "rpps", code: "TEAM.RPPS_INVALID", message: TEAM_ERROR_MESSAGES["TEAM.RPPS_INVALID"] });
  });

  it("property: any 11-digit number with its Luhn key is accepted as RPPS", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{9}$/), (base) => {
        const rpps = `${base}${luhnKey(base)}`;
        expect(validateTeamMemberInput({ rpps }, update)).toEqual({ ok: true, value: { rpps } });
      }),
    );
  });

  it("property: never throws, and codes are TEAM.*", () => {
    const str = fc.oneof(fc.string(), fc.constantFrom("", " ", RPPS, ADELI, "2026-01-01", "MEDECIN_GENERALISTE", "LEADER"));
    fc.assert(
      fc.property(
        fc.record(
          {
            fullName: str,
            profession: str,
            rpps: fc.option(str, { nil: null }),
            adeli: fc.option(str, { nil: null }),
            role: str,
            isAssociate: fc.boolean(),
            joinedAt: str,
            leftAt: fc.option(str, { nil: null }),
          },
          { requiredKeys: [] },
        ),
        fc.boolean(),
        (input, partial) => {
          const r = validateTeamMemberInput(input, { partial, now: NOW });
          if (!r.ok) for (const e of r.error) expect(TEAM_ERROR_CODES).toContain(e.code);
        },
      ),
    );
  });
});
