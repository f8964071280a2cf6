import { Global, Module, type DynamicModule } from "@nestjs/common";
import type { Database } from "@maillage/db";

import { DATABASE, PrismaService } from "./prisma.service.js";

@Global()
@Module({})
export class PrismaModule {
  static forRoot(database: Database): DynamicModule {
    return {
      module: PrismaModule,
      providers: [{ provide: DATABASE, useValue: database }, PrismaService],
      exports: [PrismaService],
    };
  }
}
