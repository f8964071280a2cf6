/**
 * Synthetic (but plausible) MSP projects and CPTS territories on real COG 2026 communes.
 * Everything here is pure and deterministic: the same Rng seed gives the same ids, names, communes, stages;
 * `now` only anchors timestamps (offsets from `now` are drawn from the Rng too, so they do not shift the rest).
 */
import { normalizeSearchText } from "@maillage/domain";

import { type LegalForm, ProjectStage, ProjectStatus } from "../../generated/prisma/enums";
import { COG_YEAR, communeByCode, communesOf, type EtalabCommune } from "./geo";
import { type Rng, stableUuid } from "./random";

/** The stages in lifecycle order (DOMAIN.md §2.2; same order as the ProjectStage enum). */
export const STAGES: readonly ProjectStage[] = [
  ProjectStage.PREMIER_CONTACT,
  ProjectStage.PRE_DIAGNOSTIC,
  ProjectStage.DIAGNOSTIC_TERRITORIAL,
  ProjectStage.PROJET_SANTE,
  ProjectStage.VALIDATION_ARS,
  ProjectStage.STRUCTURE_JURIDIQUE,
  ProjectStage.IMMOBILIER,
  ProjectStage.FINANCEMENTS,
  ProjectStage.OUVERTURE,
  ProjectStage.SIGNATURE_ACI,
  ProjectStage.EN_FONCTIONNEMENT,
];

/**
 * Relative weight of each stage in a federation's portfolio (💡 guess: many early contacts, a funnel through
 * the middle stages, and a large stock of running MSPs). For 150 projects these are exactly the counts.
 */
export const STAGE_WEIGHTS: Readonly<Record<ProjectStage, number>> = {
  PREMIER_CONTACT: 18,
  PRE_DIAGNOSTIC: 14,
  DIAGNOSTIC_TERRITORIAL: 14,
  PROJET_SANTE: 16,
  VALIDATION_ARS: 10,
  STRUCTURE_JURIDIQUE: 10,
  IMMOBILIER: 10,
  FINANCEMENTS: 9,
  OUVERTURE: 8,
  SIGNATURE_ACI: 11,
  EN_FONCTIONNEMENT: 30,
};

export type ProjectRow = {
  id: string;
  federationId: string;
  name: string;
  communeCode: string;
  communeName: string;
  cogYear: number;
  /** normalizeSearchText(`${name} ${communeName}`): what the project list's text filter matches. */
  searchText: string;
  departementCode: string;
  territoryId: string | null;
  stage: ProjectStage;
  status: ProjectStatus;
  chargeId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Filled by the pipeline (./pipeline.ts) for the demo; the scale seed derives them from the timeline. */
  stageEnteredAt?: Date;
  lastActivityAt?: Date;
  legalForm?: LegalForm | null;
  statusReason?: string | null;
};

export type TerritoryRow = {
  id: string;
  federationId: string;
  kind: "CPTS";
  name: string;
  departementCode: string;
  communeCodes: string[];
  cogYear: number;
  createdAt: Date;
};

const DAY_MS = 86_400_000;

/** The searchText of a project, as the API computes it (MspProject.searchText). */
export const projectSearchText = (name: string, communeName: string) => normalizeSearchText(`${name} ${communeName}`);

// ---------------------------------------------------------------------------------------------- names

const VOWEL_START = /^[AEIOUYÂÀÉÈÊËÎÏÔÛÙŒaeiouyâàéèêëîïôûùœ]/;

/**
 * "de <commune>" with French elision and contraction: de Bordeaux, d'Angoulême, du Bouscat (Le Bouscat),
 * des Eyzies (Les Eyzies), de La Rochelle, de L'Isle-Jourdain. Returns null for names starting with "H"
 * (h muet / h aspiré cannot be told from the name): callers then use a form without a preposition.
 */
export function deCommune(nom: string): string | null {
  if (nom.startsWith("Le ")) return `du ${nom.slice(3)}`;
  if (nom.startsWith("Les ")) return `des ${nom.slice(4)}`;
  if (nom.startsWith("La ") || nom.startsWith("L'")) return `de ${nom}`;
  if (/^[Hh]/.test(nom)) return null;
  if (VOWEL_START.test(nom)) return `d'${nom}`;
  return `de ${nom}`;
}

/**
 * Generic place-like names (street, landscape) as MSPs often carry, with their article; not tied to a real
 * place, so they stay plausible whatever commune the project is on.
 */
const LIEUX: readonly string[] = [
  "des Coteaux",
  "des Deux Rives",
  "des Trois Vallées",
  "du Plateau",
  "des Tilleuls",
  "des Chênes",
  "des Sources",
  "du Vallon",
  "des Vignes",
  "de la Forêt",
  "des Collines",
  "du Lac",
  "des Marronniers",
  "de la Fontaine",
  "du Moulin",
  "des Prés",
  "des Genêts",
  "des Acacias",
  "du Bocage",
  "de la Gare",
  "des Remparts",
  "du Pont Vieux",
  "des Bruyères",
  "des Cèdres",
  "des Saules",
  "des Pins",
  "de l'Orée du Bois",
  "du Parc",
  "des Châtaigniers",
  "des Trois Clochers",
  "du Vieux Bourg",
  "des Hauts de Vallée",
];

type NamePattern = readonly [(c: EtalabCommune) => string | null, number];

const COMMUNE_PATTERNS: readonly NamePattern[] = [
  [(c) => withDe("Maison de santé pluriprofessionnelle", c.nom), 30],
  [(c) => withDe("MSP", c.nom), 18],
  [(c) => `MSP ${c.nom}`, 16],
  [(c) => withDe("Maison de santé", c.nom), 14],
  [(c) => withDe("Pôle de santé", c.nom), 8],
  [(c) => `Pôle santé ${c.nom}`, 5],
  [(c) => ((c.population ?? 0) >= 15_000 ? withDe("Maison de santé pluriprofessionnelle universitaire", c.nom) : null), 3],
];

function withDe(prefix: string, nom: string): string | null {
  const de = deCommune(nom);
  return de ? `${prefix} ${de}` : null;
}

const LIEU_PREFIXES: readonly (readonly [string, number])[] = [
  ["MSP", 4],
  ["Pôle de santé", 3],
  ["Maison de santé", 3],
];

export type NamingState = { usedNames: Set<string>; usedCommunes: Set<string> };

/** A project name not yet used in the federation: place-like (~20 %) or built on the commune's name. */
export function projectName(rng: Rng, commune: EtalabCommune, state: NamingState): string {
  if (rng.chance(0.2)) {
    const lieu = rng.pick(LIEUX);
    const name = `${rng.weighted(LIEU_PREFIXES)} ${lieu}`;
    if (!state.usedNames.has(name)) return name;
  }
  for (let attempt = 0; attempt < 12; attempt++) {
    const name = rng.weighted(COMMUNE_PATTERNS)(commune);
    if (name && !state.usedNames.has(name)) return name;
  }
  for (let n = 2; ; n++) {
    const name = `MSP ${commune.nom} (site ${n})`;
    if (!state.usedNames.has(name)) return name;
  }
}

// ------------------------------------------------------------------------------------------- communes

/**
 * A commune of the département not used yet by the federation, uniformly among those with at least
 * `minPopulation` inhabitants (MSPs sit in bourgs and small towns more than in hamlets); relaxes the
 * population floor, then the uniqueness, when the département runs out.
 */
export function pickCommune(rng: Rng, departementCode: string, state: NamingState, minPopulation = 1000): EtalabCommune {
  const all = communesOf(departementCode);
  if (all.length === 0) throw new Error(`no commune for département ${departementCode}`);
  for (const floor of [minPopulation, 300, 0]) {
    const candidates = all.filter((c) => (c.population ?? 0) >= floor && !state.usedCommunes.has(c.code));
    if (candidates.length > 0) return rng.pick(candidates);
  }
  return rng.pick(all);
}

// ---------------------------------------------------------------------------------------- projects

/** Abandoned projects stop before the opening, on-hold ones anywhere before running (💡 guessed rates). */
export function drawStatus(rng: Rng, stage: ProjectStage): ProjectStatus {
  const r = rng.next();
  const idx = STAGES.indexOf(stage);
  if (stage === ProjectStage.EN_FONCTIONNEMENT) return ProjectStatus.ACTIVE;
  if (idx <= STAGES.indexOf(ProjectStage.FINANCEMENTS) && r < 0.05) return ProjectStatus.ABANDONED;
  if (r < 0.13) return ProjectStatus.ON_HOLD;
  return ProjectStatus.ACTIVE;
}

/**
 * createdAt/updatedAt over the ~3 years before `now`, consistent with the stage: a project in stage k was
 * created about k × 3 months ago (running MSPs 3 to 8 years ago); paused/abandoned ones were last touched
 * months ago, active ones within the last two months. Always createdAt < updatedAt ≤ now.
 */
export function drawTimeline(rng: Rng, stage: ProjectStage, status: ProjectStatus, now: Date): { createdAt: Date; updatedAt: Date } {
  const idx = STAGES.indexOf(stage);
  // Running MSPs opened 3 to 8 years ago (the federation follows them for years: their yearly results need a past);
  // projects still being built are at most 3 years old.
  const ageDays = stage === ProjectStage.EN_FONCTIONNEMENT ? 1100 + rng.int(0, 1900) : Math.min(1090, 12 + idx * 92 + rng.int(0, 160));
  const maxSince = ageDays - 1;
  const range: [number, number] =
    status === ProjectStatus.ABANDONED ? [90, 365] : status === ProjectStatus.ON_HOLD ? [45, 200] : [0, 60];
  const since = rng.int(Math.min(range[0], maxSince), Math.min(range[1], maxSince));
  const createdAt = new Date(now.getTime() - ageDays * DAY_MS - rng.int(0, 86_399) * 1000);
  const updatedAt = new Date(now.getTime() - since * DAY_MS - rng.int(0, 86_399) * 1000);
  return { createdAt, updatedAt };
}

export type ChargeRule = {
  /** chargé responsible for each département (the federation's usual split of the territory). */
  primaryByDepartement: Readonly<Record<string, string | null>>;
  /** all chargés of the federation (for the occasional swap: binôme, holidays, workload). */
  all: readonly string[];
};

/** The chargé of a project: the département's usual one, sometimes another; new contacts often unassigned. */
export function drawCharge(rng: Rng, rule: ChargeRule, departementCode: string, stage: ProjectStage): string | null {
  const r = rng.next();
  const unassignedRate = stage === ProjectStage.PREMIER_CONTACT ? 0.4 : 0.04;
  if (r < unassignedRate || rule.all.length === 0) return null;
  const primary = rule.primaryByDepartement[departementCode] ?? rule.all[0] ?? null;
  if (r > 0.9 && rule.all.length > 1) return rng.pick(rule.all.filter((id) => id !== primary));
  return primary;
}

/** Splits `total` into whole numbers proportional to `weights` (largest-remainder method; ties to the first). */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i);
  for (const i of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** Split of `total` over départements, with weight √population (Gironde gets more). */
export function allocateByDepartement(total: number, departementCodes: readonly string[]): Map<string, number> {
  const weights = departementCodes.map((d) => Math.sqrt(communesOf(d).reduce((s, c) => s + (c.population ?? 0), 0)));
  const out = largestRemainder(total, weights);
  return new Map(departementCodes.map((d, i) => [d, out[i] ?? 0]));
}

/** Split of `total` over the stages with STAGE_WEIGHTS. */
export function allocateByStage(total: number): Map<ProjectStage, number> {
  const out = largestRemainder(total, STAGES.map((st) => STAGE_WEIGHTS[st]));
  return new Map(STAGES.map((st, i) => [st, out[i] ?? 0]));
}

/** Expands a count map into a list (in map order). */
export function expand<K>(counts: Map<K, number>): K[] {
  const out: K[] = [];
  for (const [k, n] of counts) for (let i = 0; i < n; i++) out.push(k);
  return out;
}

export type ProjectSlot = { id: string; departementCode: string; stage: ProjectStage };

export type GenerateOptions = {
  rng: Rng;
  federationId: string;
  slots: readonly ProjectSlot[];
  state: NamingState;
  charges: ChargeRule;
  now: Date;
  minPopulation?: number;
};

/** Projects for the given slots (id, département, stage), on unused communes, with unique names. */
export function generateProjects(o: GenerateOptions): ProjectRow[] {
  return o.slots.map((slot) => {
    const commune = pickCommune(o.rng, slot.departementCode, o.state, o.minPopulation);
    const name = projectName(o.rng, commune, o.state);
    o.state.usedCommunes.add(commune.code);
    o.state.usedNames.add(name);
    const status = drawStatus(o.rng, slot.stage);
    const chargeId = drawCharge(o.rng, o.charges, slot.departementCode, slot.stage);
    return {
      id: slot.id,
      federationId: o.federationId,
      name,
      communeCode: commune.code,
      communeName: commune.nom,
      cogYear: COG_YEAR,
      searchText: projectSearchText(name, commune.nom),
      departementCode: slot.departementCode,
      territoryId: null,
      stage: slot.stage,
      status,
      chargeId,
      ...drawTimeline(o.rng, slot.stage, status, o.now),
    };
  });
}

// -------------------------------------------------------------------------------------- territories

/**
 * One CPTS per listed département, over the arrondissement holding most of the federation's projects there:
 * 2–5 of those projects' communes plus the arrondissement's largest communes, 3–10 communes in all. Projects
 * on those communes are linked to it (mutates `projects`).
 */
export function generateTerritories(
  rng: Rng,
  federation: { id: string; slug: string },
  departementCodes: readonly string[],
  projects: ProjectRow[],
  now: Date,
): TerritoryRow[] {
  const territories: TerritoryRow[] = [];
  for (const dep of departementCodes) {
    const byArr = new Map<string, string[]>();
    for (const p of projects) {
      if (p.departementCode !== dep) continue;
      const arr = communeByCode(p.communeCode)?.arrondissement;
      if (!arr) continue;
      const list = byArr.get(arr) ?? [];
      if (!list.includes(p.communeCode)) list.push(p.communeCode);
      byArr.set(arr, list);
    }
    const best = [...byArr.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
    if (!best) continue;
    const [arr, projectCommunes] = best;
    const size = rng.int(3, 10);
    const fromProjects = rng.shuffle(projectCommunes).slice(0, Math.min(size, rng.int(2, 5)));
    const codes = [...fromProjects];
    const others = communesOf(dep)
      .filter((c) => c.arrondissement === arr && !codes.includes(c.code))
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code));
    for (const c of others) {
      if (codes.length >= size) break;
      codes.push(c.code);
    }
    codes.sort();
    const anchor = codes
      .map((c) => communeByCode(c))
      .filter((c): c is EtalabCommune => !!c)
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    if (!anchor) continue;
    const name =
      (anchor.population ?? 0) >= 50_000 ? `CPTS du Grand ${anchor.nom}` : `CPTS du Pays ${deCommune(anchor.nom) ?? `de ${anchor.nom}`}`;
    const id = stableUuid(`${federation.slug}/territory/cpts/${dep}`);
    territories.push({
      id,
      federationId: federation.id,
      kind: "CPTS",
      name,
      departementCode: dep,
      communeCodes: codes,
      cogYear: COG_YEAR,
      createdAt: new Date(now.getTime() - rng.int(200, 900) * DAY_MS),
    });
    for (const p of projects) if (p.departementCode === dep && codes.includes(p.communeCode)) p.territoryId = id;
  }
  return territories;
}
