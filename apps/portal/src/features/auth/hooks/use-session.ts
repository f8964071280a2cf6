import { createContext, useContext } from "react";
import type { SessionUserFragment } from "../../../gql/graphql";

export type SessionUser = SessionUserFragment;

/** The signed-in user; provided by the session gate once `me` has answered. */
export const SessionContext = createContext<SessionUser | null>(null);

export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSession must be used below the session gate");
  return user;
}
