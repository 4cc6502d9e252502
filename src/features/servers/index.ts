// The list page and the data layer. The detail page is a second entry (./detail), so that each
// route's chunk carries only its own page.
export * from './api';
export { ServersPage, type ServersPageProps } from './components/servers-page';
