import { Module, type OnModuleInit } from "@nestjs/common";
import { HttpAdapterHost } from "@nestjs/core";
import type { FastifyInstance } from "fastify";

import { FilesController, refuseNonMultipartUpload } from "./files.controller.js";
import { FilesRepository } from "./files.repository.js";
import { FilesService } from "./files.service.js";

/**
 * Uploads and downloads of milestone documents (POST /files, GET /files/:id). FilesService.findAttachable
 * is for the milestone submission, which links uploaded files to a submission.
 */
@Module({
  controllers: [FilesController],
  providers: [FilesService, FilesRepository],
  exports: [FilesService],
})
export class FilesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Fastify answers a body it cannot parse (e.g. application/octet-stream) with its own 415 before any
   * handler runs; this hook gives POST /files our error shape instead.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (typeof fastify?.addHook !== "function") return;
    fastify.addHook("onRequest", refuseNonMultipartUpload);
  }
}
