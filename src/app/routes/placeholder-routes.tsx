import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

// Placeholders of the walking skeleton: each page's own issue replaces its route here.

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
