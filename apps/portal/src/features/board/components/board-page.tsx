import { useQuery } from "@apollo/client/react";
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { ProjectStage } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { FieldError } from "../../../shared/components/field-error";
import { LiveStatus } from "../../../shared/components/live-status";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount } from "../../../shared/format";
import type { UnmetRequirement } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";
import { useSession } from "../../auth";
import { StageGateRefusal, useMoveProjectStage } from "../../pipeline";
import { hasActiveFilters, ProjectFilters, toProjectFilter, useProjectListFilters } from "../../projects";
import { BOARD } from "../graphql/board.query";
import { BOARD_CARD_MIME, BoardCard, type BoardCardData, cardLinkId } from "./board-card";

type Move = { card: BoardCardData; from: ProjectStage; to: ProjectStage; via: "keyboard" | "drag" };
type Refusal = { title: string; requirements: UnmetRequirement[]; shouldFocus: boolean };

const stageIndex = (stage: ProjectStage) => PROJECT_STAGES.indexOf(stage);

/**
 * « Tableau »: every project of the filters, one column per stage. A card moves to another column by drag and
 * drop or with its « Déplacer vers… » list; the move shows at once, then the board is fetched again. A refused
 * move lists every unmet requirement and the card goes back to its column.
 */
export function BoardPage() {
  useDocumentTitle("Tableau");
  const user = useSession();
  const isAdmin = user.role === "FEDERATION_ADMIN";
  const { filters, updateFilters, resetFilters } = useProjectListFilters();
  const filter = toProjectFilter(filters);
  const { data, previousData, loading, error, refetch } = useQuery(BOARD, {
    variables: { filter },
    notifyOnNetworkStatusChange: true,
  });
  const columns = (data ?? previousData)?.board;
  const { move } = useMoveProjectStage({ keepBoard: true });

  const [pending, setPending] = useState<Move | null>(null);
  const [backward, setBackward] = useState<Move | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState("");
  const [dragging, setDragging] = useState<{ card: BoardCardData; from: ProjectStage } | null>(null);
  const [dropTarget, setDropTarget] = useState<ProjectStage | null>(null);
  const [focusCardId, setFocusCardId] = useState<string | null>(null);
  const now = new Date();

  // After a keyboard move, the card is drawn in another column: give it the focus back.
  useEffect(() => {
    if (!focusCardId || pending) return;
    document.getElementById(cardLinkId(focusCardId))?.focus();
    setFocusCardId(null);
  }, [focusCardId, pending, columns]);

  const canDropOn = (from: ProjectStage, to: ProjectStage) =>
    from !== to && (isAdmin || stageIndex(to) > stageIndex(from));

  const targetsFor = (from: ProjectStage) => PROJECT_STAGES.filter((to) => canDropOn(from, to));

  function requestMove(requested: Move) {
    if (pending) return;
    setRefusal(null);
    setNotice("");
    if (stageIndex(requested.to) < stageIndex(requested.from)) {
      setBackward(requested);
      return;
    }
    void runMove(requested);
  }

  async function runMove(requested: Move, reason?: string) {
    setBackward(null);
    setPending(requested);
    const outcome = await move({ projectId: requested.card.id, toStage: requested.to, ...(reason ? { reason } : {}) });
    if (outcome.ok) {
      await refetch().catch(() => undefined);
      setPending(null);
      setNotice(`« ${requested.card.name} » est passé à l’étape « ${STAGE_LABELS[outcome.stage]} ».`);
      if (requested.via === "keyboard") setFocusCardId(requested.card.id);
    } else {
      setPending(null);
      setRefusal({
        title: `Impossible de déplacer « ${requested.card.name} » vers « ${STAGE_LABELS[requested.to]} »`,
        requirements:
          outcome.requirements.length > 0 ? outcome.requirements : [{ key: "ERROR", stage: "", message: outcome.message }],
        shouldFocus: true,
      });
    }
  }

  function handleDragOver(event: DragEvent<HTMLElement>, stage: ProjectStage) {
    if (!dragging || !canDropOn(dragging.from, stage) || pending) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (dropTarget !== stage) setDropTarget(stage);
  }

  function handleDrop(event: DragEvent<HTMLElement>, stage: ProjectStage) {
    event.preventDefault();
    setDropTarget(null);
    const source = dragging;
    setDragging(null);
    const draggedId = event.dataTransfer.getData(BOARD_CARD_MIME);
    if (!source || (draggedId && draggedId !== source.card.id) || !canDropOn(source.from, stage)) return;
    requestMove({ card: source.card, from: source.from, to: stage, via: "drag" });
  }

  // The board as drawn: the card being moved already sits in its target column.
  const displayed = columns?.map((column) => {
    let projects = column.projects.map((card) => ({ card, isPending: false }));
    let count = column.count;
    if (pending) {
      // Wherever the last answer put the card (its old column, or already its new one once refetched).
      const kept = projects.filter(({ card }) => card.id !== pending.card.id);
      count -= projects.length - kept.length;
      projects = kept;
      if (column.stage === pending.to) {
        projects = [...projects, { card: pending.card, isPending: true }];
        count += 1;
      }
    }
    return { ...column, projects, count };
  });
  const total = columns?.reduce((sum, column) => sum + column.count, 0) ?? 0;

  return (
    <section aria-labelledby="board-title" className="board-page">
      <div className="page-header">
        <h1 id="board-title">Tableau</h1>
      </div>

      <ProjectFilters
        filters={filters}
        onChange={updateFilters}
        onReset={resetFilters}
        canFilterOwnPortfolio={user.role === "CHARGE_DEVELOPPEMENT"}
      />

      <LiveStatus message={notice} />
      {refusal && (
        <StageGateRefusal
          title={refusal.title}
          requirements={refusal.requirements}
          shouldFocus={refusal.shouldFocus}
          onClose={() => setRefusal(null)}
        />
      )}
      {backward && (
        <BackwardMoveForm
          move={backward}
          onConfirm={(reason) => void runMove(backward, reason)}
          onCancel={() => {
            setBackward(null);
            document.getElementById(cardLinkId(backward.card.id))?.focus();
          }}
        />
      )}

      {error && !columns ? (
        <ErrorState
          title="Impossible de charger le tableau"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !displayed ? (
        <PageLoading label="Chargement du tableau…" />
      ) : (
        <>
          <p className="result-count" role="status">
            {formatCount(total, "projet", "projets")}
          </p>
          {total === 0 && hasActiveFilters(filters) && (
            <div className="state state--empty">
              <p className="state__title">Aucun projet ne correspond à ces filtres</p>
              <button type="button" className="button" onClick={resetFilters}>
                Réinitialiser les filtres
              </button>
            </div>
          )}
          <p className="field__hint board-page__help">
            Faites glisser une carte vers une autre colonne, ou utilisez sa liste « Déplacer vers… » puis le bouton
            « Déplacer ».
          </p>
          <div className="board" role="region" aria-label="Colonnes du tableau, une par étape" tabIndex={0} aria-busy={loading}>
            {displayed.map((column) => {
              const titleId = `board-column-${column.stage}`;
              const isDropTarget = dropTarget === column.stage;
              return (
                <section
                  key={column.stage}
                  className={`board-column${isDropTarget ? " board-column--drop-target" : ""}`}
                  aria-labelledby={titleId}
                  onDragOver={(event) => handleDragOver(event, column.stage)}
                  onDragLeave={(event) => {
                    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
                  }}
                  onDrop={(event) => handleDrop(event, column.stage)}
                >
                  <h2 id={titleId} className="board-column__title">
                    <span>
                      {stageIndex(column.stage) + 1}. {STAGE_LABELS[column.stage]}
                    </span>
                    <span className="board-column__count">
                      {column.count}
                      <span className="visually-hidden"> {column.count > 1 ? "projets" : "projet"}</span>
                    </span>
                  </h2>
                  {column.projects.length === 0 ? (
                    <p className="board-column__empty">Aucun projet</p>
                  ) : (
                    <ul className="board-column__cards">
                      {column.projects.map(({ card, isPending }) => (
                        <BoardCard
                          key={card.id}
                          card={card}
                          stage={column.stage}
                          targets={targetsFor(column.stage)}
                          isMoving={pending !== null}
                          isPending={isPending}
                          now={now}
                          onMove={(to, via) => requestMove({ card, from: column.stage, to, via })}
                          onDragStart={() => setDragging({ card, from: column.stage })}
                          onDragEnd={() => {
                            setDragging(null);
                            setDropTarget(null);
                          }}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

type BackwardMoveFormProps = {
  move: Move;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/** An admin moving a card back says why (kept in the project's history). */
function BackwardMoveForm({ move, onConfirm, onCancel }: BackwardMoveFormProps) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setError("Indiquez le motif du retour à une étape précédente.");
      ref.current?.focus();
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <form className="form card inline-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="gate-refusal__title">
        Ramener « {move.card.name} » à l’étape « {STAGE_LABELS[move.to]} »
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Motif du retour (obligatoire)</label>
        <textarea
          id={`${id}-reason`}
          ref={ref}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-reason-error` : undefined}
        />
        <FieldError id={`${id}-reason-error`} message={error} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Confirmer le retour
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
