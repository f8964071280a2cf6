/**
 * The daily digest: who gets which alerts, and the e-mail itself (French, plain text + simple HTML).
 * Pure functions, unit-tested in digest.format.spec.ts.
 */
import type { MailMessage } from "./mailer.service.js";
import { escapeHtml } from "./html.js";

export type DigestStaff = { id: string; email: string; displayName: string; role: "FEDERATION_ADMIN" | "CHARGE_DEVELOPPEMENT"; federationId: string };

export type DigestAlert = {
  id: string;
  /** The kind, in French (ALERT_KIND_LABELS). */
  kindLabel: string;
  dueAt: Date | null;
  message: string;
  project: { id: string; name: string; federationId: string; chargeId: string | null };
};

export type DigestPlan = { recipient: DigestStaff; alerts: DigestAlert[] };

/**
 * Each open alert goes to the chargé·e of its project; when the project has none (or they are no longer
 * active staff of its federation), to every admin of the project's federation. One plan per recipient, the
 * alerts by project name then due date (undated last).
 */
export function planDigests(staff: readonly DigestStaff[], alerts: readonly DigestAlert[]): DigestPlan[] {
  const byId = new Map(staff.map((s) => [s.id, s]));
  const adminsOf = new Map<string, DigestStaff[]>();
  for (const s of staff) if (s.role === "FEDERATION_ADMIN") adminsOf.set(s.federationId, [...(adminsOf.get(s.federationId) ?? []), s]);
  const plans = new Map<string, DigestPlan>();
  const give = (recipient: DigestStaff, alert: DigestAlert) => {
    const plan = plans.get(recipient.id) ?? { recipient, alerts: [] };
    plan.alerts.push(alert);
    plans.set(recipient.id, plan);
  };
  for (const alert of alerts) {
    const charge = alert.project.chargeId ? byId.get(alert.project.chargeId) : undefined;
    if (charge && charge.federationId === alert.project.federationId) give(charge, alert);
    else for (const admin of adminsOf.get(alert.project.federationId) ?? []) give(admin, alert);
  }
  const collator = new Intl.Collator("fr");
  for (const plan of plans.values()) {
    plan.alerts.sort(
      (a, b) =>
        collator.compare(a.project.name, b.project.name) ||
        (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
        a.id.localeCompare(b.id),
    );
  }
  return [...plans.values()].sort((a, b) => a.recipient.id.localeCompare(b.recipient.id));
}

const LONG_DATE = { day: "numeric", month: "long", year: "numeric" } as const;
const UTC_DATE = new Intl.DateTimeFormat("fr-FR", { ...LONG_DATE, timeZone: "UTC" });
const PARIS_DATE = new Intl.DateTimeFormat("fr-FR", { ...LONG_DATE, timeZone: "Europe/Paris" });

/**
 * A due date, « 30 avril 2026 »: the domain's deadlines are calendar days in UTC (the last millisecond of
 * the UTC day), so the day is read in UTC — in Paris time, 23:59 UTC would already be the next day.
 */
export const frenchDueDate = (d: Date): string => UTC_DATE.format(d);

/** Today's date as people in France read it, « 23 novembre 2026 ». */
export const frenchToday = (d: Date): string => PARIS_DATE.format(d);


export function digestSubject(count: number): string {
  return `Maillage — ${count} ${count > 1 ? "alertes" : "alerte"} sur vos projets`;
}

/** The alerts of a plan grouped by project, in the plan's order (planDigests sorts by project name). */
function byProject(alerts: readonly DigestAlert[]): { project: DigestAlert["project"]; alerts: DigestAlert[] }[] {
  const groups = new Map<string, { project: DigestAlert["project"]; alerts: DigestAlert[] }>();
  for (const a of alerts) {
    const group = groups.get(a.project.id) ?? { project: a.project, alerts: [] };
    group.alerts.push(a);
    groups.set(a.project.id, group);
  }
  return [...groups.values()];
}

/**
 * The e-mail of one plan: the alerts grouped by project (name, link `${publicUrl}/projets/<id>`), each with
 * its kind, message and due date (« dépassée » when past).
 */
export function renderDigest(plan: DigestPlan, options: { publicUrl: string; now: Date }): MailMessage {
  const { recipient, alerts } = plan;
  const n = alerts.length;
  const link = (project: DigestAlert["project"]) => `${options.publicUrl}/projets/${project.id}`;
  const due = (a: DigestAlert) =>
    a.dueAt ? `Échéance : ${frenchDueDate(a.dueAt)}${a.dueAt.getTime() < options.now.getTime() ? " (dépassée)" : ""}` : null;
  const intro = `Voici ${n > 1 ? `les ${n} alertes ouvertes` : "l'alerte ouverte"} sur vos projets au ${frenchToday(options.now)} :`;
  const footer = "Cet e-mail est envoyé automatiquement par Maillage, au plus une fois par jour, quand des alertes sont ouvertes sur vos projets.";
  const groups = byProject(alerts);

  const text = [
    `Bonjour ${recipient.displayName},`,
    "",
    intro,
    "",
    ...groups.flatMap((g) => [
      `■ ${g.project.name}`,
      `  ${link(g.project)}`,
      ...g.alerts.flatMap((a) => {
        const d = due(a);
        return [`  • ${a.kindLabel} : ${a.message}`, ...(d ? [`    ${d}`] : [])];
      }),
      "",
    ]),
    "-- ",
    footer,
    "",
  ].join("\n");

  const sections = groups
    .map((g) => {
      const items = g.alerts
        .map((a) => {
          const d = due(a);
          return `<li><strong>${escapeHtml(a.kindLabel)}</strong> : ${escapeHtml(a.message)}${d ? `<br><em>${escapeHtml(d)}</em>` : ""}</li>`;
        })
        .join("\n");
      return `<h3 style="margin-bottom:4px">${escapeHtml(g.project.name)}</h3>
<p style="margin-top:0"><a href="${escapeHtml(link(g.project))}">Ouvrir le projet</a></p>
<ul>
${items}
</ul>`;
    })
    .join("\n");
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(digestSubject(n))}</title></head>
<body style="font-family:sans-serif;line-height:1.4">
<p>Bonjour ${escapeHtml(recipient.displayName)},</p>
<p>${escapeHtml(intro)}</p>
${sections}
<p style="color:#666;font-size:smaller">${escapeHtml(footer)}</p>
</body></html>
`;
  return { to: { name: recipient.displayName, address: recipient.email }, subject: digestSubject(n), text, html };
}
