import type { FormEvent } from 'react';
import { Button } from '../../../../components/ui/button';
import { DialogClose, DialogFooter } from '../../../../components/ui/dialog';
import type { ActionId } from '../../../../domain/compute';
import { actionLabel } from '../action-kinds';
import { ActionFrame, ActionError, useSubmit, type SingleProps } from './dialog-frame';

const consequences: Partial<Record<ActionId, (name: string) => string>> = {
  'hard-reboot': (name) => `${name} is powered off and on at once, like pulling the plug: whatever its guest has not written to disk is lost.`,
  stop: (name) => `${name} is asked to shut down, then powered off. It keeps its disk and addresses, and stays off until you start it.`,
  'revert-resize': (name) => `${name} goes back to its previous flavor and restarts on it; the resized copy is thrown away.`,
  reboot: (name) => `${name}'s guest is asked to restart.`,
};

/** A disruptive action without input: what it does, then the action's own button. */
export function ConfirmDialog({ server, action, returnFocus, onClose, onStarted }: SingleProps & { action: ActionId }) {
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
