import { Module, type OnModuleInit } from "@nestjs/common";
import { HttpAdapterHost } from "@nestjs/core";
import type { FastifyInstance } from "fastify";

import { ReferenceDataController, refuseNonMultipartImport } from "./reference-data.controller.js";
import { ReferenceDataResolver } from "./reference-data.resolver.js";
import { ReferenceDataService } from "./reference-data.service.js";

/**
 * Versioned reference data of the results (ADR 0009): PEPS coefficient tables (imported from the CPAM's file,
 * POST /reference/peps-tables), ACI rule sets (rows « à vérifier » editable by admins), IPEP parameters.
 * ReferenceDataService.forFederation is what the result periods compute with.
 */
@Module({
  controllers: [ReferenceDataController],
  providers: [ReferenceDataService, ReferenceDataResolver],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Fastify would answer a non-multipart body with its own 415 before any handler: give the import our error shape. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (typeof fastify?.addHook !== "function") return;
    fastify.addHook("onRequest", refuseNonMultipartImport);
  }
}
