import { useId } from 'react';
import { Button, type ButtonProps } from './button';
import { Tooltip } from './tooltip';

export interface GatedButtonProps extends Omit<ButtonProps, 'unavailable'> {
  /** Why the button cannot be used now; undefined when it can. */
  reason?: string | undefined;
}

/**
 * A button that may be unavailable, and then says why: it stays focusable (`aria-disabled`), its
 * reason is its accessible description and a tooltip on hover and focus. The element stays the
 * same when the reason comes or goes, so a focused button keeps the focus.
 */
export function GatedButton({ reason, 'aria-describedby': describedBy, ...props }: GatedButtonProps) {
  const reasonId = useId();
  const description = [reason === undefined ? undefined : reasonId, describedBy].filter(Boolean).join(' ');
  return (
    <>
      <Tooltip content={reason}>
        <Button unavailable={reason !== undefined} aria-describedby={description || undefined} {...props} />
      </Tooltip>
      <span id={reasonId} className="sr-only">
        {reason}
      </span>
    </>
  );
}
