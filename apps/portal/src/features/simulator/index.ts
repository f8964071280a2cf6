export { PepsSimulatorPage } from "./components/peps-simulator-page";
