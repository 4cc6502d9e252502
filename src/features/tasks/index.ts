// The tasks feature's shell part: the header's task center (list, shared event stream, toasts,
// drawer), loaded once the first screen has settled. The page is a second entry (./page), so that
// the shell's chunk does not carry it.
export { TaskCenter } from './components/task-center-loader';
export type { TaskCenterProps } from './components/task-center';
