import { useMutation } from "@apollo/client/react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { ManagedUserRowFragment } from "../../../gql/graphql";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { DEACTIVATE_USER } from "../graphql/deactivate-user.mutation";
import { REACTIVATE_USER } from "../graphql/reactivate-user.mutation";
import { RESEND_INVITATION } from "../graphql/resend-invitation.mutation";
import { REVOKE_INVITATION } from "../graphql/revoke-invitation.mutation";
import type { Notice } from "./invitation-notice";

type UserRowActionsProps = {
  user: ManagedUserRowFragment;
  /** The signed-in admin's own row: they cannot deactivate themself. */
  isSelf: boolean;
  onDone: (notice: Notice) => void;
};

/** The API's reason for refusing an action on a person (`extensions.fields[].field` is `userId`), in French. */
function actionErrorMessage(error: unknown): string {
  return getFieldErrors(error)["userId"] ?? describeError(error);
}

/**
 * What can be done with an account, by status: resend or withdraw a pending invitation, deactivate an active account
 * (after a confirmation), reactivate a deactivated one. The API answers with the person, which updates the list.
 */
export function UserRowActions({ user, isSelf, onDone }: UserRowActionsProps) {
  const [resend, resendState] = useMutation(RESEND_INVITATION);
  const [revoke, revokeState] = useMutation(REVOKE_INVITATION);
  const [deactivate, deactivateState] = useMutation(DEACTIVATE_USER);
  const [reactivate, reactivateState] = useMutation(REACTIVATE_USER);
  // The refusal of the last action; `inConfirmation` when it came from a confirmation step (shown inside it).
  const [error, setError] = useState<{ message: string; inConfirmation: boolean } | null>(null);
  const name = user.displayName;

  async function run(action: () => Promise<Notice | null>, inConfirmation = false) {
    setError(null);
    try {
      const notice = await action();
      if (notice) onDone(notice);
    } catch (e) {
      setError({ message: actionErrorMessage(e), inConfirmation });
    }
  }

  const alertOf = (message: string) => (
    <p className="form-error users-actions__error" role="alert">
      {message}
    </p>
  );
  const rowError = error && !error.inConfirmation ? alertOf(error.message) : null;
  const confirmationError = error?.inConfirmation ? alertOf(error.message) : null;

  switch (user.status) {
    case "INVITED":
      return (
        <div className="users-actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`Renvoyer l'invitation à ${name}`}
            disabled={resendState.loading}
            onClick={() =>
              void run(async () => {
                const { data } = await resend({ variables: { userId: user.id } });
                if (!data) return null;
                const { emailSent, invitationLink, user: invited } = data.resendInvitation;
                return emailSent || !invitationLink
                  ? { message: `Nouvelle invitation envoyée à ${invited.displayName} (${invited.email}) : l'ancien lien ne fonctionne plus.`, link: null }
                  : { message: `Nouveau lien d'invitation créé pour ${invited.displayName} : l'ancien lien ne fonctionne plus.`, link: invitationLink };
              })
            }
          >
            {resendState.loading && <Spinner />} Renvoyer l'invitation
          </button>
          <ConfirmedAction
            label="Retirer l'invitation"
            accessibleLabel={`Retirer l'invitation de ${name}`}
            groupLabel={`Confirmer le retrait de l'invitation de ${name}`}
            explanation={`Le lien d'invitation de ${name} cessera aussitôt de fonctionner.`}
            confirmLabel="Confirmer le retrait"
            busy={revokeState.loading}
            onConfirm={() =>
              run(async () => {
                const { data } = await revoke({ variables: { userId: user.id } });
                return data ? { message: `L'invitation de ${name} est retirée : son lien ne fonctionne plus.`, link: null } : null;
              }, true)
            }
            onCancel={() => setError(null)}
            error={confirmationError}
          />
          {rowError}
        </div>
      );
    case "ACTIVE":
      if (isSelf) return <span className="muted">Votre compte</span>;
      return (
        <div className="users-actions">
          <ConfirmedAction
            label="Désactiver"
            accessibleLabel={`Désactiver le compte de ${name}`}
            groupLabel={`Confirmer la désactivation du compte de ${name}`}
            explanation={`${name} ne pourra plus se connecter : ses sessions et ses jetons d'API s'arrêtent aussitôt. Vous pourrez réactiver le compte plus tard.`}
            confirmLabel="Confirmer la désactivation"
            busy={deactivateState.loading}
            onConfirm={() =>
              run(async () => {
                const { data } = await deactivate({ variables: { userId: user.id } });
                return data
                  ? { message: `Le compte de ${name} est désactivé : ses sessions et ses jetons d'API ne fonctionnent plus.`, link: null }
                  : null;
              }, true)
            }
            onCancel={() => setError(null)}
            error={confirmationError}
          />
        </div>
      );
    case "DEACTIVATED":
      return (
        <div className="users-actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`Réactiver le compte de ${name}`}
            disabled={reactivateState.loading}
            onClick={() =>
              void run(async () => {
                const { data } = await reactivate({ variables: { userId: user.id } });
                if (!data) return null;
                const reactivated = data.reactivateUser;
                return {
                  message:
                    reactivated.status === "INVITED"
                      ? `L'invitation de ${name} est rétablie : renvoyez-la pour lui donner un nouveau lien.`
                      : `Le compte de ${name} est réactivé : cette personne peut de nouveau se connecter.`,
                  link: null,
                };
              })
            }
          >
            {reactivateState.loading && <Spinner />} Réactiver
          </button>
          {rowError}
        </div>
      );
  }
}

type ConfirmedActionProps = {
  label: string;
  accessibleLabel: string;
  groupLabel: string;
  explanation: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  /** The API's refusal, shown inside the confirmation. */
  error: ReactNode;
};

/** A button, then an inline confirmation (focus moves to it; « Annuler » brings it back), like revoking an API token. */
function ConfirmedAction({ label, accessibleLabel, groupLabel, explanation, confirmLabel, busy, onConfirm, onCancel, error }: ConfirmedActionProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={openRef} type="button" className="button button--small" onClick={() => setConfirming(true)} aria-label={accessibleLabel}>
        {label}
      </button>
    );
  }
  return (
    <div className="users-confirm" role="group" aria-label={groupLabel} aria-describedby={`${id}-explanation`}>
      <p id={`${id}-explanation`}>{explanation}</p>
      {error}
      <div className="form__actions">
        <button ref={confirmRef} type="button" className="button button--small button--danger" onClick={() => void onConfirm()} disabled={busy}>
          {busy && <Spinner />} {confirmLabel}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setConfirming(false);
            onCancel();
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        >
          Annuler
        </button>
      </div>
    </div>
  );
}
