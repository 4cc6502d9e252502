import { useSearchParams } from 'react-router';
import { TasksPage } from '../../features/tasks/page';
import { paths } from '../paths';

export function TasksRoute() {
  const [search] = useSearchParams();
  return <TasksPage serverHref={paths.server} highlight={search.get('task') ?? undefined} />;
}
