import { useState, type FormEvent } from 'react';
import { TextField } from '../../../../components/form/text-field';
import { Button } from '../../../../components/ui/button';
import { DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import { serverActions } from '../../../../domain/compute';
import { defaultSnapshotName } from '../../../../lib/server-actions';
import { ActionFrame, ActionError, useSubmit, type SingleProps } from './dialog-frame';

export function SnapshotDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
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
