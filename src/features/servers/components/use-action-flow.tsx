import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import type { ServerSummary } from '../../../domain/api';
import type { ActionId } from '../../../domain/compute';
import { isApiError } from '../../../lib/errors';
import { messageFor } from '../../../lib/messages';
import { postServerAction } from '../../../lib/server-actions';
import { showToast } from '../../../lib/toasts';
import { actionLabel, needsDialog, type ActionRequest } from './action-kinds';

// The dialogs are a chunk of their own: the list's first load does not carry them.
const ActionDialog = lazy(async () => ({ default: (await import('./dialogs/action-dialog')).ActionDialog }));

export interface ActionFlowOptions {
  /** The tasks page, pointing at one task (for the links in results). */
  taskHref: (id: string) => string;
  /** A bulk dialog that sent its requests was closed. */
  onBulkDone?: () => void;
}

export interface ActionFlow {
  /** An action on one server: sent at once, or after its dialog. */
  start: (action: ActionId, server: ServerSummary, returnFocus: HTMLElement | null) => void;
  /** An action on several servers: always through the bulk dialog. */
  startBulk: (action: ActionId, servers: ServerSummary[], returnFocus: HTMLElement | null) => void;
  /** The open dialog and the announcements; render it once. */
  element: ReactNode;
}

/**
 * How an action asked for by a button or a menu item goes on: a safe one without input (reboot,
 * start, unlock…) is posted at once and announced; a disruptive one or one that takes input opens
 * its dialog. A refusal is shown in a toast with Nova's own words, and the row is read again.
 */
export function useActionFlow({ taskHref, onBulkDone }: ActionFlowOptions): ActionFlow {
  const client = useQueryClient();
  const [open, setOpen] = useState<(ActionRequest & { id: number; returnFocus: HTMLElement | null }) | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const sending = useRef(new Set<string>());
  const sequence = useRef(0);

  const post = useCallback(
    async (action: ActionId, server: ServerSummary) => {
      const key = `${server.id}/${action}`;
      // A double click sends one request.
      if (sending.current.has(key)) return;
      sending.current.add(key);
      const what = `${actionLabel(action)} of ${server.name}`;
      try {
        await postServerAction(client, server.id, action);
        setAnnouncement(`${what} started.`);
      } catch (error) {
        setAnnouncement('');
        showToast({
          tone: 'danger',
          title: `${what} was not started`,
          description: messageFor(error),
          detail: isApiError(error) ? error.detail : undefined,
        });
      } finally {
        sending.current.delete(key);
      }
    },
    [client],
  );

  const start = useCallback<ActionFlow['start']>(
    (action, server, returnFocus) => {
      if (needsDialog(action)) setOpen({ kind: 'single', action, server, returnFocus, id: ++sequence.current });
      else void post(action, server);
    },
    [post],
  );

  const startBulk = useCallback<ActionFlow['startBulk']>((action, servers, returnFocus) => {
    setOpen({ kind: 'bulk', action, servers, returnFocus, id: ++sequence.current });
  }, []);

  const element = (
    <>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {open ? (
        <Suspense fallback={null}>
          <ActionDialog
            key={open.id}
            request={open}
            returnFocus={open.returnFocus}
            taskHref={taskHref}
            onStarted={(message) => setAnnouncement(message)}
            onClose={(sent) => {
              setOpen(null);
              if (sent && open.kind === 'bulk') onBulkDone?.();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );

  return { start, startBulk, element };
}
