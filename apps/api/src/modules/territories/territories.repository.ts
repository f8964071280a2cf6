import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";
import type { DepartementModel } from "./models/departement.model.js";

const departementSelect = { code: true, name: true, region: { select: { code: true, name: true } } } as const;

@Injectable()
export class TerritoriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  listDepartements(): Promise<DepartementModel[]> {
    return this.prisma.client.departement.findMany({ select: departementSelect, orderBy: { code: "asc" } });
  }

  async federationDepartements(federationId: string): Promise<DepartementModel[]> {
    const rows = await this.prisma.client.federationDepartement.findMany({
      where: { federationId },
      select: { departement: { select: departementSelect } },
      orderBy: { departementCode: "asc" },
    });
    return rows.map((r) => r.departement);
  }
}
