// The tasks feature's shell part: the header's task center (list, shared event stream, toasts,
// drawer). The page is a second entry (./page), so that the shell's chunk does not carry it.
export { taskKeys, tasksQuery } from './api/task-queries';
export { TaskCenter, type TaskCenterProps } from './components/task-center';
