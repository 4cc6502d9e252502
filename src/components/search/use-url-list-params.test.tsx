import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlListParams } from './use-url-list-params';
import { useUrlSearchText } from './use-url-search-text';

interface View {
  q?: string | undefined;
  colour?: string | undefined;
  size?: string | undefined;
}
const read = (search: URLSearchParams): View => ({ q: search.get('q') ?? undefined, colour: search.get('colour') ?? undefined, size: search.get('size') ?? undefined });
const write = (view: View) => {
  const search = new URLSearchParams();
  if (view.q) search.set('q', view.q);
  if (view.colour) search.set('colour', view.colour);
  if (view.size) search.set('size', view.size);
  return search;
};

/** A list page in miniature: two filters, a search box and what the rendered URL says. */
function Page() {
  const { params, update, updateSearch } = useUrlListParams(read, write);
  const search = useUrlSearchText(params.q ?? '', updateSearch, { delayMs: 0 });
  return (
    <>
      <label>
        Search
        <input type="search" value={search.text} onChange={(event) => search.setText(event.target.value)} />
      </label>
      <button type="button" onClick={() => update((p) => ({ ...p, colour: 'red' }))}>
        Red
      </button>
      <button type="button" onClick={() => update((p) => ({ ...p, colour: 'blue' }))}>
        Blue
      </button>
      <button type="button" onClick={() => update((p) => ({ ...p, size: 'large' }))}>
        Large
      </button>
      <output aria-label="Shown view">{JSON.stringify(params)}</output>
    </>
  );
}

/**
 * The route's loader takes a moment, as the real lists' loaders do: the router's location moves
 * when it is done, and the page renders it later still (react-router re-renders in a transition).
 */
function renderPage(initial = '/list') {
  const router = createMemoryRouter([{ path: '/list', element: <Page />, loader: () => new Promise((resolve) => setTimeout(() => resolve(null), 5)) }], {
    initialEntries: [initial],
    hydrationData: { loaderData: { 0: null } },
  });
  render(<RouterProvider router={router} />);
  const url = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { router, url, user: userEvent.setup() };
}

const button = (name: string) => screen.getByRole('button', { name });

describe('useUrlListParams', () => {
  it('keeps both of two changes made before the page re-renders', async () => {
    const { url } = renderPage();
    // One event loop turn, no render in between: the second change starts from a URL this
    // render has not seen. With setSearchParams(fn) it started from the render's and lost "red".
    act(() => {
      fireEvent.click(button('Red'));
      fireEvent.click(button('Large'));
    });
    await waitFor(() => expect(url()).toBe('/list?colour=red&size=large'));
    expect(screen.getByRole('status', { name: 'Shown view' })).toHaveTextContent('{"colour":"red","size":"large"}');
  });

  it('keeps a change made while the router has moved but the page still shows the URL before', async () => {
    const { url, router } = renderPage();
    act(() => fireEvent.click(button('Red')));
    await waitFor(() => expect(url()).toBe('/list?colour=red'));
    act(() => {
      fireEvent.click(button('Blue'));
      fireEvent.click(button('Large'));
      fireEvent.click(button('Red'));
    });
    await waitFor(() => expect(url()).toBe('/list?colour=red&size=large'));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Shown view' })).toHaveTextContent('{"colour":"red"}'));
  });

  it('starts from the URL as it is after it changed by itself (Back, a link), not from what it wrote before', async () => {
    const { url, router } = renderPage('/list?size=small');
    act(() => {
      fireEvent.click(button('Red'));
      // A link followed before the page showed "red": the link's URL is the one to build on.
      void router.navigate('/list?size=medium');
    });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Shown view' })).toHaveTextContent('{"size":"medium"}'));
    act(() => fireEvent.click(button('Blue')));
    await waitFor(() => expect(url()).toBe('/list?colour=blue&size=medium'));
  });

  it('lets a filter and the search text changed together both land', async () => {
    const { url } = renderPage();
    act(() => {
      fireEvent.click(button('Large'));
      // The settled text is written from an effect of a render that still shows the URL before "large".
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'web' } });
    });
    await waitFor(() => expect(url()).toBe('/list?size=large&q=web'));
    expect(screen.getByRole('status', { name: 'Shown view' })).toHaveTextContent('{"q":"web","size":"large"}');
  });
});
