import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import { GatedButton } from '../../../../components/ui/gated-button';
import type { Limits, ServerSummary } from '../../../../domain/api';
import { serverActions } from '../../../../domain/compute';
import { cx } from '../../../../lib/cx';
import { formatMemory } from '../../../../lib/format';
import { messageFor } from '../../../../lib/messages';
import { flavorsQuery, limitsQuery } from '../../api/compute-options';
import { ActionFrame, ActionError, useSubmit, type SingleProps } from './dialog-frame';

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

export function ResizeDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
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
