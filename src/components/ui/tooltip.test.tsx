import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GatedButton } from './gated-button';
import { Tooltip } from './tooltip';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function Harness({ content }: { content: string | undefined }) {
  return (
    <>
      <Tooltip content={content}>
        <button type="button">Unlock</button>
      </Tooltip>
      <button type="button">Elsewhere</button>
    </>
  );
}

describe('Tooltip', () => {
  it('shows on hover after a delay, and hides when the pointer leaves', async () => {
    const user = userEvent.setup();
    render(<Harness content="Locked: maintenance" />);

    await user.hover(screen.getByRole('button', { name: 'Unlock' }));
    await pause(150);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(await screen.findByRole('tooltip', { name: 'Locked: maintenance' })).toBeVisible();

    await user.unhover(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });

  it('stays while the pointer moves from the trigger onto the bubble', async () => {
    const user = userEvent.setup();
    render(<Harness content="Locked: maintenance" />);

    await user.hover(screen.getByRole('button', { name: 'Unlock' }));
    const bubble = await screen.findByRole('tooltip', { name: 'Locked: maintenance' });
    await user.hover(bubble);
    await pause(200);
    expect(screen.getByRole('tooltip', { name: 'Locked: maintenance' })).toBeVisible();

    await user.unhover(bubble);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });

  it('shows on keyboard focus, hides on blur and on Escape, and the trigger keeps the focus', async () => {
    const user = userEvent.setup();
    const onEscape = vi.fn((event: KeyboardEvent) => event.defaultPrevented);
    document.addEventListener('keydown', onEscape);
    render(<Harness content="Locked: maintenance" />);
    const trigger = screen.getByRole('button', { name: 'Unlock' });

    await user.tab();
    expect(trigger).toHaveFocus();
    expect(await screen.findByRole('tooltip', { name: 'Locked: maintenance' })).toBeVisible();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    // An Escape that closed a tooltip is taken: a dialog around it stays open.
    expect(onEscape).toHaveLastReturnedWith(true);

    await user.tab({ shift: true });
    await user.tab();
    expect(await screen.findByRole('tooltip', { name: 'Locked: maintenance' })).toBeVisible();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(onEscape).toHaveLastReturnedWith(false);
    document.removeEventListener('keydown', onEscape);
  });

  it('does not open on the focus a press gives', async () => {
    const user = userEvent.setup();
    render(<Harness content="Locked: maintenance" />);

    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByRole('button', { name: 'Unlock' })).toHaveFocus();
    await pause(400);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('stays closed without content, and the trigger stays the same focused element as the content comes and goes', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Harness content={undefined} />);
    const trigger = screen.getByRole('button', { name: 'Unlock' });

    await user.tab();
    await user.hover(trigger);
    await pause(400);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    rerender(<Harness content="Locked: maintenance" />);
    expect(await screen.findByRole('tooltip', { name: 'Locked: maintenance' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBe(trigger);
    expect(trigger).toHaveFocus();

    rerender(<Harness content="Locked: backup" />);
    expect(await screen.findByRole('tooltip', { name: 'Locked: backup' })).toBeVisible();

    rerender(<Harness content={undefined} />);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBe(trigger);
    expect(trigger).toHaveFocus();
  });

  it('shows one tooltip at a time', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Tooltip content="Locked: maintenance">
          <button type="button">Unlock</button>
        </Tooltip>
        <Tooltip content="Needs a host">
          <button type="button">Resize</button>
        </Tooltip>
      </>,
    );

    await user.tab();
    await screen.findByRole('tooltip', { name: 'Locked: maintenance' });
    await user.hover(screen.getByRole('button', { name: 'Resize' }));
    await screen.findByRole('tooltip', { name: 'Needs a host' });
    expect(screen.getAllByRole('tooltip')).toHaveLength(1);
  });
});

describe('GatedButton', () => {
  it('says why it is unavailable as its description and a tooltip, and keeps the focus when the reason goes', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    const { rerender } = render(
      <GatedButton reason="The server is locked." onClick={onClick}>
        Reboot
      </GatedButton>,
    );
    const button = screen.getByRole('button', { name: 'Reboot' });
    expect(button).toHaveAccessibleDescription('The server is locked.');
    expect(button).toHaveAttribute('aria-disabled', 'true');

    await user.tab();
    expect(await screen.findByRole('tooltip', { name: 'The server is locked.' })).toBeVisible();
    await user.keyboard('{Enter}');
    expect(onClick).not.toHaveBeenCalled();

    rerender(<GatedButton onClick={onClick}>Reboot</GatedButton>);
    expect(screen.getByRole('button', { name: 'Reboot' })).toBe(button);
    expect(button).toHaveFocus();
    expect(button).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(onClick).toHaveBeenCalledOnce();
  });
});
