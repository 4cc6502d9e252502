import { useId } from 'react';
import { CopyButton } from './copy-button';

export interface OneTimeSecretProps {
  /** What the secret is: "Rescue password". */
  label: string;
  value: string;
}

/**
 * A secret the cloud returns once (a rescue or rebuild password): shown with a copy button and a
 * warning that it will not be shown again. Whoever renders it keeps it in component state only.
 */
export function OneTimeSecret({ label, value }: OneTimeSecretProps) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-50">
      <p id={id} className="text-sm font-semibold">
        {label}
      </p>
      <p className="mt-2 flex items-center gap-2">
        <code className="rounded bg-white px-2 py-1 font-mono text-base break-all select-all dark:bg-slate-950">
          {value}
        </code>
        <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
      </p>
      <p className="mt-2 text-sm">Copy it now: Stackdeck does not keep it, and it will not be shown again.</p>
    </div>
  );
}
