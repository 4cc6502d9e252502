import { useState, type FormEvent } from 'react';
import { TextField } from '../../../../components/form/text-field';
import { Button } from '../../../../components/ui/button';
import { DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import { OneTimeSecret } from '../../../../components/ui/one-time-secret';
import { serverActions } from '../../../../domain/compute';
import { ActionFrame, ActionError, useSubmit, type SingleProps } from './dialog-frame';
import { ImageSelect } from './image-select';

export function RescueDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
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
