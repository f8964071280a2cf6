import "./research.css";

export { ResearchHomePage } from "./components/research-home-page";
export { ResearchSettingsPage } from "./components/research-settings-page";
