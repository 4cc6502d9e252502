import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

// A placeholder of the walking skeleton; the page's own issue replaces it.

export function NetworksRoute() {
  return (
    <>
      <PageHeader title="Networks" description="Networks, subnets and ports of the current project." />
      <EmptyState title="Networks will appear here">
        The networks this project can use, with their subnets and the ports attached to them.
      </EmptyState>
    </>
  );
}
