import { Module } from "@nestjs/common";

import { TerritoriesRepository } from "./territories.repository.js";
import { TerritoriesResolver } from "./territories.resolver.js";
import { TerritoriesService } from "./territories.service.js";

@Module({ providers: [TerritoriesRepository, TerritoriesService, TerritoriesResolver], exports: [TerritoriesService] })
export class TerritoriesModule {}
