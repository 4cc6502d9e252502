import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bff, server } from '../lib/testing/msw-server';
import { currentUrl, openAccountMenu, renderApp, signIn } from './testing/render-app';

const errorBody = (code: string, message: string) => ({ error: { code, message, requestId: 'req-test' } });

describe('signing in', () => {
  it('lands on the servers page with the project in the header menu', async () => {
    const { user, router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Stackdeck' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Domain' })).toHaveValue('Default');
    expect(screen.getByRole('textbox', { name: /^Project/ })).toHaveAccessibleDescription(
      'Leave empty for your default project',
    );
    // One cloud configured: no picker.
    expect(screen.queryByRole('combobox', { name: 'Cloud' })).not.toBeInTheDocument();

    await signIn(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Servers' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/servers');
    const menu = await openAccountMenu(user, /demo/);
    expect(menu.getByRole('group', { name: 'Project' })).toHaveTextContent(/Projectdemo/);
  });

  it('shows one message for a wrong password, an unknown user and a wrong domain', async () => {
    const { user, router } = renderApp('/login');
    const attempts = [
      { username: 'demo', password: 'wrong' },
      { username: 'nobody', password: 'nobody' },
      { username: 'demo', password: 'demo', domain: 'Elsewhere' },
    ];
    for (const attempt of attempts) {
      const username = await screen.findByRole('textbox', { name: 'Username' });
      await user.clear(username);
      await user.clear(screen.getByLabelText('Password'));
      await signIn(user, attempt);
      await waitFor(() =>
        expect(screen.getByRole('alert')).toHaveTextContent('The username, password or domain is not correct.'),
      );
      await user.clear(screen.getByRole('textbox', { name: 'Domain' }));
      await user.type(screen.getByRole('textbox', { name: 'Domain' }), 'Default');
    }
    expect(currentUrl(router)).toBe('/login');
  });

  it('says so when Keystone cannot be reached', async () => {
    server.use(
      http.post('*/api/auth/login', () =>
        HttpResponse.json(errorBody('upstream.unavailable', 'The identity service (Keystone) cannot be reached. Try again in a moment.'), {
          status: 503,
        }),
      ),
    );
    const { user } = renderApp('/login');
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The identity service (Keystone) cannot be reached. Try again in a moment.',
    );
  });

  it('says when there were too many attempts, without an HTTP status', async () => {
    server.use(
      http.post('*/api/auth/login', () =>
        HttpResponse.json(errorBody('auth.rate_limited', 'Too many'), { status: 429 }),
      ),
    );
    const { user } = renderApp('/login');
    await signIn(user);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Too many sign-in attempts. Wait a minute and try again.'));
    expect(alert).not.toHaveTextContent('429');
  });

  it('shows the pending state while signing in, and ignores a second submit', async () => {
    let release = () => {};
    let calls = 0;
    server.use(
      http.post('*/api/auth/login', async () => {
        calls += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json(errorBody('auth.invalid_credentials', 'no'), { status: 401 });
      }),
    );
    const { user } = renderApp('/login');
    await signIn(user);
    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    release();
    expect(await screen.findByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled');
    expect(calls).toBe(1);
  });

  it('says so when Stackdeck itself cannot be reached', async () => {
    server.use(http.post('*/api/auth/login', () => HttpResponse.error()));
    const { user } = renderApp('/login');
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Stackdeck cannot be reached. Check your connection and try again.',
    );
  });

  it('names the project when the user has no role in it', async () => {
    const { user } = renderApp('/login');
    await signIn(user, { project: 'admin' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The project “admin” does not exist, or you have no role in it.',
    );
  });

  it('signs in to the project asked for', async () => {
    const { user } = renderApp('/login');
    await signIn(user, { project: 'demo-staging' });
    expect(
      await screen.findByRole('button', { name: 'Account menu for demo, project demo-staging, region RegionOne' }),
    ).toBeInTheDocument();
  });

  it('asks for the missing fields before calling the BFF', async () => {
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const username = screen.getByRole('textbox', { name: 'Username' });
    expect(username).toHaveAccessibleDescription('Enter your username.');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(username).toHaveFocus();
  });

  it('offers a cloud picker when several clouds are configured', async () => {
    let sentCloud: unknown;
    server.use(
      http.get('*/api/clouds', () =>
        HttpResponse.json({ clouds: [{ id: 'east', name: 'East' }, { id: 'west', name: 'West' }] }),
      ),
      http.post('*/api/auth/login', async ({ request }) => {
        sentCloud = ((await request.json()) as { cloud?: string }).cloud;
        return HttpResponse.json(errorBody('auth.invalid_credentials', 'no'), { status: 401 });
      }),
    );
    const { user } = renderApp('/login');
    const picker = await screen.findByRole('combobox', { name: 'Cloud' });
    await user.selectOptions(picker, 'West');
    await signIn(user);
    await screen.findByText('The username, password or domain is not correct.');
    expect(sentCloud).toBe('west');
  });
});

describe('deep links', () => {
  it('go to the login page while signed out and come back after signing in', async () => {
    const { user, router } = renderApp('/networks?filter=ext');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(currentUrl(router)).toBe(`/login?next=${encodeURIComponent('/networks?filter=ext')}`);
    await signIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Networks' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/networks?filter=ext');
  });

  it.each(['//evil.com', '/\\evil.com', 'https://evil.com/servers', '/login'])('ignore next=%s', async (next) => {
    const { user, router } = renderApp(`/login?next=${encodeURIComponent(next)}`);
    await signIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Servers' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/servers');
  });

  it('skip the login page when already signed in', async () => {
    const { user, router } = renderApp('/login');
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Servers' });
    await router.navigate('/login?next=%2Ftasks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tasks' })).toBeInTheDocument();
  });
});

describe('the shell', () => {
  it('marks the current page in the primary navigation', async () => {
    const { user } = renderApp('/login');
    await signIn(user);
    const nav = await screen.findByRole('navigation', { name: 'Primary' });
    expect(within(nav).getByRole('link', { name: 'Servers' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Networks' })).not.toHaveAttribute('aria-current');

    await user.click(within(nav).getByRole('link', { name: 'Tasks' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tasks' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Tasks' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Servers' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
  });

  it('opens the header menu by keyboard and lists the user, project and region', async () => {
    const { user } = renderApp('/login');
    await signIn(user);
    const menu = await openAccountMenu(user, /account menu for demo/i);
    expect(menu.getByRole('group', { name: 'User' })).toHaveTextContent('demo');
    expect(menu.getByRole('group', { name: 'User' })).toHaveTextContent('Domain Default');
    const project = menu.getByRole('group', { name: 'Project' });
    expect(project).toHaveTextContent(/Projectdemo/);
    expect(project).toHaveTextContent(/RegionRegionOne/);
    expect(project).toHaveTextContent(/Roles.*member/);
    expect(project).not.toHaveTextContent('Read-only');
    expect(menu.getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    // The menu's code came with the first press, and its trigger with it: ask for it again.
    expect(screen.getByRole('button', { name: /account menu for demo/i })).toHaveFocus();
  });

  it('shows a read-only badge for a reader', async () => {
    const { user } = renderApp('/login');
    await signIn(user, { username: 'reader', password: 'reader' });
    const menu = await openAccountMenu(user, /account menu for reader/i);
    expect(menu.getByRole('group', { name: 'Project' })).toHaveTextContent('Read-only');
  });

  it('has a not-found page with a way home', async () => {
    const { user, router } = renderApp('/login?next=%2Fno-such-page');
    await signIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Servers' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/servers');
  });
});

describe('signing out and losing the session', () => {
  it('signs out from the header menu and returns to the login page', async () => {
    const { user, router } = renderApp('/login');
    await signIn(user);
    const menu = await openAccountMenu(user, /account menu for demo/i);
    await user.click(menu.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/login');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    // The BFF forgot the session too: the shell is out of reach again.
    expect(bff().state.session).toBeNull();
    await router.navigate('/tasks');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(currentUrl(router)).toBe('/login?next=%2Ftasks');
  });

  it('signs out everywhere from the account menu', async () => {
    const { user, router } = renderApp('/login');
    await signIn(user);
    const menu = await openAccountMenu(user, /account menu for demo/i);
    await user.click(menu.getByRole('menuitem', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/login');
    expect(bff().state.session).toBeNull();
  });

  it('sends the user to the login page when any query gets a 401, and back afterwards', async () => {
    const { user, router, queryClient } = renderApp('/login?next=%2Fnetworks');
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Networks' });

    server.use(
      http.get('*/api/servers', () =>
        HttpResponse.json(errorBody('auth.session_expired', 'expired'), { status: 401 }),
      ),
    );
    const { apiRequest } = await import('../lib/api-client');
    await queryClient
      .fetchQuery({ queryKey: ['servers'], queryFn: () => apiRequest('/api/servers') })
      .catch(() => undefined);

    expect(await screen.findByRole('status')).toHaveTextContent('Your session has ended');
    expect(currentUrl(router)).toBe('/login?next=%2Fnetworks&reason=session_expired');
    await signIn(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Networks' })).toBeInTheDocument();
  });
});

describe('failures outside the login form', () => {
  it('shows a route error once, with a retry that recovers', async () => {
    let down = true;
    server.use(
      http.get('*/api/auth/session', ({ request }) =>
        down ? HttpResponse.error() : passthroughSession(request),
      ),
    );
    const { user } = renderApp('/servers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByText('Stackdeck cannot be reached. Check your connection and try again.')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    down = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

function passthroughSession(_request: Request) {
  return HttpResponse.json(errorBody('auth.unauthenticated', 'Not signed in'), { status: 401 });
}

describe('switching project', () => {
  it('switches from the account menu without signing out, and lands on the servers page', async () => {
    const { user, router } = renderApp('/login');
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Servers' });
    await user.click(await screen.findByRole('link', { name: 'Networks' }));
    const menu = await openAccountMenu(user, /demo/);
    expect(menu.getByRole('group', { name: 'Switch project' })).toBeInTheDocument();
    expect(menu.getByRole('menuitemradio', { name: 'demo' })).toHaveAttribute('aria-checked', 'true');
    const staging = menu.getByRole('menuitemradio', { name: 'demo-staging' });
    expect(staging).toHaveAttribute('aria-checked', 'false');
    const oldToken = bff().state.session?.tokenId ?? '';

    await user.click(staging);

    expect(await screen.findByRole('button', { name: 'Account menu for demo, project demo-staging, region RegionOne' })).toBeInTheDocument();
    await waitFor(() => expect(currentUrl(router)).toBe('/servers'));
    expect(bff().cloud.store.tokens.get(oldToken)?.revoked).toBe(true);
    const again = await openAccountMenu(user, /demo-staging/);
    expect(again.getByRole('menuitemradio', { name: 'demo-staging' })).toHaveAttribute('aria-checked', 'true');
  });

  it('offers no switch to a user with one project', async () => {
    const { user } = renderApp('/login');
    await signIn(user, { username: 'reader', password: 'reader' });
    const menu = await openAccountMenu(user, /reader/);
    expect(menu.queryByRole('group', { name: 'Switch project' })).not.toBeInTheDocument();
    expect(menu.queryByRole('menuitemradio', { name: 'demo' })).not.toBeInTheDocument();
  });
});

describe('switching region', () => {
  /** The BFF calls the SPA makes from now on, as `METHOD path` with the body of a POST. */
  function recordCalls() {
    const calls: string[] = [];
    const record = ({ request }: { request: Request }) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET') calls.push(`GET ${pathname}`);
      else void request.clone().text().then((body) => calls.push(`${request.method} ${pathname} ${body}`));
    };
    server.events.on('request:start', record);
    onTestFinished(() => server.events.removeListener('request:start', record));
    return calls;
  }

  it('offers the cloud’s regions, switches from the account menu and lands on the servers page', async () => {
    const { user, router } = renderApp('/login');
    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'Servers' });
    await user.click(await screen.findByRole('link', { name: 'Networks' }));
    await screen.findByRole('heading', { level: 1, name: 'Networks' });
    const menu = await openAccountMenu(user, 'Account menu for demo, project demo, region RegionOne');
    const regions = menu.getByRole('group', { name: 'Region' });
    expect(within(regions).getByRole('menuitemradio', { name: 'RegionOne' })).toHaveAttribute('aria-checked', 'true');
    const two = within(regions).getByRole('menuitemradio', { name: 'RegionTwo' });
    expect(two).toHaveAttribute('aria-checked', 'false');
    const token = bff().state.session?.tokenId;
    const calls = recordCalls();

    await user.click(two);

    expect(await screen.findByRole('button', { name: 'Account menu for demo, project demo, region RegionTwo' })).toBeInTheDocument();
    await waitFor(() => expect(currentUrl(router)).toBe('/servers'));
    // The old region's lists were dropped: the servers page asks for its list again.
    await waitFor(() => expect(calls).toContain('GET /api/servers'));
    expect(calls[0]).toBe('POST /api/auth/scope {"region":"RegionTwo"}');
    expect(bff().state.session).toEqual({ tokenId: token, region: 'RegionTwo' });
    const again = await openAccountMenu(user, /RegionTwo/);
    expect(again.getByRole('menuitemradio', { name: 'RegionTwo' })).toHaveAttribute('aria-checked', 'true');
  });

  it('offers no region choice on a cloud with one region', async () => {
    const { store } = bff().cloud;
    for (const [id, endpoint] of store.endpoints) if (endpoint.regionId === 'RegionTwo') store.endpoints.delete(id);
    const { user } = renderApp('/login');
    await signIn(user);
    const menu = await openAccountMenu(user, 'Account menu for demo, project demo');
    expect(menu.getByRole('group', { name: 'Project' })).toHaveTextContent(/RegionRegionOne/);
    expect(menu.queryByRole('group', { name: 'Region' })).not.toBeInTheDocument();
    expect(menu.queryByRole('menuitemradio', { name: 'RegionOne' })).not.toBeInTheDocument();
  });

  it('says so in a toast when the BFF refuses, and stays where it was', async () => {
    const { user, router } = renderApp('/login');
    await signIn(user);
    await user.click(await screen.findByRole('link', { name: 'Networks' }));
    await screen.findByRole('heading', { level: 1, name: 'Networks' });
    const refusal = errorBody('auth.region_unavailable', 'This cloud has no region “RegionTwo”: its regions are RegionOne.');
    server.use(http.post('*/api/auth/scope', () => HttpResponse.json(refusal, { status: 400 })));
    const menu = await openAccountMenu(user, /RegionOne/);

    await user.click(menu.getByRole('menuitemradio', { name: 'RegionTwo' }));

    const toast = (await screen.findByText('Could not switch region')).closest('li') as HTMLElement;
    expect(toast).toHaveTextContent('This cloud has no region “RegionTwo”: its regions are RegionOne.');
    expect(currentUrl(router)).toBe('/networks');
    expect(screen.getByRole('button', { name: 'Account menu for demo, project demo, region RegionOne' })).toBeInTheDocument();
  });
});
