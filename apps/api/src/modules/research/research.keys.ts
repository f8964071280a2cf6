import { createHmac, randomBytes } from "node:crypto";

import { Injectable } from "@nestjs/common";
import { seededRandom, type RecordKeys } from "@maillage/domain";

import { PrismaService } from "../../prisma/prisma.service.js";

/**
 * The keys of every (MSP, year) record under one secret: one HMAC-SHA-256 per MSP (kept), its direction and the seeds
 * of its years' draws. Pure, so the benchmark draws keys exactly as the API does.
 */
export function recordKeysFromSecret(secret: Buffer): (projectId: string, year: number) => RecordKeys {
  const byUnit = new Map<string, { direction: 1 | -1; seeds: readonly number[] }>();
  return (projectId, year) => {
    let unit = byUnit.get(projectId);
    if (unit === undefined) {
      const mac = createHmac("sha256", secret).update(`maillage-research-unit:${projectId}`).digest();
      unit = { direction: (mac[0] ?? 0) & 1 ? 1 : -1, seeds: [4, 8, 12, 16].map((at) => mac.readUInt32BE(at)) };
      byUnit.set(projectId, unit);
    }
    const mix = Math.imul(year, 0x9e3779b1) >>> 0;
    const seeds = unit.seeds;
    const draw = (i: number): number => {
      const random = seededRandom(((seeds[i] ?? 0) ^ mix) >>> 0);
      random();
      return random();
    };
    return { direction: unit.direction, countKey: draw(0), magnitudeKey: draw(1), valueDraw: draw(2), denominatorDraw: draw(3) };
  };
}

/**
 * The permanent, secret keys of research records (docs/adr/0011-research-perturbation.md): one HMAC-SHA-256 of the
 * deployment's secret per MSP gives its direction and the seeds of its years' keys. The secret lives in the
 * database (one row, created on first use by whichever instance comes first), so every instance and every restart
 * derives the same keys, and the same cell always gets the same perturbation.
 */
@Injectable()
export class ResearchKeys {
  private keys: Promise<(projectId: string, year: number) => RecordKeys> | null = null;

  constructor(private readonly prisma: PrismaService) {}

  /** The keys of every (MSP, year) record, derived once per process and MSP. */
  keysFor(): Promise<(projectId: string, year: number) => RecordKeys> {
    this.keys ??= this.loadSecret().then(recordKeysFromSecret, (error: unknown) => {
      this.keys = null;
      throw error;
    });
    return this.keys;
  }

  private async loadSecret(): Promise<Buffer> {
    // Insert-if-absent then read: concurrent first uses on several instances all read the same row.
    await this.prisma.client.researchKey.createMany({ data: [{ id: "default", secret: randomBytes(32) }], skipDuplicates: true });
    const row = await this.prisma.client.researchKey.findUniqueOrThrow({ where: { id: "default" } });
    return Buffer.from(row.secret);
  }
}
