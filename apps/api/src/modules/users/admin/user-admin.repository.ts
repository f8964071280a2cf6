import { Injectable } from "@nestjs/common";
import type { Role } from "@maillage/domain";

import { PrismaService } from "../../../prisma/prisma.service.js";

type Tx = Parameters<Parameters<PrismaService["client"]["$transaction"]>[0]>[0];

/** The password hash of an invited account that has not chosen its password yet: no password ever matches it. */
export const INVITED_PASSWORD_HASH = "!invited";

export type ManagedUserRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  federationId: string;
  mspProjectId: string | null;
  mspProjectName: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  invited: boolean;
  lastLoginAt: Date | null;
};

export type UsersFilter = { search?: string | null; role?: Role | null; status?: "ACTIVE" | "INVITED" | "DEACTIVATED" | null };

/** The people of one federation, as its administrators manage them (Prisma stays here). */
@Injectable()
export class UserAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  get client(): PrismaService["client"] {
    return this.prisma.client;
  }

  async list(federationId: string, filter: UsersFilter): Promise<ManagedUserRow[]> {
    const search = filter.search?.trim();
    const rows = await this.prisma.client.user.findMany({
      where: {
        federationId,
        ...(filter.role ? { role: filter.role } : {}),
        ...(filter.status === "DEACTIVATED" ? { disabledAt: { not: null } } : filter.status ? { disabledAt: null } : {}),
        ...(filter.status === "INVITED" ? { passwordHash: INVITED_PASSWORD_HASH } : filter.status === "ACTIVE" ? { passwordHash: { not: INVITED_PASSWORD_HASH } } : {}),
        ...(search ? { OR: [{ email: { contains: search, mode: "insensitive" as const } }, { displayName: { contains: search, mode: "insensitive" as const } }] } : {}),
      },
      select: { ...ROW, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      take: 500,
    });
    return rows.map(toRow);
  }

  async find(id: string, db: Tx | PrismaService["client"] = this.prisma.client): Promise<ManagedUserRow | null> {
    const row = await db.user.findUnique({ where: { id }, select: { ...ROW, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } } });
    return row ? toRow(row) : null;
  }

  emailTaken(email: string): Promise<boolean> {
    return this.prisma.client.user.count({ where: { email } }).then((n) => n > 0);
  }

  projectOfFederation(projectId: string, federationId: string): Promise<{ id: string; name: string } | null> {
    return this.prisma.client.mspProject.findFirst({ where: { id: projectId, federationId }, select: { id: true, name: true } });
  }
}

const ROW = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  federationId: true,
  mspProjectId: true,
  mspProject: { select: { name: true } },
  createdAt: true,
  disabledAt: true,
  passwordHash: true,
} as const;

function toRow(r: {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  federationId: string;
  mspProjectId: string | null;
  mspProject: { name: string } | null;
  createdAt: Date;
  disabledAt: Date | null;
  passwordHash: string;
  sessions: { createdAt: Date }[];
}): ManagedUserRow {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    role: r.role,
    federationId: r.federationId,
    mspProjectId: r.mspProjectId,
    mspProjectName: r.mspProject?.name ?? null,
    createdAt: r.createdAt,
    disabledAt: r.disabledAt,
    invited: r.passwordHash === INVITED_PASSWORD_HASH,
    lastLoginAt: r.sessions[0]?.createdAt ?? null,
  };
}
