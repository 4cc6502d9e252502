import { useQuery, useQueryClient } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../../components/form/text-field';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogClose, DialogFooter } from '../../../components/ui/dialog';
import { GatedButton } from '../../../components/ui/gated-button';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';
import type { ActionResponse, Limits, ServerSummary } from '../../../domain/api';
import { serverActions, type ActionId } from '../../../domain/compute';
import { cx } from '../../../lib/cx';
import { isApiError } from '../../../lib/errors';
import { formatMemory } from '../../../lib/format';
import { messageFor } from '../../../lib/messages';
import { defaultSnapshotName, postServerAction, type ActionRequestBody } from '../../../lib/server-actions';
import { flavorsQuery, imagesQuery, limitsQuery } from '../api/compute-options';
import { actionLabel, actionState, type ActionRequest } from './action-kinds';

/** At most this many action requests in flight at once from a bulk dialog. */
export const bulkConcurrency = 4;

export interface ActionDialogProps {
  request: ActionRequest;
  returnFocus: HTMLElement | null;
  taskHref: (id: string) => string;
  /** Said to assistive technology once a dialog has closed on success. */
  onStarted: (message: string) => void;
  /** `sent`: requests went out (a bulk dialog clears the selection then). */
  onClose: (sent: boolean) => void;
}

/** The dialog an action asks with: its confirmation, its form, or the bulk list. */
export function ActionDialog(props: ActionDialogProps) {
  const { request } = props;
  if (request.kind === 'bulk') return <BulkDialog {...props} request={request} />;
  const single = { ...props, server: request.server };
  switch (request.action) {
    case 'resize':
      return <ResizeDialog {...single} />;
    case 'rescue':
      return <RescueDialog {...single} />;
    case 'rebuild':
      return <RebuildDialog {...single} />;
    case 'lock':
      return <LockDialog {...single} />;
    case 'snapshot':
      return <SnapshotDialog {...single} />;
    default:
      return <ConfirmDialog {...single} action={request.action} />;
  }
}

type SingleProps = Omit<ActionDialogProps, 'request'> & { server: ServerSummary };

/** Posts one action from a dialog; the result (and any password) stays in this component's state only. */
function useSubmit(server: ServerSummary, action: ActionId) {
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (body: ActionRequestBody = {}): Promise<ActionResponse | undefined> => {
    setPending(true);
    setError(undefined);
    try {
      return await postServerAction(client, server.id, action, body);
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { submit, pending, error };
}

function ActionError({ error, what }: { error: unknown; what: string }) {
  if (!error) return null;
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100">
      <p className="font-semibold">{what} was not started</p>
      <p className="mt-1">{messageFor(error)}</p>
      {isApiError(error) && error.detail ? <p className="mt-1">Nova: {error.detail}</p> : null}
      {requestId ? (
        <p className="mt-1 text-xs opacity-80">
          Request ID <code className="font-mono select-all">{requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

/** The dialog shell every single-server action shares. */
function ActionFrame({
  server,
  action,
  title,
  description,
  returnFocus,
  onClose,
  pending,
  children,
  size,
}: {
  server: ServerSummary;
  action: ActionId;
  title?: string;
  description: ReactNode;
  returnFocus: HTMLElement | null;
  onClose: (sent: boolean) => void;
  pending: boolean;
  children: ReactNode;
  size?: 'md' | 'lg';
}) {
  return (
    <Dialog
      open
      onOpenChange={(next) => {
        if (!next) onClose(false);
      }}
      title={title ?? `${actionLabel(action)} ${server.name}?`}
      description={description}
      returnFocusTo={returnFocus}
      dismissible={!pending}
      size={size}
    >
      {children}
    </Dialog>
  );
}

const consequences: Partial<Record<ActionId, (name: string) => string>> = {
  'hard-reboot': (name) => `${name} is powered off and on at once, like pulling the plug: whatever its guest has not written to disk is lost.`,
  stop: (name) => `${name} is asked to shut down, then powered off. It keeps its disk and addresses, and stays off until you start it.`,
  'revert-resize': (name) => `${name} goes back to its previous flavor and restarts on it; the resized copy is thrown away.`,
  reboot: (name) => `${name}'s guest is asked to restart.`,
};

function ConfirmDialog({ server, action, returnFocus, onClose, onStarted }: SingleProps & { action: ActionId }) {
  const { submit, pending, error } = useSubmit(server, action);
  const what = `${actionLabel(action)} of ${server.name}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit()) {
      onStarted(`${what} started.`);
      onClose(true);
    }
  };
  return (
    <ActionFrame server={server} action={action} returnFocus={returnFocus} onClose={onClose} pending={pending} description={consequences[action]?.(server.name) ?? `${what}.`}>
      <form onSubmit={(event) => void onSubmit(event)}>
        <ActionError error={error} what={what} />
        <DialogFooter>
          <DialogClose>Cancel</DialogClose>
          <Button type="submit" variant={action === 'hard-reboot' || action === 'stop' ? 'danger' : 'primary'} pending={pending}>
            {actionLabel(action)}
          </Button>
        </DialogFooter>
      </form>
    </ActionFrame>
  );
}

function LockDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
  const { submit, pending, error } = useSubmit(server, 'lock');
  const [reason, setReason] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = serverActions.lock.input.parse({ reason: reason.trim() || undefined });
    if (await submit(body)) {
      onStarted(`Lock of ${server.name} started.`);
      onClose(true);
    }
  };
  return (
    <ActionFrame
      server={server}
      action="lock"
      returnFocus={returnFocus}
      onClose={onClose}
      pending={pending}
      description={`While ${server.name} is locked, nobody but an administrator can stop, reboot, resize, rebuild or delete it until it is unlocked.`}
    >
      <form onSubmit={(event) => void onSubmit(event)}>
        <TextField label="Reason" labelSuffix="optional" hint="Shown to everyone who sees the server." maxLength={255} value={reason} onChange={(event) => setReason(event.target.value)} />
        <ActionError error={error} what={`Lock of ${server.name}`} />
        <DialogFooter>
          <DialogClose>Cancel</DialogClose>
          <Button type="submit" variant="primary" pending={pending}>
            Lock
          </Button>
        </DialogFooter>
      </form>
    </ActionFrame>
  );
}

function SnapshotDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
  const { submit, pending, error } = useSubmit(server, 'snapshot');
  const [name, setName] = useState(() => defaultSnapshotName(server.name));
  const [invalid, setInvalid] = useState<string>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = serverActions.snapshot.input.safeParse({ name });
    if (!body.success) {
      setInvalid('Give the snapshot a name (at most 255 characters).');
      return;
    }
    setInvalid(undefined);
    if (await submit(body.data)) {
      onStarted(`Snapshot of ${server.name} started.`);
      onClose(true);
    }
  };
  return (
    <ActionFrame
      server={server}
      action="snapshot"
      title={`Create a snapshot of ${server.name}`}
      returnFocus={returnFocus}
      onClose={onClose}
      pending={pending}
      description="The snapshot is saved as an image in Glance; new servers can boot from it. The server keeps running."
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField label="Snapshot name" value={name} maxLength={255} required error={invalid} onChange={(event) => setName(event.target.value)} />
        <ActionError error={error} what={`Snapshot of ${server.name}`} />
        <DialogFooter>
          <DialogClose>Cancel</DialogClose>
          <Button type="submit" variant="primary" pending={pending}>
            Create snapshot
          </Button>
        </DialogFooter>
      </form>
    </ActionFrame>
  );
}

/** What the quota leaves for growing by `delta`: "uses 4 more vCPUs — 12 of 20 left". */
function headroom(delta: number, quota: Limits['cores'], amount: (n: number) => string, what: string): { text: string; over: boolean } {
  if (delta <= 0) return { text: delta === 0 ? 'no change' : `frees ${amount(-delta)} ${what}`, over: false };
  if (quota.max < 0) return { text: `uses ${amount(delta)} more ${what} — no quota limit`, over: false };
  const left = Math.max(0, quota.max - quota.used);
  return { text: `uses ${amount(delta)} more ${what} — ${amount(left)} of ${amount(quota.max)} left`, over: delta > left };
}

const vcpus = (n: number) => `${n} vCPU${n === 1 ? '' : 's'}`;
const signed = (n: number, unit: (n: number) => string) => `${n > 0 ? '+' : '−'}${unit(Math.abs(n))}`;

/** What moving from the current flavor changes: "+2 vCPUs, +4 GB RAM, +40 GB disk". */
function flavorChanges(current: NonNullable<ServerSummary['flavor']>, next: { vcpus: number; ramMb: number; diskGb: number }): string {
  const parts = [
    current.vcpus !== undefined && next.vcpus !== current.vcpus ? signed(next.vcpus - current.vcpus, vcpus) : undefined,
    current.ramMb !== undefined && next.ramMb !== current.ramMb ? `${signed(next.ramMb - current.ramMb, formatMemory)} RAM` : undefined,
    current.diskGb !== undefined && next.diskGb !== current.diskGb ? `${signed(next.diskGb - current.diskGb, (n) => `${n} GB`)} disk` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'the same sizes';
}

function ResizeDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
  const flavors = useQuery(flavorsQuery());
  const limits = useQuery(limitsQuery());
  const { submit, pending, error } = useSubmit(server, 'resize');
  const [chosen, setChosen] = useState<string>();
  const groupId = useId();
  const current = server.flavor;
  const isCurrent = (f: { id: string; name: string }) => (current?.id ? f.id === current.id : f.name === current?.name);
  const smaller = (diskGb: number) => current?.diskGb !== undefined && diskGb < current.diskGb;
  // The ones that can be picked first, each group in the BFF's order (smallest first).
  const options = (flavors.data ?? []).filter((f) => !isCurrent(f)).sort((a, b) => Number(smaller(a.diskGb)) - Number(smaller(b.diskGb)));
  const selected = options.find((f) => f.id === chosen);

  const delta = selected && current ? { cores: selected.vcpus - (current.vcpus ?? 0), ram: selected.ramMb - (current.ramMb ?? 0) } : undefined;
  const cores = delta && limits.data ? headroom(delta.cores, limits.data.cores, String, delta.cores === 1 ? 'vCPU' : 'vCPUs') : undefined;
  const ram = delta && limits.data ? headroom(delta.ram, limits.data.ramMb, formatMemory, 'RAM') : undefined;
  const overQuota = Boolean(cores?.over || ram?.over);
  const blocked = !selected ? 'Pick a new flavor first.' : overQuota ? 'The project’s quota has no room for this flavor.' : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected || blocked) return;
    if (await submit(serverActions.resize.input.parse({ flavorId: selected.id }))) {
      onStarted(`Resize of ${server.name} to ${selected.name} started.`);
      onClose(true);
    }
  };

  return (
    <ActionFrame
      server={server}
      action="resize"
      title={`Resize ${server.name}`}
      size="lg"
      returnFocus={returnFocus}
      onClose={onClose}
      pending={pending}
      description={
        <>
          Now {current ? <FlavorFacts flavor={current} /> : 'on an unknown flavor'}. The server restarts on the new flavor; then you confirm the resize,
          or revert to the current one.
        </>
      }
    >
      <form onSubmit={(event) => void onSubmit(event)}>
        {flavors.isPending ? (
          <p role="status" className="text-sm">
            Loading the flavors…
          </p>
        ) : flavors.isError ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-200">
            The flavors could not be loaded: {messageFor(flavors.error)}
          </p>
        ) : (
          <fieldset aria-describedby={groupId}>
            <legend className="text-sm font-semibold">New flavor</legend>
            <p id={groupId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              The current flavor is not listed. Nova cannot shrink a disk, so flavors with a smaller disk cannot be picked.
            </p>
            <div className="mt-3 grid max-h-80 gap-2 overflow-y-auto pr-1">
              {options.map((flavor) => (
                <FlavorOption
                  key={flavor.id}
                  flavor={flavor}
                  current={current}
                  checked={chosen === flavor.id}
                  disabledReason={
                    smaller(flavor.diskGb)
                      ? `Its ${flavor.diskGb} GB disk is smaller than the current ${current?.diskGb} GB: Nova cannot shrink a disk.`
                      : undefined
                  }
                  onChoose={() => setChosen(flavor.id)}
                />
              ))}
            </div>
          </fieldset>
        )}
        {selected && current ? (
          <section aria-label="What changes" className="mt-4 rounded-lg bg-slate-50 p-4 text-sm dark:bg-slate-800/60">
            <h3 className="font-semibold">What changes</h3>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt>vCPUs</dt>
              <dd>
                {current.vcpus ?? '?'} → {selected.vcpus}
                {cores ? <span className={cx('ml-2', cores.over ? 'font-semibold text-red-800 dark:text-red-200' : 'text-slate-600 dark:text-slate-400')}>({cores.text})</span> : null}
              </dd>
              <dt>RAM</dt>
              <dd>
                {current.ramMb !== undefined ? formatMemory(current.ramMb) : '?'} → {formatMemory(selected.ramMb)}
                {ram ? <span className={cx('ml-2', ram.over ? 'font-semibold text-red-800 dark:text-red-200' : 'text-slate-600 dark:text-slate-400')}>({ram.text})</span> : null}
              </dd>
              <dt>Disk</dt>
              <dd>
                {current.diskGb ?? '?'} GB → {selected.diskGb} GB
              </dd>
            </dl>
            {limits.isError ? <p className="mt-2 text-xs">The quota could not be read; Nova checks it when you resize.</p> : null}
            {overQuota ? (
              <p role="alert" className="mt-2 font-semibold text-red-800 dark:text-red-200">
                The project’s quota has no room for this flavor. Pick a smaller one, or ask for more quota.
              </p>
            ) : null}
          </section>
        ) : null}
        <ActionError error={error} what={`Resize of ${server.name}`} />
        <DialogFooter>
          <DialogClose>Cancel</DialogClose>
          <GatedButton type="submit" variant="primary" pending={pending} reason={blocked}>
            Resize
          </GatedButton>
        </DialogFooter>
      </form>
    </ActionFrame>
  );
}

function FlavorFacts({ flavor }: { flavor: NonNullable<ServerSummary['flavor']> }) {
  const parts = [
    flavor.vcpus !== undefined ? vcpus(flavor.vcpus) : undefined,
    flavor.ramMb !== undefined ? `${formatMemory(flavor.ramMb)} RAM` : undefined,
    flavor.diskGb !== undefined ? `${flavor.diskGb} GB disk` : undefined,
  ].filter(Boolean);
  return (
    <>
      {flavor.name}
      {parts.length > 0 ? ` (${parts.join(', ')})` : ''}
    </>
  );
}

function FlavorOption({
  flavor,
  current,
  checked,
  disabledReason,
  onChoose,
}: {
  flavor: { id: string; name: string; vcpus: number; ramMb: number; diskGb: number };
  current: ServerSummary['flavor'];
  checked: boolean;
  disabledReason: string | undefined;
  onChoose: () => void;
}) {
  const id = useId();
  const changes = current ? flavorChanges(current, flavor) : '';
  return (
    <label
      className={cx(
        'flex items-start gap-3 rounded-lg border px-3 py-2 text-sm',
        disabledReason ? 'cursor-not-allowed border-slate-200 opacity-60 dark:border-slate-700' : 'cursor-pointer border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800',
        checked && 'border-indigo-600 ring-1 ring-indigo-600 dark:border-indigo-400',
      )}
    >
      <input type="radio" name="flavor" className="mt-1 accent-indigo-600" checked={checked} disabled={Boolean(disabledReason)} aria-describedby={id} onChange={onChoose} />
      <span className="grid gap-0.5">
        <span className="font-medium">{flavor.name}</span>
        <span id={id} className="text-xs text-slate-600 dark:text-slate-400">
          {vcpus(flavor.vcpus)}, {formatMemory(flavor.ramMb)} RAM, {flavor.diskGb} GB disk{changes ? ` (${changes})` : ''}
          {disabledReason ? <span className="block font-medium text-red-800 dark:text-red-200">{disabledReason}</span> : null}
        </span>
      </span>
    </label>
  );
}

function ImageSelect({ label, hint, value, onChange, optional, minDiskFor, required }: { label: string; hint?: string; value: string; onChange: (id: string) => void; optional?: string; minDiskFor?: number | undefined; required?: boolean }) {
  const images = useQuery(imagesQuery());
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <select
        id={id}
        value={value}
        required={required}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <option value="">{images.isPending ? 'Loading the images…' : (optional ?? 'Pick an image')}</option>
        {(images.data ?? []).map((image) => {
          const tooBig = minDiskFor !== undefined && image.minDiskGb > minDiskFor;
          return (
            <option key={image.id} value={image.id} disabled={tooBig}>
              {image.name}
              {tooBig ? ` (needs a ${image.minDiskGb} GB disk)` : ''}
            </option>
          );
        })}
      </select>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {images.isError ? <p className="text-xs text-red-800 dark:text-red-200">The images could not be loaded: {messageFor(images.error)}</p> : null}
    </div>
  );
}

function RescueDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
  const { submit, pending, error } = useSubmit(server, 'rescue');
  const [imageId, setImageId] = useState('');
  const [password, setPassword] = useState('');
  // Held here only, for as long as the dialog is open: never in a cache or a store.
  const [adminPass, setAdminPass] = useState<string>();
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = serverActions.rescue.input.parse({ imageId: imageId || undefined, password: password || undefined });
    const response = await submit(body);
    if (!response) return;
    setPassword('');
    if (response.adminPass) {
      setAdminPass(response.adminPass);
      setDone(true);
    } else {
      onStarted(`Rescue of ${server.name} started.`);
      onClose(true);
    }
  };

  return (
    <ActionFrame
      server={server}
      action="rescue"
      returnFocus={returnFocus}
      onClose={(sent) => onClose(sent || done)}
      pending={pending}
      description={`${server.name} restarts from a rescue image, with its own disk attached as a second disk so you can repair it. Unrescue brings it back.`}
    >
      {done ? (
        <div className="grid gap-4">
          <p role="status" className="text-sm">
            Rescue of {server.name} started. Sign in to the rescue system with this password.
          </p>
          {adminPass ? <OneTimeSecret label="Rescue password" value={adminPass} /> : null}
          <DialogFooter>
            <DialogClose>Done</DialogClose>
          </DialogFooter>
        </div>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} className="grid gap-4">
          <ImageSelect label="Rescue image" optional="The server’s own image" value={imageId} onChange={setImageId} hint="Optional: the image the server boots into for the rescue." />
          <TextField
            label="Rescue password"
            labelSuffix="optional"
            type="text"
            autoComplete="off"
            spellCheck={false}
            hint="Leave it empty and Nova makes one up; either way it is shown once, after you start."
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <ActionError error={error} what={`Rescue of ${server.name}`} />
          <DialogFooter>
            <DialogClose>Cancel</DialogClose>
            <Button type="submit" variant="danger" pending={pending}>
              Rescue
            </Button>
          </DialogFooter>
        </form>
      )}
    </ActionFrame>
  );
}

function RebuildDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
  const { submit, pending, error } = useSubmit(server, 'rebuild');
  const [imageId, setImageId] = useState(server.image?.id ?? '');
  const [typed, setTyped] = useState('');
  const [adminPass, setAdminPass] = useState<string>();
  const [done, setDone] = useState(false);
  const confirmed = typed.trim() === server.name;
  const blocked = !imageId ? 'Pick the image to rebuild from.' : !confirmed ? `Type ${server.name} to confirm.` : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    const response = await submit(serverActions.rebuild.input.parse({ imageId }));
    if (!response) return;
    if (response.adminPass) {
      setAdminPass(response.adminPass);
      setDone(true);
    } else {
      onStarted(`Rebuild of ${server.name} started.`);
      onClose(true);
    }
  };

  return (
    <ActionFrame
      server={server}
      action="rebuild"
      returnFocus={returnFocus}
      onClose={(sent) => onClose(sent || done)}
      pending={pending}
      description={`Rebuilding wipes ${server.name}’s disk: everything on it is lost, and it boots fresh from the image you pick. Its name, addresses and flavor stay.`}
    >
      {done ? (
        <div className="grid gap-4">
          <p role="status" className="text-sm">
            Rebuild of {server.name} started.
          </p>
          {adminPass ? <OneTimeSecret label="New administrator password" value={adminPass} /> : null}
          <DialogFooter>
            <DialogClose>Done</DialogClose>
          </DialogFooter>
        </div>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} className="grid gap-4">
          <p className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-950 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100">
            All data on the server’s disk will be erased. This cannot be undone.
          </p>
          <ImageSelect label="Image" value={imageId} onChange={setImageId} required minDiskFor={server.flavor?.diskGb} />
          <TextField label={`Type ${server.name} to confirm`} autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
          <ActionError error={error} what={`Rebuild of ${server.name}`} />
          <DialogFooter>
            <DialogClose>Cancel</DialogClose>
            <GatedButton type="submit" variant="danger" pending={pending} reason={blocked}>
              Rebuild
            </GatedButton>
          </DialogFooter>
        </form>
      )}
    </ActionFrame>
  );
}

type BulkResult =
  | { state: 'waiting' }
  | { state: 'sending' }
  | { state: 'accepted'; taskId: string }
  | { state: 'refused'; error: unknown };

function BulkDialog({ request, returnFocus, taskHref, onClose }: Omit<ActionDialogProps, 'request'> & { request: Extract<ActionRequest, { kind: 'bulk' }> }) {
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
