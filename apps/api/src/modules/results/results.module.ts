import { Module } from "@nestjs/common";

import { ReferenceDataModule } from "../reference-data/reference-data.module.js";
import { ResultsResolver } from "./results.resolver.js";
import { ResultsService } from "./results.service.js";

/** Result periods of running MSPs (PEPS, IPEP, ACI): entry, submission, approval and locking. */
@Module({ imports: [ReferenceDataModule], providers: [ResultsService, ResultsResolver] })
export class ResultsModule {}
