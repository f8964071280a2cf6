import { Module, type DynamicModule } from "@nestjs/common";
import { APP_GUARD } from "@nestjs/core";
import type { Database } from "@maillage/db";
import { LoggerModule } from "nestjs-pino";

import "./common/enums.js";
import { AuthGuard } from "./common/auth.guard.js";
import { graphqlModule } from "./common/graphql.options.js";
import { ConfigModule } from "./config/config.module.js";
import type { AppConfig } from "./config/config.js";
import { AlertsModule } from "./modules/alerts/alerts.module.js";
import { AuditModule } from "./modules/audit/audit.module.js";
import { AuthModule } from "./modules/auth/auth.module.js";
import { DashboardsModule } from "./modules/dashboards/dashboards.module.js";
import { FederationsModule } from "./modules/federations/federations.module.js";
import { FilesModule } from "./modules/files/files.module.js";
import { HealthModule } from "./modules/health/health.module.js";
import { PipelineModule } from "./modules/pipeline/pipeline.module.js";
import { ProjectsModule } from "./modules/projects/projects.module.js";
import { ReferenceDataModule } from "./modules/reference-data/reference-data.module.js";
import { ResearchModule } from "./modules/research/research.module.js";
import { ResultsModule } from "./modules/results/results.module.js";
import { ResultsImportModule } from "./modules/results-import/results-import.module.js";
import { TerritoriesModule } from "./modules/territories/territories.module.js";
import { UsersModule } from "./modules/users/users.module.js";
import { PrismaModule } from "./prisma/prisma.module.js";

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PrismaModule.forRoot(database),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === "/health" },
          },
        }),
        graphqlModule(config),
        AuditModule,
        AuthModule,
        TerritoriesModule,
        FederationsModule,
        UsersModule,
        ProjectsModule,
        FilesModule,
        PipelineModule,
        ReferenceDataModule,
        ResultsModule,
        ResultsImportModule,
        DashboardsModule,
        ResearchModule,
        AlertsModule,
        HealthModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
