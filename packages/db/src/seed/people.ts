/**
 * The people of the demo MSP teams: plausible French names, a profession mix close to what MSPs employ
 * (DOMAIN.md §2.6 ✅: ~25 % GPs, ~30 % nurses, ~13 % physiotherapists), valid identifiers (DOMAIN.md §8.1:
 * RPPS = 11 digits "10…" with a Luhn key; ADELI = département + 7 digits, a few paramedicals only).
 * Pure and deterministic: everything comes from the Rng it is given.
 */
import { luhnKey, PARAMEDICAL_PROFESSIONS, RPPS_PROFESSIONS } from "@maillage/domain";

import type { Profession } from "../../generated/prisma/enums";
import type { Rng } from "./random";

// ------------------------------------------------------------------------------------------------ names

const FEMALE_FIRST_NAMES: readonly string[] = [
  "Marie", "Camille", "Julie", "Claire", "Sophie", "Émilie", "Céline", "Aurélie", "Nathalie", "Isabelle",
  "Sandrine", "Valérie", "Stéphanie", "Laure", "Hélène", "Anne", "Caroline", "Élodie", "Mathilde", "Pauline",
  "Charlotte", "Léa", "Manon", "Chloé", "Sarah", "Laura", "Marion", "Audrey", "Virginie", "Delphine",
  "Florence", "Agnès", "Cécile", "Christelle", "Karine", "Sylvie", "Véronique", "Amandine", "Justine", "Lucie",
  "Margaux", "Juliette", "Alice", "Inès", "Clémence", "Anaïs", "Morgane", "Maëlle", "Solène", "Nolwenn",
  "Gaëlle", "Maïwenn", "Anne-Sophie", "Marie-Hélène", "Marie-Laure", "Élise", "Bérénice", "Fanny", "Coralie", "Estelle",
  "Noémie", "Océane", "Maud", "Laetitia", "Myriam", "Béatrice", "Corinne", "Géraldine", "Ludivine", "Adèle",
];

const MALE_FIRST_NAMES: readonly string[] = [
  "Jean", "Pierre", "Nicolas", "Julien", "Thomas", "Sébastien", "Mathieu", "Guillaume", "Olivier", "Laurent",
  "Philippe", "François", "Christophe", "Stéphane", "Frédéric", "Antoine", "Benoît", "Vincent", "Alexandre", "Romain",
  "Maxime", "Hugo", "Lucas", "Louis", "Arthur", "Paul", "Clément", "Adrien", "Florian", "Jérôme",
  "Cédric", "Damien", "Fabrice", "Yannick", "Arnaud", "Bertrand", "Éric", "Thierry", "Xavier", "Bruno",
  "Jean-Baptiste", "Jean-Marc", "Pierre-Yves", "Loïc", "Gaël", "Erwan", "Yann", "Ronan", "Tanguy", "Mikel",
  "Iñaki", "Bastien", "Quentin", "Théo", "Raphaël", "Gabriel", "Martin", "Simon", "Étienne", "Grégoire",
  "Aurélien", "Baptiste", "Cyril", "Denis", "Emmanuel", "Gilles", "Hervé", "Lionel", "Pascal", "Rémi",
];

/** Common French surnames (INSEE's most frequent, spread over the country). */
const COMMON_LAST_NAMES: readonly string[] = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
  "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
  "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
  "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger",
  "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Perez", "Marchand", "Dufour",
  "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
  "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
  "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier",
  "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume", "Adam",
];

/** Gascon, Occitan, Basque, Limousin and Poitevin surnames, for Nouvelle-Aquitaine. */
const SOUTH_WEST_LAST_NAMES: readonly string[] = [
  "Lacoste", "Laborde", "Labat", "Dufau", "Etcheverry", "Larrieu", "Darrigade", "Bordenave", "Lafargue", "Castaing",
  "Duprat", "Pujol", "Lalanne", "Dubos", "Lasserre", "Dupouy", "Lagarde", "Cazenave", "Haristoy", "Iribarne",
  "Elissalde", "Arrieta", "Larralde", "Lafitte", "Lamarque", "Lartigue", "Barrère", "Capdevielle", "Darrieussecq", "Sallaberry",
  "Mounier", "Delmas", "Chassagne", "Vergnaud", "Peyrat", "Bouyssou", "Lascaux", "Faucher", "Brouillet", "Texier",
  "Raffin", "Chauvet", "Ribière", "Desbordes", "Lavergne", "Bouchet", "Moulinier", "Sabourin", "Guionnet", "Ravail",
];

/** Breton surnames, for Bretagne. */
const BRETON_LAST_NAMES: readonly string[] = [
  "Le Goff", "Le Bihan", "Le Roux", "Morvan", "Tanguy", "Le Floch", "Quéré", "Jaouen", "Cariou", "Le Meur",
  "Riou", "Le Corre", "Kerleau", "Guivarc'h", "Le Berre", "Le Gac", "Le Guen", "Le Bras", "Hamon", "Le Moal",
  "Kervella", "Le Borgne", "Nédélec", "Le Cam", "Derrien", "Prigent", "Le Hir", "Salaün", "Le Saout", "Caradec",
  "Toullec", "Le Gourrierec", "Le Duff", "Bourhis", "Pichon", "Kerhervé", "Le Page", "Gourlaouen", "Madec", "Le Nir",
];

export type NameRegion = "nouvelle-aquitaine" | "bretagne" | "other";

/** Share of women per profession (💡 rough orders of magnitude of the French health workforce). */
const FEMALE_SHARE: Readonly<Record<Profession, number>> = {
  MEDECIN_GENERALISTE: 0.52,
  MEDECIN_SPECIALISTE: 0.5,
  CHIRURGIEN_DENTISTE: 0.5,
  SAGE_FEMME: 0.97,
  PHARMACIEN: 0.68,
  INFIRMIER: 0.86,
  MASSEUR_KINESITHERAPEUTE: 0.5,
  PEDICURE_PODOLOGUE: 0.7,
  ERGOTHERAPEUTE: 0.88,
  PSYCHOMOTRICIEN: 0.88,
  ORTHOPHONISTE: 0.96,
  ORTHOPTISTE: 0.88,
  DIETETICIEN: 0.92,
  AUTRE: 0.75,
};

/**
 * A full name ("Prénom Nom") whose surname is not in `usedLastNames` (no two members of a team share a
 * surname, so no duplicate full name either); about 40 % regional surnames.
 */
export function drawFullName(rng: Rng, profession: Profession, region: NameRegion, usedLastNames: Set<string>): string {
  const first = rng.chance(FEMALE_SHARE[profession]) ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES);
  const regional = region === "bretagne" ? BRETON_LAST_NAMES : region === "nouvelle-aquitaine" ? SOUTH_WEST_LAST_NAMES : null;
  for (let attempt = 0; attempt < 50; attempt++) {
    const last = regional && rng.chance(0.4) ? rng.pick(regional) : rng.pick(COMMON_LAST_NAMES);
    if (!usedLastNames.has(last)) {
      usedLastNames.add(last);
      return `${first} ${last}`;
    }
  }
  // Practically unreachable (teams have at most ~20 people, the pools ~150 surnames).
  for (const last of COMMON_LAST_NAMES) {
    if (!usedLastNames.has(last)) {
      usedLastNames.add(last);
      return `${first} ${last}`;
    }
  }
  throw new Error("drawFullName: surname pool exhausted");
}

/** Splits "Prénom Nom" (the surname may have several words: "Le Goff", "Da Silva"). */
export function lastNameOf(fullName: string, knownLastNames: ReadonlySet<string> = ALL_LAST_NAMES): string {
  const words = fullName.split(" ");
  for (let i = 1; i < words.length; i++) {
    const candidate = words.slice(i).join(" ");
    if (knownLastNames.has(candidate)) return candidate;
  }
  return words[words.length - 1] ?? fullName;
}

const ALL_LAST_NAMES: ReadonlySet<string> = new Set([...COMMON_LAST_NAMES, ...SOUTH_WEST_LAST_NAMES, ...BRETON_LAST_NAMES]);

// ------------------------------------------------------------------------------------------ professions

/**
 * Professions of the members beyond the founding core (2 GPs + 1 paramedical), weighted so that the whole
 * team mix lands near DOMAIN.md §2.6 (27 % GP / 31 % nurses / > 13 % physios in 2023; 23 / 29 / 12 in 2025).
 */
export const OTHER_MEMBER_PROFESSIONS: readonly (readonly [Profession, number])[] = [
  ["MEDECIN_GENERALISTE", 8],
  ["INFIRMIER", 33],
  ["MASSEUR_KINESITHERAPEUTE", 16],
  ["PHARMACIEN", 6],
  ["SAGE_FEMME", 5],
  ["CHIRURGIEN_DENTISTE", 5],
  ["ORTHOPHONISTE", 6],
  ["PEDICURE_PODOLOGUE", 5],
  ["DIETETICIEN", 4],
  ["PSYCHOMOTRICIEN", 3],
  ["ERGOTHERAPEUTE", 3],
  ["ORTHOPTISTE", 1],
  ["MEDECIN_SPECIALISTE", 3],
  ["AUTRE", 2],
];

export const isParamedical = (p: Profession): boolean => PARAMEDICAL_PROFESSIONS.includes(p);
export const isRppsProfession = (p: Profession): boolean => RPPS_PROFESSIONS.includes(p);

// ----------------------------------------------------------------------------------------- identifiers

/**
 * Unique identifiers across the whole dataset: RPPS "10" + 8 digits + Luhn key (DOMAIN.md §8.1 ✅ format,
 * 🟡 Luhn), ADELI département + 7 digits (⚠️ format only), FINESS département + 6 digits + Luhn key (✅).
 */
export class IdentifierFactory {
  private readonly used = new Set<string>();

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  private static digits(rng: Rng, n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
    return s;
  }

  rpps(rng: Rng): string {
    return this.unique(() => {
      // Real numbers look like 100xxxxxxxx / 101xxxxxxxx.
      const base = `10${rng.pick(["0", "0", "1"])}${IdentifierFactory.digits(rng, 7)}`;
      return `${base}${luhnKey(base)}`;
    });
  }

  /** ADELI: the département (2 characters, 3 for the DROM) then digits, 9 characters in all. */
  adeli(rng: Rng, departementCode: string): string {
    return this.unique(() => `${departementCode}${IdentifierFactory.digits(rng, 9 - departementCode.length)}`);
  }

  /**
   * FINESS: the département, "0", digits up to 8 characters, then the Luhn key. Corsica (2A/2B): the key
   * rule is unknown (DOMAIN.md §8.1 ⚠️), the key is computed as if the département were "20".
   */
  finess(rng: Rng, departementCode: string): string {
    return this.unique(() => {
      const base = `${departementCode}0${IdentifierFactory.digits(rng, 7 - departementCode.length)}`;
      return `${base}${luhnKey(base.replace(/^2[AB]/, "20"))}`;
    });
  }
}
