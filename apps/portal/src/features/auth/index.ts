export { LoginPage } from "./components/login-page";
export { RequireRole } from "./components/require-role";
export { RoleHomeRedirect } from "./components/role-home-redirect";
export { SessionGate } from "./components/session-gate";
export { useLogout } from "./hooks/use-logout";
export { SessionContext, useSession, type SessionUser } from "./hooks/use-session";
export { homePathFor, isStaff, STAFF_ROLES } from "./utils/roles";
