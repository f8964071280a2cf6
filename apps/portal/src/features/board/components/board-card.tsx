import { type DragEvent, type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import type { BoardQuery, ProjectStage } from "../../../gql/graphql";
import { daysSince, formatDaysAgo } from "../../../shared/format";
import { isProjectStage, PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";
import { StatusBadge } from "../../projects";

export type BoardCardData = BoardQuery["board"][number]["projects"][number];

/** The MIME type of a dragged card (its project id). */
export const BOARD_CARD_MIME = "application/x-maillage-project";

type BoardCardProps = {
  card: BoardCardData;
  stage: ProjectStage;
  /** The stages the card may be moved to. */
  targets: readonly ProjectStage[];
  /** Moving (this card, or another one: one move at a time). */
  isMoving: boolean;
  isPending: boolean;
  now: Date;
  onMove: (toStage: ProjectStage, via: "keyboard" | "drag") => void;
  onDragStart: () => void;
  onDragEnd: () => void;
};

export const cardLinkId = (projectId: string) => `board-card-link-${projectId}`;

/** A project on the board: where it is, who follows it, its milestones; drag it or use « Déplacer vers… ». */
export function BoardCard({ card, stage, targets, isMoving, isPending, now, onMove, onDragStart, onDragEnd }: BoardCardProps) {
  const id = useId();
  const [target, setTarget] = useState<ProjectStage | "">("");
  const days = daysSince(card.lastActivityAt, now);
  const { approved, required } = card.milestoneProgress;

  function handleDragStart(event: DragEvent<HTMLLIElement>) {
    event.dataTransfer.setData(BOARD_CARD_MIME, card.id);
    event.dataTransfer.setData("text/plain", card.name);
    event.dataTransfer.effectAllowed = "move";
    onDragStart();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target || isMoving) return;
    onMove(target, "keyboard");
    setTarget("");
  }

  return (
    <li
      className={`board-card${isPending ? " board-card--pending" : ""}`}
      draggable={!isMoving}
      onDragStart={handleDragStart}
      onDragEnd={onDragEnd}
      aria-busy={isPending || undefined}
      aria-labelledby={cardLinkId(card.id)}
      data-project-id={card.id}
    >
      <h3 className="board-card__title">
        <Link id={cardLinkId(card.id)} to={`/projets/${encodeURIComponent(card.id)}`}>
          {card.name}
        </Link>
      </h3>
      <p className="board-card__place">
        {card.communeName} ({card.departementCode})
      </p>
      <p className="board-card__charge">{card.chargeName ?? <span className="muted">Chargé·e non attribué·e</span>}</p>
      <p className="board-card__facts">
        <span className="board-card__progress" title={`${approved} jalon(s) obligatoire(s) validé(s) sur ${required}`}>
          <span aria-hidden="true">
            {approved}/{required} jalons
          </span>
          <span className="visually-hidden">
            {approved} jalon{approved > 1 ? "s" : ""} obligatoire{approved > 1 ? "s" : ""} validé{approved > 1 ? "s" : ""} sur {required}
          </span>
        </span>
        <span className="board-card__activity">Dernière activité {formatDaysAgo(days)}</span>
      </p>
      {card.status !== "ACTIVE" && <StatusBadge status={card.status} />}
      {isPending && <p className="board-card__moving">Déplacement en cours…</p>}
      {targets.length > 0 && (
        <form className="board-card__move" onSubmit={handleSubmit}>
          <label htmlFor={`${id}-target`}>
            Déplacer<span className="visually-hidden"> « {card.name} »</span> vers…
          </label>
          <div className="board-card__move-row">
            <select
              id={`${id}-target`}
              value={target}
              onChange={(e) => setTarget(isProjectStage(e.target.value) ? e.target.value : "")}
              disabled={isMoving}
            >
              <option value="">Choisir…</option>
              {targets.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {PROJECT_STAGES.indexOf(candidate) + 1}. {STAGE_LABELS[candidate]}
                  {PROJECT_STAGES.indexOf(candidate) < PROJECT_STAGES.indexOf(stage) ? " (retour)" : ""}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button button--small"
              disabled={!target || isMoving}
              aria-label={`Déplacer « ${card.name} »`}
            >
              Déplacer
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
