/**
 * The operator's command line (README, « Mettre en service »): `corepack pnpm maillage <command> [options]`.
 *
 *   create-federation --slug <slug> --name <name> --region <INSEE région code> [--departements 33,24,…]
 *                     --admin-email <e-mail> --admin-name <name>
 *     creates a federation and its first administrator, and prints the single-use link (valid 7 days) with which
 *     that administrator chooses a password. Works on PostgreSQL (DATABASE_URL) and on the embedded database (stop
 *     the running product first: only one process may open the embedded database).
 */
import { parseArgs } from "node:util";

import { ensureReferenceData, openDatabase } from "@maillage/db";

import { ConfigError, loadConfig } from "./config/config.js";
import { createFederation, FederationSetupError, type FederationSetup } from "./modules/federations/create-federation.js";
import { invitationLink } from "./modules/users/admin/user-admin.service.js";

const USAGE = `Usage:
  corepack pnpm maillage create-federation --slug <slug> --name <nom> --region <code région> [--departements 33,24] --admin-email <e-mail> --admin-name <nom>`;

class UsageError extends Error {}

/** The options of create-federation, checked (UsageError in English for the operator). */
export function parseCreateFederationArgs(args: string[]): FederationSetup {
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      region: { type: "string" },
      departements: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
    },
    strict: true,
  });
  return {
    slug: values.slug?.trim() ?? "",
    name: values.name?.trim() ?? "",
    regionCode: values.region?.trim() ?? "",
    departements: (values.departements ?? "").split(",").map((d) => d.trim().toUpperCase()).filter(Boolean),
    adminEmail: values["admin-email"]?.trim().toLowerCase() ?? "",
    adminName: values["admin-name"]?.trim() ?? "",
  };
}

async function createFederationCommand(args: string[]): Promise<void> {
  const setup = parseCreateFederationArgs(args);
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl);
  try {
    await database.migrate();
    await ensureReferenceData(database.prisma);
    const created = await createFederation(database.prisma, setup, new Date());
    process.stdout.write(
      `Fédération « ${created.federation.name} » créée (${created.departements.length} département(s) : ${created.departements.join(", ")}).\n` +
        `Premier administrateur : ${setup.adminName} <${setup.adminEmail}>.\n\n` +
        `Lien à lui transmettre pour choisir son mot de passe (valable 7 jours, une seule fois) :\n${invitationLink(config.publicUrl, created.token)}\n`,
    );
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "create-federation":
      return createFederationCommand(rest);
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "a command is required");
  }
}

if (process.argv[1] && /cli\.js$/.test(process.argv[1])) void run();

function run(): Promise<void> {
  return main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof FederationSetupError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`maillage: ${(error as Error).message}\n\n${USAGE}`);
  } else console.error(error);
  process.exit(1);
  });
}
