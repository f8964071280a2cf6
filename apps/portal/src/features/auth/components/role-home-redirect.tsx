import { Navigate } from "react-router";
import { useSession } from "../hooks/use-session";
import { homePathFor } from "../utils/roles";

export function RoleHomeRedirect() {
  const user = useSession();
  return <Navigate to={homePathFor(user)} replace />;
}
