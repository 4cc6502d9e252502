import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { messageFor } from '../../../../lib/messages';
import { imagesQuery } from '../../api/compute-options';

/** A Glance image to pick, the ones too big for the server's disk marked as such. */
export function ImageSelect({ label, hint, value, onChange, optional, minDiskFor, required }: { label: string; hint?: string; value: string; onChange: (id: string) => void; optional?: string; minDiskFor?: number | undefined; required?: boolean }) {
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
