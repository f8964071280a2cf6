import { Link } from "react-router";
import type { ManagedUserRowFragment } from "../../../gql/graphql";
import { formatDate, formatDateTime } from "../../../shared/format";
import { USER_STATUS_BADGES, USER_STATUS_LABELS } from "../utils/user-status";
import type { Notice } from "./invitation-notice";
import { UserRowActions } from "./user-row-actions";

type UserTableProps = {
  users: readonly ManagedUserRowFragment[];
  /** The signed-in admin (no « Désactiver » on their own row). */
  currentUserId: string;
  isBusy: boolean;
  onActionDone: (notice: Notice) => void;
};

/** The people of the federation; the wrapper scrolls sideways on narrow screens, like the other lists. */
export function UserTable({ users, currentUserId, isBusy, onActionDone }: UserTableProps) {
  return (
    <div className="table-wrapper users-table-wrapper" role="region" aria-label="Liste des utilisateurs" tabIndex={0}>
      <table className="table users-table" aria-busy={isBusy}>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Adresse e-mail</th>
            <th scope="col">Rôle</th>
            <th scope="col">MSP</th>
            <th scope="col">Statut</th>
            <th scope="col">Dernière connexion</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.displayName}</th>
              <td className="users-table__email">{user.email}</td>
              <td>{user.roleLabel}</td>
              <td>
                {user.mspProject ? (
                  <Link to={`/projets/${encodeURIComponent(user.mspProject.id)}`}>{user.mspProject.name}</Link>
                ) : (
                  <>
                    <span aria-hidden="true" className="muted">
                      —
                    </span>
                    <span className="visually-hidden">Aucune</span>
                  </>
                )}
              </td>
              <td>
                <span className={`badge ${USER_STATUS_BADGES[user.status]}`}>{USER_STATUS_LABELS[user.status]}</span>
                {user.status === "DEACTIVATED" && user.disabledAt && (
                  <span className="users-table__since"> depuis le {formatDate(user.disabledAt)}</span>
                )}
              </td>
              <td>
                {user.lastLoginAt ? (
                  <time dateTime={user.lastLoginAt}>{formatDateTime(user.lastLoginAt)}</time>
                ) : (
                  <span className="muted">Jamais</span>
                )}
              </td>
              <td className="users-table__actions">
                <UserRowActions user={user} isSelf={user.id === currentUserId} onDone={onActionDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
