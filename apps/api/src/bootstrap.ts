/**
 * Builds the whole product in one process: database (migrated, demo-seeded when empty), API on Fastify
 * (/graphql, /health) and the built portal at "/". Used by main.ts, the integration tests, the e2e tests
 * and the benchmarks, so they all run the real thing.
 */
import "reflect-metadata";

import fs from "node:fs";
import path from "node:path";

import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { openDatabase, type Database, ensureReferenceData } from "@maillage/db";
import { seedDemo } from "@maillage/db/seed";
import type { FastifyInstance } from "fastify";
import { Logger } from "nestjs-pino";

import { AppModule } from "./app.module.js";
import { registerCsrfProtection } from "./common/csrf.js";
import { validationPipe } from "./common/validation.js";
import type { AppConfig } from "./config/config.js";

export type RunningApp = {
  app: NestFastifyApplication;
  database: Database;
  /** Names of the migrations applied at start. */
  migrations: string[];
  seeded: boolean;
  close: () => Promise<void>;
};

export async function createApp(config: AppConfig, options: { database?: Database; logger?: boolean } = {}): Promise<RunningApp> {
  let statements = 0;
  const database = options.database ?? (await openDatabase(config.databaseUrl, config.queryMetrics ? { onStatement: () => void statements++ } : {}));
  const migrations = await database.migrate();
  // Every deployment needs the official régions and départements, demo or not.
  await ensureReferenceData(database.prisma);
  const seed = config.seedDemo ? await seedDemo(database.prisma, {}) : { seeded: false };

  // X-Forwarded-For is believed only from the configured proxies (none by default): the client address then is the
  // one the nearest trusted proxy appended, never a value a client wrote itself.
  const adapter = new FastifyAdapter({ trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false, bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(fastifyCookie as never);
  // Uploads (POST /files): one file per request, streamed; the size limit is enforced while streaming.
  await fastify.register(fastifyMultipart as never, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12 } } as never);
  registerCsrfProtection(fastify);
  fastify.addHook("onSend", async (_req, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
  });
  if (config.queryMetrics) {
    const startCount = new WeakMap<object, number>();
    fastify.addHook("onRequest", async (req) => void startCount.set(req, statements));
    fastify.addHook("onSend", async (req, reply) => void reply.header("x-sql-statements", String(statements - (startCount.get(req) ?? statements))));
  }
  if (config.portalDist) await servePortal(fastify, config.portalDist);

  await app.init();
  return {
    app,
    database,
    migrations,
    seeded: seed.seeded,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/** The built portal: static files, and index.html for every other GET that asks for a page (client routing). */
async function servePortal(fastify: FastifyInstance, root: string): Promise<void> {
  const index = fs.readFileSync(path.join(root, "index.html"));
  await fastify.register(fastifyStatic as never, { root, prefix: "/", wildcard: false, index: false } as never);
  // Client routes (/projets/…): any other GET asking for a page gets index.html; Nest's 404 stays for the rest.
  fastify.get("/*", async (req, reply) => {
    if ((req.headers.accept ?? "").includes("text/html")) {
      return reply.code(200).type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index);
    }
    return reply.code(404).send({ message: "Not Found", statusCode: 404 });
  });
}
