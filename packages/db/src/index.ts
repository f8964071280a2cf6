export * from "../generated/prisma/client";
export { openDatabase, defaultDatabaseUrl, type Database, type OpenOptions } from "./client";
export { openAdapter, parsePgUrl, isPgliteUrl, type DatabaseKind } from "./adapter";
export { applyPendingMigrations, migrationStatus, resetDatabase } from "./migrate";
export { createTestDatabase, type TestDatabase } from "./testing";
export { communesByCode, departementsRef, ensureReferenceData, regionsRef, COG_YEAR, type CommuneRef, type DepartementRef, type RegionRef } from "./reference";
