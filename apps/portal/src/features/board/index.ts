export { BoardPage } from "./components/board-page";
