import { lazy, Suspense, useEffect, useState } from 'react';
import { whenIdle } from '../../../lib/when-idle';
import type { TaskCenterProps } from './task-center';
import { TasksButton } from './tasks-button';

const LoadedTaskCenter = lazy(async () => ({ default: (await import('./task-center')).LoadedTaskCenter }));

/**
 * The header's task center, loaded once the first screen has settled (its list, its event
 * stream and its code are not what a user waits for after signing in). Until then the "Tasks"
 * button is already there; pressing it loads the center at once and opens the drawer.
 */
export function TaskCenter(props: TaskCenterProps) {
  const [load, setLoad] = useState(false);
  const [openAtOnce, setOpenAtOnce] = useState(false);
  useEffect(() => whenIdle(() => setLoad(true)), []);
  const placeholder = (
    <TasksButton
      running={0}
      expanded={false}
      onOpen={() => {
        setOpenAtOnce(true);
        setLoad(true);
      }}
    />
  );
  if (!load) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <LoadedTaskCenter {...props} initiallyOpen={openAtOnce} />
    </Suspense>
  );
}
