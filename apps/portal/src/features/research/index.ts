export { ResearchHomePage } from "./components/research-home-page";
