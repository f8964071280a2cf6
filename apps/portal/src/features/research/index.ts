import "./research.css";

export { ResearchHomePage } from "./components/research-home-page";
