/**
 * Reference geography from `@etalab/decoupage-administratif` 6.0.0 = INSEE COG 2026 (DOMAIN.md §7.1, §7.2).
 * The package also lists the collectivités d'outre-mer (zone "com", 3-digit codes): they are not régions or
 * départements in the COG sense and are left out → 18 régions (13 metro + 5 DROM), 101 départements.
 * The JSON files are loaded lazily with literal `require` calls (bundler-friendly; communes.json is 8.6 MB)
 * and kept in memory.
 */

export const COG_YEAR = 2026;

type Zone = "metro" | "drom" | "com";

export type EtalabRegion = { code: string; nom: string; chefLieu: string; zone: Zone };
export type EtalabDepartement = { code: string; nom: string; region: string; chefLieu: string; zone: Zone };
export type EtalabCommune = {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  zone: Zone;
  departement: string;
  region: string;
  arrondissement?: string;
  population?: number;
};

let regionsCache: EtalabRegion[] | undefined;
let departementsCache: EtalabDepartement[] | undefined;
let communesByDepartement: Map<string, EtalabCommune[]> | undefined;
let communesByCode: Map<string, EtalabCommune> | undefined;

const inCog = (zone: Zone) => zone === "metro" || zone === "drom";

/** The 18 régions (metro + DROM) of COG 2026. */
export function cogRegions(): EtalabRegion[] {
  regionsCache ??= (require("@etalab/decoupage-administratif/data/regions.json") as EtalabRegion[]).filter((r) => inCog(r.zone));
  return regionsCache;
}

/** The 101 départements (metro + DROM) of COG 2026. */
export function cogDepartements(): EtalabDepartement[] {
  departementsCache ??= (require("@etalab/decoupage-administratif/data/departements.json") as EtalabDepartement[]).filter((d) => inCog(d.zone));
  return departementsCache;
}

function loadCommunes(): void {
  if (communesByCode) return;
  const all = require("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[];
  const byDep = new Map<string, EtalabCommune[]>();
  const byCode = new Map<string, EtalabCommune>();
  for (const c of all) {
    if (c.type !== "commune-actuelle") continue;
    byCode.set(c.code, c);
    let list = byDep.get(c.departement);
    if (!list) byDep.set(c.departement, (list = []));
    list.push(c);
  }
  communesByDepartement = byDep;
  communesByCode = byCode;
}

/** Current communes (type "commune-actuelle") of a département, in the package's (code) order. */
export function communesOf(departementCode: string): readonly EtalabCommune[] {
  loadCommunes();
  return communesByDepartement?.get(departementCode) ?? [];
}

/** A current commune by its COG code, or undefined. */
export function communeByCode(code: string): EtalabCommune | undefined {
  loadCommunes();
  return communesByCode?.get(code);
}

/** The départements of a région, sorted by code. */
export function departementsOfRegion(regionCode: string): EtalabDepartement[] {
  return cogDepartements()
    .filter((d) => d.region === regionCode)
    .sort((a, b) => a.code.localeCompare(b.code));
}
