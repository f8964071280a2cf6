import { Injectable } from "@nestjs/common";
import { communesByCode, type CommuneRef } from "@maillage/db";
import { normalizeSearchText } from "@maillage/domain";

import type { CommuneModel } from "./models/commune.model.js";
import type { DepartementModel } from "./models/departement.model.js";
import { TerritoriesRepository } from "./territories.repository.js";

type IndexedCommune = CommuneRef & { key: string };

@Injectable()
export class TerritoriesService {
  private index: IndexedCommune[] | undefined;

  constructor(private readonly repository: TerritoriesRepository) {}

  departements(): Promise<DepartementModel[]> {
    return this.repository.listDepartements();
  }

  federationDepartements(federationId: string): Promise<DepartementModel[]> {
    return this.repository.federationDepartements(federationId);
  }

  /** A current commune (COG) by INSEE code. */
  commune(code: string): CommuneRef | undefined {
    return communesByCode().get(code);
  }

  /**
   * Communes of the given départements whose name (accent- and case-insensitive) or INSEE code starts with
   * the search, the biggest first.
   */
  searchCommunes(search: string, departementCodes: string[], first: number): CommuneModel[] {
    const q = normalizeSearchText(search);
    if (!q) return [];
    this.index ??= [...communesByCode().values()]
      .map((c) => ({ ...c, key: normalizeSearchText(c.name) }))
      .sort((a, b) => b.population - a.population);
    const allowed = new Set(departementCodes);
    const out: CommuneModel[] = [];
    for (const c of this.index) {
      if (!allowed.has(c.departementCode)) continue;
      if (c.key.startsWith(q) || c.code.startsWith(search.trim().toUpperCase())) {
        out.push({ code: c.code, name: c.name, departementCode: c.departementCode, postalCodes: c.postalCodes });
        if (out.length >= first) break;
      }
    }
    return out;
  }
}
