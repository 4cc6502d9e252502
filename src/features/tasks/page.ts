// The tasks page's entry: its route loads it on its own, apart from the shell.
export { TasksPage, type TasksPageProps } from './components/tasks-page';
