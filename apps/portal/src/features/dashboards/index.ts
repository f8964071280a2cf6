import "./dashboards.css";

export { ResultsDashboardPage } from "./components/results-dashboard-page";
