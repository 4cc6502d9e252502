import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Dialog } from '../../../../components/ui/dialog';
import type { ActionResponse, ServerSummary } from '../../../../domain/api';
import type { ActionId } from '../../../../domain/compute';
import { isApiError } from '../../../../lib/errors';
import { messageFor } from '../../../../lib/messages';
import { postServerAction, type ActionRequestBody } from '../../../../lib/server-actions';
import { actionLabel, type ActionRequest } from '../action-kinds';

export interface ActionDialogProps {
  request: ActionRequest;
  returnFocus: HTMLElement | null;
  taskHref: (id: string) => string;
  /** Said to assistive technology once a dialog has closed on success. */
  onStarted: (message: string) => void;
  /** `sent`: requests went out (a bulk dialog clears the selection then). */
  onClose: (sent: boolean) => void;
}

export type SingleProps = Omit<ActionDialogProps, 'request'> & { server: ServerSummary };

/** Posts one action from a dialog; the result (and any password) stays in this component's state only. */
export function useSubmit(server: ServerSummary, action: ActionId) {
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

export function ActionError({ error, what }: { error: unknown; what: string }) {
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
export function ActionFrame({
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
