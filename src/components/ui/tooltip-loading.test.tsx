import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { Tooltip } from './tooltip';

// The bubble's code arrives only when the test lets it: the trigger is held meanwhile.
const arrival = vi.hoisted(() => {
  let admit = () => {};
  const admitted = new Promise<void>((resolve) => (admit = resolve));
  return { admit: () => admit(), admitted };
});
vi.mock('./tooltip-bubble', async (importOriginal) => {
  await arrival.admitted;
  return importOriginal();
});

it('keeps the trigger, focused, while the bubble’s code loads', async () => {
  const user = userEvent.setup();
  const { rerender } = render(
    <Tooltip content="Locked: maintenance">
      <button type="button">Unlock</button>
    </Tooltip>,
  );
  const trigger = screen.getByRole('button', { name: 'Unlock' });

  await user.tab();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  rerender(
    <Tooltip content="Locked: backup">
      <button type="button">Unlock</button>
    </Tooltip>,
  );

  arrival.admit();
  expect(await screen.findByRole('tooltip', { name: 'Locked: backup' })).toBeVisible();
  expect(screen.getByRole('button', { name: 'Unlock' })).toBe(trigger);
  expect(trigger).toHaveFocus();
});
