import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createMemoryRouter, type DataRouter } from 'react-router';
import { App, createApp } from '../app';

/** Renders the real route table in a memory router, starting at `initialPath`. */
export function renderApp(initialPath = '/') {
  const app = createApp({
    createRouter: (routes) => createMemoryRouter(routes, { initialEntries: [initialPath] }),
    // Retries would only slow the error cases down; their policy has its own unit test.
    queryDefaults: { queries: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(<App {...app} />);
  return { ...view, ...app, user };
}

/** Renders `path`, signs demo in and waits for the list's grid, named as its page names it. */
export async function openGrid(path: string, name: string) {
  const app = renderApp(path);
  await signIn(app.user);
  const grid = await screen.findByRole('grid', { name });
  return { ...app, grid };
}

export function currentUrl(router: DataRouter): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}

export async function fillLogin(
  user: UserEvent,
  { username = 'demo', password = 'demo', domain, project }: { username?: string; password?: string; domain?: string; project?: string } = {},
) {
  await user.type(await screen.findByRole('textbox', { name: 'Username' }), username);
  await user.type(screen.getByLabelText('Password'), password);
  if (domain !== undefined) {
    const field = screen.getByRole('textbox', { name: 'Domain' });
    await user.clear(field);
    if (domain) await user.type(field, domain);
  }
  if (project) await user.type(screen.getByRole('textbox', { name: /^Project/ }), project);
}

export async function signIn(user: UserEvent, credentials?: Parameters<typeof fillLogin>[1]) {
  await fillLogin(user, credentials);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

export async function openAccountMenu(user: UserEvent, name: string | RegExp = /account menu/i) {
  const trigger = await screen.findByRole('button', { name });
  trigger.focus();
  await user.keyboard('{Enter}');
  return within(await screen.findByRole('menu'));
}
