import { Inject, Injectable } from "@nestjs/common";
import type { Database, PrismaClient } from "@maillage/db";

export const DATABASE = Symbol("DATABASE");

/**
 * The one Prisma client of the process. Only repositories inject it (STYLE.md §5). It does not connect at
 * construction, so the module graph can boot without a database (schema emission).
 */
@Injectable()
export class PrismaService {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  get client(): PrismaClient {
    return this.database.prisma;
  }

  get kind(): Database["kind"] {
    return this.database.kind;
  }
}
