import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { aciIndicatorCatalog, DIMENSION_LABELS, MEASURES, RESEARCH_API_DIMENSIONS, RESEARCH_MEASURES } from "./research.catalog.js";
import {
  ResearchAggregateInput,
  ResearchAggregateModel,
  ResearchBudgetModel,
  ResearchCatalogModel,
  ResearchQueriesArgs,
  ResearchQueryConnectionModel,
  ResearchSettingsModel,
  UpdateResearchSettingsInput,
} from "./research.models.js";
import { ResearchService } from "./research.service.js";

@Resolver()
export class ResearchResolver {
  constructor(private readonly research: ResearchService) {}

  @Query(() => ResearchCatalogModel, { description: "Measures, dimensions (with their categories) and indicators a researcher may use." })
  researchCatalog(@CurrentActor() actor: Actor): ResearchCatalogModel {
    ResearchService.assertResearchRole(actor);
    return {
      measures: RESEARCH_MEASURES.map((id) => ({ id, label: MEASURES[id].label, unit: MEASURES[id].unit, needsIndicator: MEASURES[id].needsIndicator })),
      dimensions: RESEARCH_API_DIMENSIONS.map((id) => ({ id, label: DIMENSION_LABELS[id], categories: this.research.categories(id) })),
      indicators: aciIndicatorCatalog().map((i) => ({ ...i, programme: "ACI" })),
    };
  }

  @Query(() => ResearchAggregateModel, {
    description:
      "An anonymised aggregate of approved results (RESEARCHER and FEDERATION_ADMIN only), with every cell either published (perturbed, see `perturbation`) or suppressed with its reason. Errors: BAD_USER_INPUT, PRIVACY_BUDGET_EXHAUSTED.",
  })
  researchAggregate(@CurrentActor() actor: Actor, @Args("input") input: ResearchAggregateInput): Promise<ResearchAggregateModel> {
    return this.research.aggregate(actor, input);
  }

  @Query(() => ResearchQueryConnectionModel, { description: "The caller's own research queries, newest first." })
  async researchQueries(@CurrentActor() actor: Actor, @Args() args: ResearchQueriesArgs): Promise<ResearchQueryConnectionModel> {
    const page = await this.research.history(actor, args.first ?? 20, args.after ?? null);
    return {
      ...page,
      edges: page.edges.map((e) => {
        const p = e.node.parameters as { measure: string; groupBy: string[]; filters: unknown; indicatorCode: string | null };
        return {
          cursor: e.cursor,
          node: { id: e.node.id, createdAt: e.node.createdAt, measure: p.measure, groupBy: p.groupBy, filters: { filters: p.filters ?? [] }, indicatorCode: p.indicatorCode ?? null, cellsReturned: e.node.cellsReturned, cellsSuppressed: e.node.cellsSuppressed, epsilon: e.node.epsilon },
        };
      }),
    };
  }

  @Query(() => ResearchBudgetModel, { description: "The caller's privacy budget (meaningful when the deployment adds noise)." })
  researchBudget(@CurrentActor() actor: Actor): Promise<ResearchBudgetModel> {
    return this.research.budget(actor);
  }

  @Query(() => ResearchSettingsModel, { description: "The disclosure-control thresholds and noise settings in force (the deployment's, and the caller's federation's own)." })
  async researchSettings(@CurrentActor() actor: Actor): Promise<ResearchSettingsModel> {
    ResearchService.assertResearchRole(actor);
    return this.research.settings(actor);
  }

  @Mutation(() => ResearchSettingsModel, {
    description: "FEDERATION_ADMIN: makes the thresholds stricter for the caller's federation's data (never weaker than the deployment's: BAD_USER_INPUT); audited.",
  })
  updateResearchSettings(@CurrentActor() actor: Actor, @Args("input") input: UpdateResearchSettingsInput): Promise<ResearchSettingsModel> {
    return this.research.updateSettings(actor, input);
  }
}
