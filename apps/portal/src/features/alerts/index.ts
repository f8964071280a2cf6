export { AlertCountBadge } from "./components/alert-count-badge";
export { AlertsPage } from "./components/alerts-page";
