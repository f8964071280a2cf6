import { Args, ID, Mutation, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { CreateProjectInput, UpdateProjectInput } from "./dto/project.inputs.js";
import { ProjectsArgs } from "./dto/projects.args.js";
import { ProjectConnectionModel, ProjectModel } from "./models/project.model.js";
import { ProjectsService } from "./projects.service.js";

@Resolver(() => ProjectModel)
export class ProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @Query(() => ProjectConnectionModel, { description: "The projects the signed-in user may see, in name order." })
  projects(@CurrentActor() actor: Actor, @Args() args: ProjectsArgs): Promise<ProjectConnectionModel> {
    return this.service.list(actor, args.filter, args.first, args.after);
  }

  @Query(() => ProjectModel, { description: "One project; NOT_FOUND when it does not exist or is out of the user's scope." })
  project(@CurrentActor() actor: Actor, @Args("id", { type: () => ID }) id: string): Promise<ProjectModel> {
    return this.service.get(actor, id);
  }

  @Mutation(() => ProjectModel, { description: "Creates a project (federation admins and chargés)." })
  createProject(@CurrentActor() actor: Actor, @Args("input") input: CreateProjectInput): Promise<ProjectModel> {
    return this.service.create(actor, input);
  }

  @Mutation(() => ProjectModel, { description: "Edits a project (federation admins and chargés)." })
  updateProject(@CurrentActor() actor: Actor, @Args("input") input: UpdateProjectInput): Promise<ProjectModel> {
    return this.service.update(actor, input);
  }
}
