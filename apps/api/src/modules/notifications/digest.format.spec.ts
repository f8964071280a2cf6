import { describe, expect, it } from "vitest";

import { digestSubject, frenchDueDate, planDigests, renderDigest, type DigestAlert, type DigestStaff } from "./digest.format.js";

const staff: DigestStaff[] = [
  { id: "u-admin", email: "admin@a.fr", displayName: "Claire Admin", role: "FEDERATION_ADMIN", federationId: "A" },
  { id: "u-charge", email: "charge@a.fr", displayName: "Julien Chargé", role: "CHARGE_DEVELOPPEMENT", federationId: "A" },
  { id: "u-admin-b", email: "admin@b.fr", displayName: "Admin B", role: "FEDERATION_ADMIN", federationId: "B" },
];
const alert = (id: string, projectName: string, chargeId: string | null, federationId = "A", dueAt: Date | null = null): DigestAlert => ({
  id,
  kindLabel: "Projet sans activité",
  dueAt,
  message: `Message ${id}`,
  project: { id: `p-${projectName}`, name: projectName, federationId, chargeId },
});

describe("planDigests", () => {
  it("gives the chargé their projects, and the federation's admins the unassigned ones", () => {
    const plans = planDigests(staff, [
      alert("1", "Zèbre", "u-charge"),
      alert("2", "Abeille", "u-charge"),
      alert("3", "Sans chargé", null),
      alert("4", "Chargé parti", "u-disabled"),
      alert("5", "Bretagne", null, "B"),
    ]);
    const byUser = Object.fromEntries(plans.map((p) => [p.recipient.id, p.alerts.map((a) => a.id)]));
    expect(byUser).toEqual({ "u-charge": ["2", "1"], "u-admin": ["4", "3"], "u-admin-b": ["5"] });
  });

  it("never routes an alert to staff of another federation", () => {
    const plans = planDigests(staff, [alert("1", "Ailleurs", "u-charge", "B")]);
    expect(plans.map((p) => p.recipient.id)).toEqual(["u-admin-b"]);
  });

  it("orders a person's alerts by project, then due date with undated last", () => {
    const [plan] = planDigests(staff, [
      alert("late", "Projet", "u-charge", "A", null),
      alert("b", "Projet", "u-charge", "A", new Date("2026-05-01T00:00:00Z")),
      alert("a", "Projet", "u-charge", "A", new Date("2026-04-30T23:59:59.999Z")),
    ]);
    expect(plan?.alerts.map((a) => a.id)).toEqual(["a", "b", "late"]);
  });
});

describe("renderDigest", () => {
  const due = new Date("2027-04-30T23:59:59.999Z");
  const past = new Date("2026-11-20T23:59:59.999Z");
  const message = renderDigest(
    {
      recipient: staff[1]!,
      alerts: [alert("3", "MSP <des> Landes & co", "u-charge", "A", past), alert("1", "MSP <des> Landes & co", "u-charge", "A", due), alert("2", "MSP du Val", "u-charge")],
    },
    { publicUrl: "https://maillage.example", now: new Date("2026-11-23T08:00:00Z") },
  );

  it("writes a French subject with the number of alerts", () => {
    expect(message.subject).toBe("Maillage — 3 alertes sur vos projets");
    expect(digestSubject(1)).toBe("Maillage — 1 alerte sur vos projets");
    expect(message.to).toEqual({ name: "Julien Chargé", address: "charge@a.fr" });
  });

  it("lists the alerts by project, with the link, kind, message and due date (the UTC calendar day)", () => {
    expect(frenchDueDate(due)).toBe("30 avril 2027");
    expect(message.text).toContain("Bonjour Julien Chargé,");
    expect(message.text).toContain("Voici les 3 alertes ouvertes sur vos projets au 23 novembre 2026 :");
    expect(message.text).toContain(
      [
        "■ MSP <des> Landes & co",
        "  https://maillage.example/projets/p-MSP <des> Landes & co",
        "  • Projet sans activité : Message 3",
        "    Échéance : 20 novembre 2026 (dépassée)",
        "  • Projet sans activité : Message 1",
        "    Échéance : 30 avril 2027",
        "",
        "■ MSP du Val",
        "  https://maillage.example/projets/p-MSP du Val",
        "  • Projet sans activité : Message 2",
        "",
      ].join("\n"),
    );
  });

  it("escapes names and messages in the HTML body", () => {
    expect(message.html).toContain("<h3 style=\"margin-bottom:4px\">MSP &lt;des&gt; Landes &amp; co</h3>");
    expect(message.html).not.toContain("<des>");
    expect(message.html).toContain("Échéance : 30 avril 2027");
    expect(message.html).toContain('<a href="https://maillage.example/projets/p-MSP du Val">');
  });
});
