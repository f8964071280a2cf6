/**
 * Official geographic reference (INSEE COG) from @etalab/decoupage-administratif 6.0.0 = COG 2026
 * (DOMAIN.md §7.1–7.2, ✅). Only current communes (`commune-actuelle`) are valid project communes.
 */
import { createRequire } from "node:module";

const load = createRequire(__filename);

export const COG_YEAR = 2026;

export type CommuneRef = { code: string; name: string; departementCode: string; regionCode: string; postalCodes: string[]; population: number };
export type DepartementRef = { code: string; name: string; regionCode: string };
export type RegionRef = { code: string; name: string };

type RawCommune = { code: string; nom: string; type: string; departement: string; region: string; codesPostaux?: string[]; population?: number };
type RawDepartement = { code: string; nom: string; region: string; zone: string };
type RawRegion = { code: string; nom: string; zone: string };

let communes: Map<string, CommuneRef> | undefined;

/** Current communes by INSEE code (loaded once, ~35,000 entries). */
export function communesByCode(): Map<string, CommuneRef> {
  if (!communes) {
    const raw = load("@etalab/decoupage-administratif/data/communes.json") as RawCommune[];
    communes = new Map(
      raw
        .filter((c) => c.type === "commune-actuelle")
        .map((c) => [
          c.code,
          { code: c.code, name: c.nom, departementCode: c.departement, regionCode: c.region, postalCodes: c.codesPostaux ?? [], population: c.population ?? 0 },
        ]),
    );
  }
  return communes;
}

/** The 101 départements of metropolitan France and the DROM (COM entries left out). */
export function departementsRef(): DepartementRef[] {
  const raw = load("@etalab/decoupage-administratif/data/departements.json") as RawDepartement[];
  return raw.filter((d) => d.zone === "metro" || d.zone === "drom").map((d) => ({ code: d.code, name: d.nom, regionCode: d.region }));
}

/** The 18 régions (13 metropolitan, 5 DROM). */
export function regionsRef(): RegionRef[] {
  const raw = load("@etalab/decoupage-administratif/data/regions.json") as RawRegion[];
  return raw.filter((r) => r.zone === "metro" || r.zone === "drom").map((r) => ({ code: r.code, name: r.nom }));
}

/**
 * Loads the official régions and départements (COG) into the database when they are missing, for every
 * deployment — not only the demo: a federation, its départements and its projects refer to them. Idempotent
 * (existing rows are left as they are), so it runs at every start.
 */
export async function ensureReferenceData(prisma: {
  region: { createMany(args: { data: { code: string; name: string; cogYear: number }[]; skipDuplicates: boolean }): Promise<{ count: number }> };
  departement: { createMany(args: { data: { code: string; name: string; regionCode: string; cogYear: number }[]; skipDuplicates: boolean }): Promise<{ count: number }> };
}): Promise<{ regions: number; departements: number }> {
  const regions = await prisma.region.createMany({ data: regionsRef().map((r) => ({ ...r, cogYear: COG_YEAR })), skipDuplicates: true });
  const departements = await prisma.departement.createMany({ data: departementsRef().map((d) => ({ ...d, cogYear: COG_YEAR })), skipDuplicates: true });
  return { regions: regions.count, departements: departements.count };
}
