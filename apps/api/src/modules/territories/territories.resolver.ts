import { Args, Int, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { badUserInput } from "../../common/errors.js";
import { CommuneModel } from "./models/commune.model.js";
import { DepartementModel } from "./models/departement.model.js";
import { TerritoriesService } from "./territories.service.js";

@Resolver()
export class TerritoriesResolver {
  constructor(private readonly territories: TerritoriesService) {}

  @Query(() => [DepartementModel], { description: "All départements (official INSEE reference, COG 2026)." })
  departements(): Promise<DepartementModel[]> {
    return this.territories.departements();
  }

  @Query(() => [CommuneModel], { description: "Communes of the federation's départements whose name or code starts with `search`." })
  async communes(
    @CurrentActor() actor: Actor,
    @Args("search") search: string,
    @Args("first", { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<CommuneModel[]> {
    if (first < 1 || first > 50) throw badUserInput([{ field: "first", code: "OUT_OF_RANGE", message: "Le nombre de résultats doit être compris entre 1 et 50." }]);
    if (search.length > 100) throw badUserInput([{ field: "search", code: "TOO_LONG", message: "La recherche ne doit pas dépasser 100 caractères." }]);
    const departements = await this.territories.federationDepartements(actor.federationId);
    return this.territories.searchCommunes(search, departements.map((d) => d.code), first);
  }
}
