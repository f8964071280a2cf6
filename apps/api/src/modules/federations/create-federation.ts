import type { PrismaClient } from "@maillage/db";

import { INVITED_PASSWORD_HASH } from "../users/admin/user-admin.repository.js";
import { createSetPasswordToken } from "../users/admin/user-admin.service.js";

export type FederationSetup = { slug: string; name: string; regionCode: string; departements: string[]; adminEmail: string; adminName: string };

/** A refusal of the operator's command, in English (the CLI prints it with the usage). */
export class FederationSetupError extends Error {}

/**
 * A new federation and its first administrator (README « Mettre en service »): the départements it covers (all of
 * its région's when none is given), the administrator invited — no password yet — and the single-use token of the
 * link with which they choose one (valid 7 days). Audited as `federation.create`. Refuses a taken slug or e-mail, an
 * unknown région or département, and changes nothing then.
 */
export async function createFederation(prisma: PrismaClient, setup: FederationSetup, now: Date): Promise<{ federation: { id: string; name: string }; adminId: string; departements: string[]; token: string }> {
  if (!/^[a-z0-9][a-z0-9-]{1,60}$/.test(setup.slug)) throw new FederationSetupError("--slug: lowercase letters, digits and dashes (e.g. federation-occitanie)");
  if (setup.name.length < 3) throw new FederationSetupError("--name is required (the federation's name)");
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(setup.adminEmail)) throw new FederationSetupError("--admin-email must be an e-mail address");
  if (setup.adminName.length < 2) throw new FederationSetupError("--admin-name is required (the administrator's name)");
  const region = await prisma.region.findUnique({ where: { code: setup.regionCode } });
  if (!region) throw new FederationSetupError(`--region: unknown INSEE région code "${setup.regionCode}" (e.g. 75 Nouvelle-Aquitaine, 76 Occitanie)`);
  const known = await prisma.departement.findMany({ where: { code: { in: setup.departements } }, select: { code: true } });
  const unknown = setup.departements.filter((d) => !known.some((k) => k.code === d));
  if (unknown.length > 0) throw new FederationSetupError(`--departements: unknown code(s) ${unknown.join(", ")}`);
  const departements = setup.departements.length > 0 ? [...new Set(setup.departements)] : (await prisma.departement.findMany({ where: { regionCode: setup.regionCode }, select: { code: true }, orderBy: { code: "asc" } })).map((d) => d.code);
  if (await prisma.federation.findUnique({ where: { slug: setup.slug } })) throw new FederationSetupError(`a federation with the slug "${setup.slug}" already exists`);
  if (await prisma.user.findUnique({ where: { email: setup.adminEmail } })) throw new FederationSetupError(`an account with the e-mail ${setup.adminEmail} already exists`);
  const { federation, adminId } = await prisma.$transaction(async (tx) => {
    const federation = await tx.federation.create({ data: { slug: setup.slug, name: setup.name, regionCode: setup.regionCode, departements: { create: departements.map((departementCode) => ({ departementCode })) } }, select: { id: true, name: true } });
    const admin = await tx.user.create({ data: { email: setup.adminEmail, displayName: setup.adminName, role: "FEDERATION_ADMIN", federationId: federation.id, passwordHash: INVITED_PASSWORD_HASH }, select: { id: true } });
    await tx.auditEvent.create({
      data: { federationId: federation.id, actorId: null, action: "federation.create", targetType: "Federation", targetId: federation.id, summary: { after: { slug: setup.slug, name: setup.name, regionCode: setup.regionCode, departements, firstAdmin: setup.adminEmail }, via: "cli" } },
    });
    return { federation, adminId: admin.id };
  });
  const token = await createSetPasswordToken(prisma, adminId, now);
  return { federation, adminId, departements, token };
}
