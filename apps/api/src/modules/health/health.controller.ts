import { Controller, Get, Res } from "@nestjs/common";
import type { FastifyReply } from "fastify";

import { PrismaService } from "../../prisma/prisma.service.js";

const startedAt = Date.now();

@Controller("health")
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** Liveness and database status, as JSON; 503 when the database does not answer. */
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const t0 = performance.now();
    let database: Record<string, unknown>;
    try {
      await this.prisma.client.$queryRaw`SELECT 1`;
      database = { status: "up", kind: this.prisma.kind, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
    } catch {
      database = { status: "down", kind: this.prisma.kind };
    }
    const ok = database.status === "up";
    await reply
      .code(ok ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: ok ? "ok" : "error", database, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  }
}
