// The detail page's entry: its route loads it on its own, apart from the list.
export { ServerDetailPage, type ServerDetailPageProps } from './components/server-detail-page';
export { NetworkHrefContext } from './components/network-name';
