import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { ProjectFilter } from "../projects/dto/projects.args.js";
import { ProjectModel } from "../projects/models/project.model.js";
import { ProjectsService } from "../projects/projects.service.js";
import {
  AddMilestoneDefinitionInput,
  AddTeamMemberInput,
  AdvanceProjectStageInput,
  ReviewMilestoneInput,
  SetStageApplicabilityInput,
  SubmitMilestoneInput,
  UpdateTeamMemberInput,
} from "./dto/pipeline.inputs.js";
import { BoardColumnModel, MilestoneDefinitionModel, SubmissionModel, TeamMemberModel } from "./models/pipeline.models.js";
import { PipelineService } from "./pipeline.service.js";

@Resolver()
export class PipelineResolver {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly projects: ProjectsService,
  ) {}

  @Query(() => [BoardColumnModel], { description: "The pipeline board: one column per stage, every project of the scope (filters as for `projects`)." })
  board(@CurrentActor() actor: Actor, @Args("filter", { type: () => ProjectFilter, nullable: true }) filter?: ProjectFilter): Promise<BoardColumnModel[]> {
    return this.pipeline.board(actor, filter);
  }

  @Query(() => [MilestoneDefinitionModel], { description: "The milestone catalogue of the federation: the default one and the federation's additions." })
  milestoneCatalogue(@CurrentActor() actor: Actor): Promise<MilestoneDefinitionModel[]> {
    return this.pipeline.catalogue(actor);
  }

  @Mutation(() => ProjectModel, { description: "Moves a project to another stage. Refused with STAGE_GATE_NOT_MET and `extensions.unmet` when the gates do not hold." })
  async advanceProjectStage(@CurrentActor() actor: Actor, @Args("input") input: AdvanceProjectStageInput): Promise<ProjectModel> {
    return this.projects.get(actor, await this.pipeline.advance(actor, input));
  }

  @Mutation(() => ProjectModel, { description: "Marks a stage not applicable (e.g. premises for a multi-site MSP), or applicable again." })
  async setStageApplicability(@CurrentActor() actor: Actor, @Args("input") input: SetStageApplicabilityInput): Promise<ProjectModel> {
    return this.projects.get(actor, await this.pipeline.setApplicability(actor, input));
  }

  @Mutation(() => SubmissionModel, { description: "Submits a milestone (files uploaded with POST /files, form fields, comment)." })
  submitMilestone(@CurrentActor() actor: Actor, @Args("input") input: SubmitMilestoneInput): Promise<SubmissionModel> {
    return this.pipeline.submit(actor, input);
  }

  @Mutation(() => SubmissionModel, { description: "Approves a submission or asks for changes (federation staff)." })
  reviewMilestone(@CurrentActor() actor: Actor, @Args("input") input: ReviewMilestoneInput): Promise<SubmissionModel> {
    return this.pipeline.review(actor, input);
  }

  @Mutation(() => TeamMemberModel)
  addTeamMember(@CurrentActor() actor: Actor, @Args("input") input: AddTeamMemberInput): Promise<TeamMemberModel> {
    return this.pipeline.addTeamMember(actor, input);
  }

  @Mutation(() => TeamMemberModel, { description: "Edits a member; set leftAt when they leave (the history is kept)." })
  updateTeamMember(@CurrentActor() actor: Actor, @Args("input") input: UpdateTeamMemberInput): Promise<TeamMemberModel> {
    return this.pipeline.updateTeamMember(actor, input);
  }

  @Mutation(() => MilestoneDefinitionModel, { description: "Adds a milestone to a stage's checklist for the whole federation (admins)." })
  addMilestoneDefinition(@CurrentActor() actor: Actor, @Args("input") input: AddMilestoneDefinitionInput): Promise<MilestoneDefinitionModel> {
    return this.pipeline.addMilestoneDefinition(actor, input);
  }
}
