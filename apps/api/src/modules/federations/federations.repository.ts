import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

export type FederationRow = { id: string; name: string; slug: string; region: { code: string; name: string } };

@Injectable()
export class FederationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<FederationRow | null> {
    return this.prisma.client.federation.findUnique({
      where: { id },
      select: { id: true, name: true, slug: true, region: { select: { code: true, name: true } } },
    });
  }
}
