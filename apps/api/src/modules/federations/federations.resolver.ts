import { Parent, Query, ResolveField, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { notFound } from "../../common/errors.js";
import { DepartementModel } from "../territories/models/departement.model.js";
import { TerritoriesService } from "../territories/territories.service.js";
import { FederationsRepository } from "./federations.repository.js";
import { FederationModel } from "./models/federation.model.js";

@Resolver(() => FederationModel)
export class FederationsResolver {
  constructor(
    private readonly federations: FederationsRepository,
    private readonly territories: TerritoriesService,
  ) {}

  @Query(() => FederationModel, { description: "The signed-in user's federation." })
  async federation(@CurrentActor() actor: Actor): Promise<Omit<FederationModel, "departements">> {
    const f = await this.federations.findById(actor.federationId);
    if (!f) throw notFound("Fédération");
    return f;
  }

  @ResolveField(() => [DepartementModel])
  departements(@Parent() federation: FederationModel): Promise<DepartementModel[]> {
    return this.territories.federationDepartements(federation.id);
  }
}
