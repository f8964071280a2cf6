import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { PeriodDecisionInput, ResultPeriodsArgs, SaveResultPeriodInput } from "./dto/result-period.inputs.js";
import { ResultPeriodModel } from "./models/result-period.model.js";
import { ResultsService } from "./results.service.js";

@Resolver(() => ResultPeriodModel)
export class ResultsResolver {
  constructor(private readonly results: ResultsService) {}

  @Query(() => [ResultPeriodModel], { description: "The result periods of a project (PEPS, IPEP, ACI), newest year first." })
  resultPeriods(@CurrentActor() actor: Actor, @Args() args: ResultPeriodsArgs): Promise<ResultPeriodModel[]> {
    return this.results.list(actor, args.projectId);
  }

  @Mutation(() => ResultPeriodModel, { description: "Creates or edits a draft period (MSP team, or a chargé on its behalf)." })
  saveResultPeriod(@CurrentActor() actor: Actor, @Args("input") input: SaveResultPeriodInput): Promise<ResultPeriodModel> {
    return this.results.save(actor, input);
  }

  @Mutation(() => ResultPeriodModel, { description: "Sends a draft to the federation." })
  submitResultPeriod(@CurrentActor() actor: Actor, @Args("input") input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    return this.results.submit(actor, input);
  }

  @Mutation(() => ResultPeriodModel, { description: "Approves and locks a submitted period (federation admins)." })
  approveResultPeriod(@CurrentActor() actor: Actor, @Args("input") input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    return this.results.approve(actor, input);
  }

  @Mutation(() => ResultPeriodModel, { description: "Returns a submitted period to the team with a comment (federation admins)." })
  returnResultPeriod(@CurrentActor() actor: Actor, @Args("input") input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    return this.results.return(actor, input);
  }

  @Mutation(() => ResultPeriodModel, { description: "Unlocks an approved period back to draft, with a reason (federation admins; audited)." })
  unlockResultPeriod(@CurrentActor() actor: Actor, @Args("input") input: PeriodDecisionInput): Promise<ResultPeriodModel> {
    return this.results.unlock(actor, input);
  }
}
