import { Button } from '../../../components/ui/button';
import { deferred } from '../../../components/ui/deferred';
import type { ServerSummary } from '../../../domain/api';
import type { ActionId } from '../../../domain/compute';
import { countOf } from '../../../lib/format';
import { BulkMenuLabel } from './menu-faces';

export interface BulkBarProps {
  servers: readonly ServerSummary[];
  onAction: (action: ActionId, returnFocus: HTMLElement | null) => void;
  onClear: () => void;
}

const DeferredBulkMenu = deferred<Omit<BulkBarProps, 'onClear'>>(async () => (await import('./action-menus')).BulkMenu);

/**
 * What to do with the selected rows: a menu of the actions that make sense for several servers at
 * once; the dialog then lists who can and why not.
 */
export function BulkBar({ servers, onAction, onClear }: BulkBarProps) {
  return (
    <div
      role="region"
      aria-label="Selected servers"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-50"
    >
      <p aria-live="polite" className="font-semibold">
        {countOf(servers.length, 'server')} selected
      </p>
      <DeferredBulkMenu
        servers={servers}
        onAction={onAction}
        placeholder={(stand) => (
          <Button size="sm" variant="primary" aria-haspopup="menu" aria-expanded={false} onClick={stand.open} onFocus={stand.preload} onPointerEnter={stand.preload}>
            <BulkMenuLabel />
          </Button>
        )}
      />
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
