import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { UpdateAciIndicatorInput, UpdateIpepParametersInput } from "./dto/reference-data.inputs.js";
import { AciRuleSetModel, IpepParametersModel, ResultsReferenceDataModel } from "./models/reference-data.model.js";
import { ReferenceDataService } from "./reference-data.service.js";

@Resolver(() => ResultsReferenceDataModel)
export class ReferenceDataResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Query(() => ResultsReferenceDataModel, {
    description: "PEPS tables, ACI rule sets and IPEP parameters of the caller's federation (staff and MSP members).",
  })
  resultsReferenceData(@CurrentActor() actor: Actor): Promise<ResultsReferenceDataModel> {
    return this.referenceData.view(actor);
  }

  @Mutation(() => AciRuleSetModel, {
    description: "Changes the points of an ACI row « à vérifier » and/or marks it verified (federation admins; audited). Answers the whole rule set.",
  })
  updateAciIndicator(@CurrentActor() actor: Actor, @Args("input") input: UpdateAciIndicatorInput): Promise<AciRuleSetModel> {
    return this.referenceData.updateAciIndicator(actor, input);
  }

  @Mutation(() => IpepParametersModel, { description: "Creates or replaces an IPEP parameter set (federation admins; audited)." })
  updateIpepParameters(@CurrentActor() actor: Actor, @Args("input") input: UpdateIpepParametersInput): Promise<IpepParametersModel> {
    return this.referenceData.updateIpepParameters(actor, input);
  }
}
