import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

// A placeholder of the walking skeleton; the page's own issue replaces it.

export function TasksRoute() {
  return (
    <>
      <PageHeader title="Tasks" description="Actions you started in this session." />
      <EmptyState title="Tasks will appear here">
        Reboots, resizes, snapshots and other actions you start show up here with their progress,
        and stay listed with their result once they finish.
      </EmptyState>
    </>
  );
}
