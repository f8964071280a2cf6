import { Module } from "@nestjs/common";

import { TerritoriesModule } from "../territories/territories.module.js";
import { FederationsRepository } from "./federations.repository.js";
import { FederationsResolver } from "./federations.resolver.js";

@Module({ imports: [TerritoriesModule], providers: [FederationsRepository, FederationsResolver], exports: [FederationsRepository] })
export class FederationsModule {}
