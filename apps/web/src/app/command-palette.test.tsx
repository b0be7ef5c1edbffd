import type { Instance } from '@gaussdb-console/api-client/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS } from '../features/palette/command-palette';
import { PaletteLauncher } from '../features/palette/palette-launcher';
import { InstanceActions } from '../features/instances/components/detail/instance-actions';
import { fakeBff } from '../test/fake-bff';
import { loadInstanceActions } from './instance-actions-source';
import { navItemsFor } from './nav-items';

// jsdom lacks the layout APIs cmdk calls (list height, keeping the selected item in view).
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView ??= () => {};
});

const ID = '6f1d2c3b4a5968778695a4b3c2d1e0f1in14';
const instances: Instance[] = [
  {
    id: ID,
    name: 'gauss-prod-01',
    status: 'ACTIVE',
    ha: { mode: 'centralization_standard' },
    solution: 'triset',
    replica_num: 3,
  },
  {
    id: '9a8b7c6d5e4f30211203f4e5d6c7b8a9in14',
    name: 'gauss-prod-02',
    status: 'REBOOTING',
    ha: { mode: 'centralization_standard' },
    solution: 'triset',
  },
  {
    id: '1234567890abcdef1234567890abcdefin14',
    name: 'analytics-01',
    status: 'ACTIVE',
    ha: { mode: 'enterprise' },
  },
];

/** The BFF as the palette sees it: session, policy and listInstances with the API's "*contains" rule. */
function paletteBff(role: 'admin' | 'operator' | 'viewer') {
  const searches: URLSearchParams[] = [];
  const bff = fakeBff({
    role,
    onlyPolicy: true,
    policy: {
      listInstances: ['admin', 'operator', 'viewer'],
      createInstance: ['admin'],
      restartInstance: ['admin', 'operator'],
      renameInstance: ['admin', 'operator'],
      deleteInstance: ['admin'],
      stopNodes: ['admin'],
    },
    answers: {
      listInstances: (call) => {
        const q = call.query;
        if (q.get('id') === ID && q.get('limit') === '1')
          return { instances: [instances[0]], total_count: 1 };
        searches.push(q);
        const pattern = q.get('name') ?? '';
        const hits = instances.filter((i) =>
          pattern.startsWith('*') ? i.name.includes(pattern.slice(1)) : i.name === pattern,
        );
        return { instances: hits.slice(0, Number(q.get('limit') ?? 100)), total_count: hits.length };
      },
    },
  });
  return { fetch: bff.fetch, searches };
}

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search}</p>;
}

function renderShell(path: string, role: 'admin' | 'operator' | 'viewer' = 'admin') {
  const bff = paletteBff(role);
  vi.stubGlobal('fetch', bff.fetch);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <PaletteLauncher
              project="demo"
              pages={navItemsFor(role, () => true)}
              loadActions={loadInstanceActions}
            />
            <input aria-label="Some field" />
            <Where />
            <Outlet />
          </>
        ),
        children: [
          { path: '/p/:project/instances', element: <p>instance list</p> },
          {
            path: '/p/:project/instances/:instanceId',
            element: <InstanceActions project="demo" instance={instances[0]!} onJob={() => {}} />,
          },
          { path: '/p/:project/tasks', element: <p>task center</p> },
          { path: '/wall/:project', element: <p>wall</p> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { bff, user: userEvent.setup({ delay: null }) };
}

const where = () => screen.getByTestId('where').textContent;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('command palette', () => {
  it('shows a "Search" button with its shortcut in the top bar', () => {
    renderShell('/p/demo/instances');
    expect(screen.getByRole('button', { name: /^Search (⌘K|Ctrl K)$/ })).toHaveAttribute(
      'aria-keyshortcuts',
      'Control+K Meta+K /',
    );
  });

  it('opens with Ctrl+K, lists every page, and jumps to one with the keyboard', async () => {
    const { user } = renderShell('/p/demo/instances');
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    const input = within(dialog).getByRole('combobox');
    await waitFor(() => expect(input).toHaveFocus());
    const pages = within(dialog).getByRole('group', { name: 'Pages' });
    await waitFor(() =>
      expect(
        within(pages)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([
        'Dashboard',
        'Instances',
        'Tasks',
        'Parameters',
        'Backups',
        'Tenants',
        'Recycle bin',
        'Wall screen',
        'Audit',
        'Console users',
        'Create instance',
      ]),
    );

    await user.type(input, 'tas');
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Tasks']),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(where()).toBe('/p/demo/tasks'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('opens with "/" outside a field, not while typing in one, and closes with Escape', async () => {
    const { user } = renderShell('/p/demo/instances');
    await user.click(screen.getByLabelText('Some field'));
    await user.keyboard('/');
    expect(screen.getByLabelText('Some field')).toHaveValue('/');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByText('instance list'));
    await user.keyboard('/');
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('finds an instance by typed text once typing pauses, shows its status, and opens it', async () => {
    const { user, bff } = renderShell('/p/demo/instances', 'viewer');
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    // A viewer may not create nor read the audit trail: the page list leaves both out.
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([
        'Dashboard',
        'Instances',
        'Tasks',
        'Parameters',
        'Backups',
        'Tenants',
        'Recycle bin',
        'Wall screen',
      ]),
    );

    // Keystrokes closer together than the debounce send nothing; the pause sends one search. (Typed as
    // change events: user-event waits on a timer between actions, which a fake clock would stall.)
    const input = within(dialog).getByRole('combobox');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const typed of ['p', 'pr', 'pro', 'prod']) {
      fireEvent.change(input, { target: { value: typed } });
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 50));
    }
    expect(bff.searches).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(50));
    // The query's notifications are timers too: let the fake clock run until the results are drawn.
    await vi.waitFor(() =>
      expect(within(dialog).getByRole('option', { name: /gauss-prod-01/ })).toBeInTheDocument(),
    );
    vi.useRealTimers();

    const group = within(dialog).getByRole('group', { name: 'Instances' });
    const first = within(group).getByRole('option', { name: /gauss-prod-01/ });
    expect(within(group).getAllByRole('option')).toHaveLength(2);
    expect(within(group).getByText('Rebooting')).toBeInTheDocument();
    // One search for the settled text, with the list's "contains" rule and the palette's 8 results.
    expect(bff.searches).toHaveLength(1);
    expect(bff.searches[0]?.get('name')).toBe('*prod');
    expect(bff.searches[0]?.get('limit')).toBe('8');

    expect(first).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(where()).toBe(`/p/demo/instances/${ID}`));
  });

  it('never lets the results of an earlier search take the Enter meant for what is typed now', async () => {
    const { user } = renderShell('/p/demo/instances');
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    const input = within(dialog).getByRole('combobox');
    await user.type(input, 'prod');
    await within(dialog).findByRole('option', { name: /gauss-prod-01/ });
    // Typed and confirmed faster than the next search can answer.
    fireEvent.change(input, { target: { value: 'tas' } });
    expect(within(dialog).queryByRole('option', { name: /gauss-prod-01/ })).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(where()).toBe('/p/demo/tasks'));
  });

  it('offers only the actions the role may perform on the instance being viewed, and opens one by URL', async () => {
    const { user } = renderShell(`/p/demo/instances/${ID}?tab=topology`, 'operator');
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    const group = await within(dialog).findByRole('group', { name: 'Actions on gauss-prod-01' });
    expect(
      within(group)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Restart', 'Rename']);
    expect(within(dialog).queryByRole('option', { name: 'Delete' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('option', { name: 'Stop nodes' })).not.toBeInTheDocument();

    await user.type(within(dialog).getByRole('combobox'), 'ren');
    await waitFor(() =>
      expect(within(dialog).getByRole('option', { name: 'Rename' })).toHaveAttribute('aria-selected', 'true'),
    );
    await user.keyboard('{Enter}');
    // The detail page takes the link: the Rename dialog opens, and the parameter is dropped.
    expect(await screen.findByRole('dialog', { name: 'Rename instance' })).toBeInTheDocument();
    await waitFor(() => expect(where()).toBe(`/p/demo/instances/${ID}?tab=topology`));
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).not.toBeInTheDocument();
  });

  it('speaks Chinese when the console does', async () => {
    const { i18n } = await import('../shared/lib/i18n');
    const { setLanguage } = await import('../shared/lib/i18n');
    await setLanguage('zh-CN');
    try {
      const { user } = renderShell('/p/demo/instances');
      await user.keyboard('{Control>}k{/Control}');
      const dialog = await screen.findByRole('dialog', { name: '命令面板' });
      expect(within(dialog).getByRole('group', { name: '页面' })).toBeInTheDocument();
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        '实例名称或 ID、页面、操作…',
      );
    } finally {
      await setLanguage('en');
      expect(i18n.language).toBe('en');
    }
  });
});

describe('palette and instance extras strings', () => {
  type Tree = { [k: string]: string | Tree };
  const keys = (t: Tree, prefix = ''): string[] =>
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
    );
  // i18next picks `_one` for English singulars; Chinese has no plural forms.
  const withoutPlurals = (list: string[]) => list.filter((k) => !k.endsWith('_one'));

  it('has the same keys in English and Chinese, none empty', async () => {
    for (const [en, zh] of [
      [await import('../features/palette/i18n/en.json'), await import('../features/palette/i18n/zh-CN.json')],
      [
        await import('../features/instances/i18n/extras/en.json'),
        await import('../features/instances/i18n/extras/zh-CN.json'),
      ],
    ] as { default: Tree }[][]) {
      expect(withoutPlurals(keys(zh!.default)).sort()).toEqual(withoutPlurals(keys(en!.default)).sort());
      const walk = (t: Tree): string[] =>
        Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : walk(v)));
      expect([...walk(en!.default), ...walk(zh!.default)].filter((s) => s.trim() === '')).toEqual([]);
    }
  });
});
