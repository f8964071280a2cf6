import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";
import type { StaffMemberModel } from "./models/staff-member.model.js";

import type { Role } from "@maillage/domain";

export type Credentials = { id: string; passwordHash: string; disabledAt: Date | null; federationId: string };
export type UserRecord = { id: string; email: string; displayName: string; role: Role; federationId: string; mspProjectId: string | null };

const STAFF_ROLES = ["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT"] as const;

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findCredentialsByEmail(email: string): Promise<Credentials | null> {
    return this.prisma.client.user.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, disabledAt: true, federationId: true },
    });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.prisma.client.user.findUnique({
      where: { id },
      select: { id: true, email: true, displayName: true, role: true, federationId: true, mspProjectId: true },
    });
  }

  /** Staff who can be assigned to the federation's projects (admins and chargés), by name. */
  async listStaff(federationId: string): Promise<StaffMemberModel[]> {
    return this.prisma.client.user.findMany({
      where: { federationId, role: { in: [...STAFF_ROLES] }, disabledAt: null },
      select: { id: true, displayName: true, email: true, role: true },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
    });
  }
}
