import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { normalizeSearchText } from "./search-text.js";

describe(normalizeSearchText.name, () => {
  it.each([
    ["Saint-Étienne", "saint-etienne"],
    ["  MAISON   de  SANTÉ  ", "maison de sante"],
    ["Châteauneuf-sur-Loire", "chateauneuf-sur-loire"],
    ["Île-d'Yeu", "ile-d'yeu"],
    ["Ça\tva\nbien", "ca va bien"],
    ["Œuvre du Cœur", "oeuvre du coeur"],
    ["Lætitia", "laetitia"],
    ["e\u0301te\u0301", "ete"], // already decomposed input
    ["Pôle\u00A0santé", "pole sante"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it("makes accented and plain spellings meet", () => {
    expect(normalizeSearchText("Hôpital Privé")).toBe(normalizeSearchText("hopital prive"));
  });

  it("property: idempotent, lower-case, no combining mark, no stray space", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = normalizeSearchText(s);
        expect(normalizeSearchText(once)).toBe(once);
        expect(normalizeSearchText(s.toLowerCase())).toBe(once);
        expect(once).not.toMatch(/\p{M}|^\s|\s$|\s\s/u);
      }),
    );
  });

  it("property: French text matches whatever its case, accents and spacing", () => {
    const frenchLetter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ -'");
    fc.assert(
      fc.property(fc.string({ unit: frenchLetter }), (s) => {
        const shouted = `  ${s.toUpperCase().replace(/ /g, "   ")} `;
        expect(normalizeSearchText(shouted)).toBe(normalizeSearchText(s));
      }),
    );
  });
});
