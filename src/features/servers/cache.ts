// The servers' caches kept current from the app's event bus (task events, stale rows): an entry of
// its own, for the shell, so that the main chunk (the login page's) does not carry it.
export { applyServerRow, connectServerEvents, refreshServer } from './api/server-cache';
