import { Args, Mutation, Parent, Query, ResolveField, Resolver } from "@nestjs/graphql";
import { PERIOD_CALENDAR_STATUS_LABELS, periodCalendar, periodCalendarStatus, type Actor } from "@maillage/domain";

import { CurrentActor, CurrentContext } from "../../common/auth.decorators.js";
import type { GqlContext } from "../../common/gql-context.js";
import { PeriodDecisionInput, ResultPeriodsArgs, ResultPeriodsForReviewArgs, SaveResultPeriodInput } from "./dto/result-period.inputs.js";
import { PeriodCalendarInfoModel, PeriodFieldErrorModel, ResultPeriodConnectionModel, ResultPeriodModel, ResultPeriodSummaryModel } from "./models/result-period.model.js";
import { ResultsService, summaryOf } from "./results.service.js";

@Resolver(() => ResultPeriodModel)
export class ResultsResolver {
  constructor(private readonly results: ResultsService) {}

  @Query(() => [ResultPeriodModel], { description: "The result periods of a project (PEPS, IPEP, ACI), newest year first." })
  resultPeriods(@CurrentActor() actor: Actor, @Args() args: ResultPeriodsArgs): Promise<ResultPeriodModel[]> {
    return this.results.list(actor, args.projectId);
  }

  @Query(() => ResultPeriodConnectionModel, {
    description: "The federation's periods to review (staff; SUBMITTED unless a status is given), most recently submitted first.",
  })
  resultPeriodsForReview(@CurrentActor() actor: Actor, @Args() args: ResultPeriodsForReviewArgs): Promise<ResultPeriodConnectionModel> {
    return this.results.forReview(actor, args);
  }

  @ResolveField(() => ResultPeriodSummaryModel, { nullable: true, description: "The computed figures (null while the inputs are incomplete)." })
  summary(@Parent() period: ResultPeriodModel): ResultPeriodSummaryModel | null {
    return summaryOf(period.outputs);
  }

  /** The ACI yearly calendar (DOMAIN.md §2.5) applied to the period: its deadlines and where it stands today. */
  @ResolveField(() => PeriodCalendarInfoModel)
  calendar(@Parent() period: ResultPeriodModel): PeriodCalendarInfoModel {
    const contractStart = typeof period.inputs?.contractStart === "string" ? period.inputs.contractStart : null;
    const input = { programme: period.programme as "PEPS" | "IPEP" | "ACI", year: period.year, contractStart };
    const cal = periodCalendar(input);
    const status = periodCalendarStatus({ ...input, status: period.status as "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED" }, new Date());
    return { status, statusLabel: PERIOD_CALENDAR_STATUS_LABELS[status], evidenceDueAt: cal.evidenceDue, deadlines: [...cal.deadlines] };
  }

  @ResolveField(() => [PeriodFieldErrorModel], {
    description: "What is missing or invalid in the current inputs, in French (empty when the period can be submitted).",
  })
  validationErrors(@Parent() period: ResultPeriodModel, @CurrentContext() ctx: GqlContext): Promise<PeriodFieldErrorModel[]> {
    return this.results.validationErrors(period, ctx.req);
  }

  @Mutation(() => ResultPeriodModel, { description: "Creates or edits a draft period (MSP team, or a chargé on its behalf)." })
  saveResultPeriod(@CurrentActor() actor: Actor, @Args("input") input: SaveResultPeriodInput): Promise<ResultPeriodModel> {
    return this.results.save(actor, input);
  }

  @Mutation(() => ResultPeriodModel, { description: "Sends a draft to the federation; refused with every field error while the inputs are invalid." })
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
