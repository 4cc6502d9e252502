// The list page and the data layer. The detail page is a second entry (./detail), so that each
// route's chunk carries only its own page.
export * from './api';
export { NetworksPage, type NetworksPageProps } from './components/networks-page';
