import { useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount } from "../../../shared/format";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { useSession } from "../../auth";
import { USERS } from "../graphql/users.query";
import { useUserListFilters } from "../hooks/use-user-list-filters";
import { hasActiveUserFilters, toUsersFilter } from "../utils/user-list-filters";
import { type Notice, NoticeContent } from "./invitation-notice";
import { InviteUserForm } from "./invite-user-form";
import { UserFilters } from "./user-filters";
import { UserTable } from "./user-table";

/**
 * « Utilisateurs » (federation admins): the people of the federation with their role and status, the invitation of
 * a new person, and what can be done with each account (resend or withdraw an invitation, deactivate, reactivate).
 */
export function UsersPage() {
  useDocumentTitle("Utilisateurs");
  const me = useSession();
  const { filters, updateFilters, resetFilters } = useUserListFilters();
  const filter = toUsersFilter(filters);
  const { data, previousData, loading, error, refetch } = useQuery(USERS, { variables: { filter }, notifyOnNetworkStatusChange: true });
  // While a new filter loads, keep showing the previous rows (marked busy).
  const users = (data ?? previousData)?.users;

  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // The button of the action disappears with the old status: move the focus to the result instead.
  useEffect(() => {
    if (focusRequest > 0) noticeRef.current?.focus();
  }, [focusRequest]);
  const handleActionDone = useCallback((next: Notice) => {
    setNotice(next);
    setFocusRequest((n) => n + 1);
  }, []);

  return (
    <section aria-labelledby="users-title" className="users-page">
      <div className="page-header">
        <h1 id="users-title">Utilisateurs</h1>
      </div>
      <p className="page-intro">
        Les personnes de votre fédération et leur rôle. Invitez-en de nouvelles, renvoyez ou retirez une invitation,
        désactivez un compte (ses sessions et ses jetons d'API s'arrêtent aussitôt) ou réactivez-le.
      </p>

      <InviteUserForm />

      <section aria-labelledby="users-list-title" className="users-list">
        <h2 id="users-list-title">Personnes de la fédération</h2>
        <UserFilters filters={filters} onChange={updateFilters} onReset={resetFilters} />

        <div role="status" className="live-status users-list__notice" ref={noticeRef} tabIndex={-1}>
          {notice && <NoticeContent notice={notice} />}
        </div>

        {error ? (
          <ErrorState
            title="Impossible de charger les utilisateurs"
            message="Le serveur n'a pas répondu correctement. Réessayez dans un instant."
            onRetry={() => void refetch().catch(() => undefined)}
          />
        ) : !users ? (
          <PageLoading label="Chargement des utilisateurs…" />
        ) : (
          <>
            <p className="result-count" role="status">
              {formatCount(users.length, "personne", "personnes")}
            </p>
            {users.length === 0 ? (
              <div className="state state--empty">
                <p className="state__title">Aucun utilisateur ne correspond à ces critères.</p>
                {hasActiveUserFilters(filters) && (
                  <button type="button" className="button" onClick={resetFilters}>
                    Réinitialiser les filtres
                  </button>
                )}
              </div>
            ) : (
              <UserTable users={users} currentUserId={me.id} isBusy={loading} onActionDone={handleActionDone} />
            )}
          </>
        )}
      </section>
    </section>
  );
}
