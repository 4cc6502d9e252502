// The detail page's entry: its route loads it on its own, apart from the list.
export { NetworkDetailPage, type NetworkDetailPageProps } from './components/network-detail-page';
