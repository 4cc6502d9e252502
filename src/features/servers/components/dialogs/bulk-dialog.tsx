import { useQueryClient } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../../../components/form/text-field';
import { Dialog, DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import { GatedButton } from '../../../../components/ui/gated-button';
import type { ServerSummary } from '../../../../domain/api';
import { serverActions } from '../../../../domain/compute';
import { isApiError } from '../../../../lib/errors';
import { messageFor } from '../../../../lib/messages';
import { postServerAction } from '../../../../lib/server-actions';
import { actionLabel, actionState, type ActionRequest } from '../action-kinds';
import type { ActionDialogProps } from './dialog-frame';

/** At most this many action requests in flight at once from a bulk dialog. */
export const bulkConcurrency = 4;

type BulkResult =
  | { state: 'waiting' }
  | { state: 'sending' }
  | { state: 'accepted'; taskId: string }
  | { state: 'refused'; error: unknown };

/** One action on several servers: each its own request and task, at most a few in flight. */
export function BulkDialog({ request, returnFocus, taskHref, onClose }: Omit<ActionDialogProps, 'request'> & { request: Extract<ActionRequest, { kind: 'bulk' }> }) {
  const client = useQueryClient();
  const { action, servers } = request;
  const label = actionLabel(action);
  const allowed = servers.filter((s) => actionState(s, action).enabled);
  const refused = servers.flatMap((s) => {
    const state = actionState(s, action);
    return state.enabled ? [] : [{ server: s, reason: state.reason }];
  });
  const [reason, setReason] = useState('');
  const [results, setResults] = useState<Record<string, BulkResult>>();
  const allowedId = useId();
  const refusedId = useId();
  const sent = results !== undefined;
  const settled = sent ? Object.values(results).filter((r) => r.state === 'accepted' || r.state === 'refused').length : 0;
  const running = sent && settled < allowed.length;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (allowed.length === 0 || sent) return;
    const body = action === 'lock' ? serverActions.lock.input.parse({ reason: reason.trim() || undefined }) : {};
    const set = (id: string, result: BulkResult) => setResults((current) => ({ ...current, [id]: result }));
    setResults(Object.fromEntries(allowed.map((s) => [s.id, { state: 'waiting' } as BulkResult])));
    const limit = pLimit(bulkConcurrency);
    await Promise.all(
      allowed.map((server) =>
        limit(async () => {
          set(server.id, { state: 'sending' });
          try {
            const response = await postServerAction(client, server.id, action, body);
            set(server.id, { state: 'accepted', taskId: response.task.id });
          } catch (error) {
            set(server.id, { state: 'refused', error });
          }
        }),
      ),
    );
  };

  const accepted = sent ? Object.values(results).filter((r) => r.state === 'accepted').length : 0;
  return (
    <Dialog
      open
      onOpenChange={(next) => {
        if (!next) onClose(sent);
      }}
      title={`${label}: ${servers.length} selected server${servers.length === 1 ? '' : 's'}`}
      description={
        allowed.length === servers.length
          ? `All ${servers.length} can take it. Each gets its own request and task.`
          : `${allowed.length} of ${servers.length} can take it; the others are left out. Each gets its own request and task.`
      }
      returnFocusTo={returnFocus}
      dismissible={!running}
      size="lg"
    >
      <form onSubmit={(event) => void send(event)} className="grid gap-5">
        <section aria-labelledby={allowedId}>
          <h3 id={allowedId} className="text-sm font-semibold">
            {sent ? 'Results' : `Will get “${label}”`} ({allowed.length})
          </h3>
          {allowed.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None of the selected servers can take it now.</p>
          ) : (
            <ul className="mt-2 grid gap-1.5">
              {allowed.map((server) => (
                <BulkRow key={server.id} server={server} result={results?.[server.id]} taskHref={taskHref} />
              ))}
            </ul>
          )}
        </section>
        {refused.length > 0 ? (
          <section aria-labelledby={refusedId}>
            <h3 id={refusedId} className="text-sm font-semibold">
              Left out ({refused.length})
            </h3>
            <ul className="mt-2 grid gap-1.5">
              {refused.map(({ server, reason: why }) => (
                <li key={server.id} className="rounded-lg bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
                  <span className="font-medium">{server.name}</span>: <span className="text-slate-700 dark:text-slate-300">{why}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {action === 'lock' && !sent ? (
          <TextField label="Reason" labelSuffix="optional" hint="The same reason goes on every server." maxLength={255} value={reason} onChange={(event) => setReason(event.target.value)} />
        ) : null}
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {sent ? `${settled} of ${allowed.length} answered: ${accepted} accepted, ${settled - accepted} refused.` : ''}
        </p>
        <DialogFooter>
          <DialogClose>{sent ? 'Done' : 'Cancel'}</DialogClose>
          {sent ? null : (
            <GatedButton type="submit" variant={action === 'stop' || action === 'hard-reboot' ? 'danger' : 'primary'} reason={allowed.length === 0 ? 'None of the selected servers can take it now.' : undefined}>
              {label} {allowed.length} server{allowed.length === 1 ? '' : 's'}
            </GatedButton>
          )}
        </DialogFooter>
      </form>
    </Dialog>
  );
}

function BulkRow({ server, result, taskHref }: { server: ServerSummary; result: BulkResult | undefined; taskHref: (id: string) => string }) {
  return (
    <li aria-label={server.name} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
      <span className="font-medium">{server.name}</span>
      {!result ? null : result.state === 'waiting' ? (
        <span className="text-slate-600 dark:text-slate-400">Waiting</span>
      ) : result.state === 'sending' ? (
        <span className="text-slate-600 dark:text-slate-400">Sending…</span>
      ) : result.state === 'accepted' ? (
        <span className="text-emerald-800 dark:text-emerald-200">
          Accepted ·{' '}
          <Link to={taskHref(result.taskId)} className="font-semibold underline underline-offset-4">
            View task
          </Link>
        </span>
      ) : (
        <span className="basis-full text-red-800 dark:text-red-200">
          Refused: {messageFor(result.error)}
          {isApiError(result.error) && result.error.detail ? <span className="block text-xs">Nova: {result.error.detail}</span> : null}
        </span>
      )}
    </li>
  );
}
