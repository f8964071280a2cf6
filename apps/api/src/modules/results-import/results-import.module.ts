import { Module, type OnModuleInit } from "@nestjs/common";
import { HttpAdapterHost } from "@nestjs/core";
import type { FastifyInstance } from "fastify";

import { ReferenceDataModule } from "../reference-data/reference-data.module.js";
import { refuseNonMultipartImport, ResultsImportController } from "./results-import.controller.js";
import { ResultsImportService } from "./results-import.service.js";

/**
 * Import of result periods from CSV/XLSX (GET /results/import/template, POST /results/import): the domain reads and
 * validates the sheet, this module authorises, writes in one transaction and reports line by line (docs/results.md
 * « Import de périodes », ADR 0006).
 */
@Module({
  imports: [ReferenceDataModule],
  controllers: [ResultsImportController],
  providers: [ResultsImportService],
})
export class ResultsImportModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Fastify answers a body type it cannot parse with its own 415; this hook gives POST /results/import our error shape. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (typeof fastify?.addHook !== "function") return;
    fastify.addHook("onRequest", refuseNonMultipartImport);
  }
}
