export { EditProjectPage } from "./components/edit-project-page";
export { MyProjectPage } from "./components/my-project-page";
export { NewProjectPage } from "./components/new-project-page";
export { ProjectListPage } from "./components/project-list-page";
export { ProjectPage } from "./components/project-page";
