import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProjectTimelineQuery } from "../../../gql/graphql";
import { buildUser } from "../../../test/fixtures";
import type { Mock, Mocks } from "../../../test/mocks";
import { buildTimelineEvent, JULIEN } from "../../../test/pipeline-fixtures";
import { renderRoutes } from "../../../test/render";
import { PROJECT_TIMELINE } from "../graphql/project-timeline.query";
import { TIMELINE_PAGE_SIZE, TimelineSection } from "./timeline-section";

type TimelineEvent = ProjectTimelineQuery["project"]["timeline"][number];

function timelineMock(first: number, timeline: TimelineEvent[]): Mock {
  return {
    request: { query: PROJECT_TIMELINE, variables: { id: "project-1", first } },
    result: { data: { __typename: "Query", project: { __typename: "Project", id: "project-1", timeline } } },
  };
}

/** `count` events, newest first, one hour apart. */
function events(count: number): TimelineEvent[] {
  return Array.from({ length: count }, (_, index) =>
    buildTimelineEvent({
      id: `event-${index}`,
      label: `Événement ${index + 1}`,
      detail: null,
      createdAt: new Date(Date.UTC(2026, 10, 2, 20 - index)).toISOString(),
    }),
  );
}

function renderTimeline(mocks: Mocks) {
  return renderRoutes({
    routes: [{ path: "/projets/:projectId", element: <TimelineSection projectId="project-1" /> }],
    initialEntry: "/projets/project-1",
    mocks,
    user: buildUser(),
  });
}

describe(TimelineSection.name, () => {
  it("lists events newest first, with their French label, detail, author and date-time", async () => {
    renderTimeline([
      timelineMock(TIMELINE_PAGE_SIZE, [
        buildTimelineEvent({
          id: "event-3",
          action: "project.stage",
          label: "Changement d'étape",
          detail: "Projet de santé → Validation ARS",
          createdAt: "2026-11-05T16:10:00.000Z",
          actor: JULIEN,
        }),
        buildTimelineEvent({
          id: "event-2",
          action: "milestone.review",
          label: "Jalon validé",
          detail: "Projet de santé",
          createdAt: "2026-11-05T16:05:00.000Z",
          actor: JULIEN,
        }),
        buildTimelineEvent({ id: "event-1", createdAt: "2026-11-02T08:30:00.000Z" }),
        buildTimelineEvent({ id: "event-0", action: "project.create", label: "Projet créé", detail: null, actor: null, createdAt: "2025-02-14T09:30:00.000Z" }),
      ]),
    ]);
    const list = await screen.findByRole("list", { name: "Événements du projet, du plus récent au plus ancien" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Changement d'étapeProjet de santé → Validation ARS5 novembre 2026 à 17:10 · Julien Laborde",
      "Jalon validéProjet de santé5 novembre 2026 à 17:05 · Julien Laborde",
      "Jalon déposéProjet de santé (1 document)2 novembre 2026 à 09:30 · Marion Lacoste",
      "Projet créé14 février 2025 à 10:30",
    ]);
    expect(within(items[0]!).getByText("5 novembre 2026 à 17:10")).toHaveAttribute("datetime", "2026-11-05T16:10:00.000Z");
    // Fewer events than asked: there is nothing more to show.
    expect(screen.queryByRole("button", { name: "Voir plus" })).not.toBeInTheDocument();
  });

  it("loads more events with « Voir plus » (a larger `first`)", async () => {
    const { user } = renderTimeline([
      timelineMock(TIMELINE_PAGE_SIZE, events(TIMELINE_PAGE_SIZE)),
      timelineMock(TIMELINE_PAGE_SIZE * 2, events(TIMELINE_PAGE_SIZE + 5)),
    ]);
    const list = await screen.findByRole("list", { name: /Événements du projet/ });
    expect(within(list).getAllByRole("listitem")).toHaveLength(TIMELINE_PAGE_SIZE);

    await user.click(screen.getByRole("button", { name: "Voir plus" }));
    await screen.findByText("Événement 25");
    expect(within(screen.getByRole("list", { name: /Événements du projet/ })).getAllByRole("listitem")).toHaveLength(25);
    expect(screen.queryByRole("button", { name: "Voir plus" })).not.toBeInTheDocument();
  });

  it("says when nothing happened yet", async () => {
    renderTimeline([timelineMock(TIMELINE_PAGE_SIZE, [])]);
    expect(await screen.findByText("Aucun événement pour le moment.")).toBeInTheDocument();
  });
});
