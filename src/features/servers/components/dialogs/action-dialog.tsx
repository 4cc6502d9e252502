import type { ComponentType } from 'react';
import type { ActionWithInput } from '../../../../domain/compute';
import type { ActionDialogProps, SingleProps } from './dialog-frame';
import { ConfirmDialog } from './confirm-dialog';
import { LockDialog } from './lock-dialog';
import { SnapshotDialog } from './snapshot-dialog';
import { ResizeDialog } from './resize-dialog';
import { RescueDialog } from './rescue-dialog';
import { RebuildDialog } from './rebuild-dialog';
import { BulkDialog } from './bulk-dialog';

/**
 * The dialog of each action that takes input; TypeScript holds this list against the action
 * definitions, so an action given an input schema cannot be left without its dialog.
 */
const inputDialogs: { [A in ActionWithInput]: ComponentType<SingleProps> } = {
  resize: ResizeDialog,
  rescue: RescueDialog,
  rebuild: RebuildDialog,
  lock: LockDialog,
  snapshot: SnapshotDialog,
};

/** The dialog an action asks with: its form, its confirmation, or the bulk list. */
export function ActionDialog(props: ActionDialogProps) {
  const { request } = props;
  if (request.kind === 'bulk') return <BulkDialog {...props} request={request} />;
  const single = { ...props, server: request.server };
  const { action } = request;
  if (action in inputDialogs) {
    const InputDialog = inputDialogs[action as ActionWithInput];
    return <InputDialog {...single} />;
  }
  return <ConfirmDialog {...single} action={action} />;
}
