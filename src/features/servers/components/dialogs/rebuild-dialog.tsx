import { useState, type FormEvent } from 'react';
import { TextField } from '../../../../components/form/text-field';
import { DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import { GatedButton } from '../../../../components/ui/gated-button';
import { OneTimeSecret } from '../../../../components/ui/one-time-secret';
import { serverActions } from '../../../../domain/compute';
import { ActionFrame, ActionError, useSubmit, type SingleProps } from './dialog-frame';
import { ImageSelect } from './image-select';

export function RebuildDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
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
