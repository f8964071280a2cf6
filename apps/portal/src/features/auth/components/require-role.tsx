import type { ReactNode } from "react";
import type { Role } from "../../../gql/graphql";
import { ForbiddenPage } from "../../../shared/components/forbidden-page";
import { useSession } from "../hooks/use-session";

/** Shows `children` only to the given roles (the API enforces access; this keeps the UI honest). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useSession();
  return roles.includes(user.role) ? children : <ForbiddenPage />;
}
