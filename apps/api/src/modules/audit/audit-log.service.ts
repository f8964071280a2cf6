import { Injectable } from "@nestjs/common";
import { can, clampPageSize, decodeCursor, encodeCursor, type Actor } from "@maillage/domain";

import { badUserInput, forbidden } from "../../common/errors.js";
import { isUuid } from "../../common/ids.js";
import { auditActionLabel } from "./audit.labels.js";
import { AuditRepository, type AuditFilter, type AuditRow } from "./audit.repository.js";

export type AuditLogFilterInput = { actorId?: string | null; action?: string | null; from?: string | null; to?: string | null };
export type AuditLogEntry = AuditRow & { label: string };

/** Filter values checked and parsed (a bad one is BAD_USER_INPUT naming the field). */
export function parseAuditFilter(input: AuditLogFilterInput | null | undefined): AuditFilter {
  const problems: { field: string; code: string; message: string }[] = [];
  const date = (field: "from" | "to", raw: string | null | undefined): Date | null => {
    if (!raw) return null;
    const d = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(raw) ? new Date(raw) : new Date(NaN);
    if (Number.isNaN(d.getTime())) problems.push({ field, code: "AUDIT.DATE_INVALID", message: "Date invalide (AAAA-MM-JJ)." });
    return Number.isNaN(d.getTime()) ? null : d;
  };
  if (input?.actorId && !isUuid(input.actorId)) problems.push({ field: "actorId", code: "AUDIT.ACTOR_INVALID", message: "Personne inconnue." });
  if (input?.action && !/^[a-z_.]{2,60}$/.test(input.action)) problems.push({ field: "action", code: "AUDIT.ACTION_INVALID", message: "Action inconnue." });
  const from = date("from", input?.from);
  // `to` is a day included in the range: the filter ends at the next midnight (UTC).
  const toDay = date("to", input?.to);
  const to = toDay && input?.to && input.to.length === 10 ? new Date(toDay.getTime() + 86_400_000) : toDay;
  if (problems.length > 0) throw badUserInput(problems);
  return { actorId: input?.actorId ?? null, action: input?.action ?? null, from, to };
}

/**
 * The audit log of a federation for its admins (issue "Going live", item 6): who did what, when, with filters
 * (person, action, dates), by pages, each action named in French; the same rows in the CSV export.
 */
@Injectable()
export class AuditLogService {
  constructor(private readonly repository: AuditRepository) {}

  async page(actor: Actor, input: AuditLogFilterInput | null | undefined, first: number, after: string | null) {
    if (!can(actor, "audit.read")) throw forbidden("Le journal est réservé aux administrateurs de la fédération.");
    const filter = parseAuditFilter(input);
    const take = clampPageSize(first, { default: 50, max: 200 });
    let before: bigint | null = null;
    if (after) {
      const v = decodeCursor(after);
      const id = v?.[0];
      if (!v || v.length !== 1 || typeof id !== "string" || !/^\d{1,19}$/.test(id)) throw badUserInput([{ field: "after", code: "INVALID_CURSOR", message: "Curseur de pagination invalide." }]);
      before = BigInt(id);
    }
    const { rows, totalCount } = await this.repository.page(actor.federationId, filter, before, take + 1);
    const page = rows.slice(0, take).map((r): AuditLogEntry => ({ ...r, label: auditActionLabel(r.action) }));
    const last = page[page.length - 1];
    return {
      totalCount,
      edges: page.map((node) => ({ cursor: encodeCursor([node.id.toString()]), node })),
      pageInfo: { hasNextPage: rows.length > take, endCursor: last ? encodeCursor([last.id.toString()]) : null },
    };
  }

  /** Every row of the filter, newest first, for the CSV export (at most 50,000). */
  async all(actor: Actor, input: AuditLogFilterInput | null | undefined): Promise<AuditLogEntry[]> {
    if (!can(actor, "audit.read")) throw forbidden("Le journal est réservé aux administrateurs de la fédération.");
    const filter = parseAuditFilter(input);
    const out: AuditLogEntry[] = [];
    let before: bigint | null = null;
    while (out.length < 50_000) {
      const { rows } = await this.repository.page(actor.federationId, filter, before, 1000);
      out.push(...rows.map((r) => ({ ...r, label: auditActionLabel(r.action) })));
      if (rows.length < 1000) break;
      before = rows[rows.length - 1]!.id;
    }
    return out;
  }
}
