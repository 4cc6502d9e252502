import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

// A placeholder of the walking skeleton; the page's own issue replaces it.

export function ServersRoute() {
  return (
    <>
      <PageHeader title="Servers" description="Virtual machines in the current project." />
      <EmptyState title="Servers will appear here">
        Every server of this project with its status, addresses and flavor, and the actions you can
        take on it. Search by name, IP address or ID will find any of them.
      </EmptyState>
    </>
  );
}
