import { Args, Int, Parent, ResolveField, Resolver } from "@nestjs/graphql";
import type { Actor, ProjectStage } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { badUserInput } from "../../common/errors.js";
import { ProjectStageEnum } from "../../common/enums.js";
import { ProjectModel } from "../projects/models/project.model.js";
import {
  ChecklistItemModel,
  MilestoneProgressModel,
  StageStateModel,
  SubmissionModel,
  TeamMemberModel,
  TimelineEventModel,
} from "./models/pipeline.models.js";
import { PipelineService } from "./pipeline.service.js";

/**
 * Pipeline fields of a project (for its page). Each loads the project through the actor's scope again, so a
 * field can never show more than the project itself; lists should use `board` rather than these fields.
 */
@Resolver(() => ProjectModel)
export class ProjectPipelineResolver {
  /**
   * One snapshot per project object of an answer: the page asks for stages, checklist, next steps, submissions,
   * team and timeline of the same project, which all read the same rows. Keyed by the parent object (not by id),
   * so a project returned by a later mutation in the same request is loaded afresh.
   */
  private readonly loads = new WeakMap<object, ReturnType<PipelineService["load"]>>();

  constructor(private readonly pipeline: PipelineService) {}

  private load(actor: Actor, project: ProjectModel): ReturnType<PipelineService["load"]> {
    let loaded = this.loads.get(project);
    if (!loaded) {
      loaded = this.pipeline.load(actor, project.id);
      this.loads.set(project, loaded);
    }
    return loaded;
  }

  @ResolveField(() => [StageStateModel], { description: "The eleven stages with their dates, in lifecycle order." })
  async stageStates(@CurrentActor() actor: Actor, @Parent() project: ProjectModel): Promise<StageStateModel[]> {
    return this.pipeline.stageStates(await this.load(actor, project));
  }

  @ResolveField(() => [ChecklistItemModel], { description: "The checklist of a stage (default: the current one)." })
  async checklist(
    @CurrentActor() actor: Actor,
    @Parent() project: ProjectModel,
    @Args("stage", { type: () => ProjectStageEnum, nullable: true }) stage?: ProjectStage,
  ): Promise<ChecklistItemModel[]> {
    return this.pipeline.checklist(await this.load(actor, project), stage ?? undefined);
  }

  @ResolveField(() => MilestoneProgressModel)
  async milestoneProgress(@CurrentActor() actor: Actor, @Parent() project: ProjectModel): Promise<MilestoneProgressModel> {
    return this.pipeline.progress(await this.load(actor, project));
  }

  @ResolveField(() => [ChecklistItemModel], { description: "Required milestones of the current stage still to submit or correct." })
  async nextSteps(@CurrentActor() actor: Actor, @Parent() project: ProjectModel): Promise<ChecklistItemModel[]> {
    return this.pipeline.nextSteps(await this.load(actor, project));
  }

  @ResolveField(() => [SubmissionModel], { description: "Every submission, newest first." })
  async submissions(@CurrentActor() actor: Actor, @Parent() project: ProjectModel): Promise<SubmissionModel[]> {
    const loaded = await this.load(actor, project);
    return this.pipeline.submissionModels(loaded.submissions, loaded.custom);
  }

  @ResolveField(() => [TeamMemberModel], { description: "Current and former members (leftAt set)." })
  async team(@CurrentActor() actor: Actor, @Parent() project: ProjectModel): Promise<TeamMemberModel[]> {
    return this.pipeline.team(await this.load(actor, project));
  }

  @ResolveField(() => [TimelineEventModel], { description: "Everything that happened to the project, newest first." })
  async timeline(
    @CurrentActor() actor: Actor,
    @Parent() project: ProjectModel,
    @Args("first", { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<TimelineEventModel[]> {
    if (first < 1 || first > 500) throw badUserInput([{ field: "first", code: "OUT_OF_RANGE", message: "Le nombre d'événements doit être compris entre 1 et 500." }]);
    const loaded = await this.load(actor, project);
    return this.pipeline.timeline(loaded.core.id, first);
  }
}
