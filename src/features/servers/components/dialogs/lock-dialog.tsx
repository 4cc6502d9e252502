import { useState, type FormEvent } from 'react';
import { TextField } from '../../../../components/form/text-field';
import { Button } from '../../../../components/ui/button';
import { DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import { serverActions } from '../../../../domain/compute';
import { ActionFrame, ActionError, useSubmit, type SingleProps } from './dialog-frame';

export function LockDialog({ server, returnFocus, onClose, onStarted }: SingleProps) {
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
