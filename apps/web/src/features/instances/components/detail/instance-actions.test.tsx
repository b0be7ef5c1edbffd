import type { Instance } from '@gaussdb-console/api-client/browser';
import { screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../../../test/fake-bff';
import { renderWithBff } from '../../../../test/render';
import { centralized } from './actions/action-dialogs.fixture';
import { InstanceActions } from './instance-actions';

function renderAt(url: string, instance: Instance) {
  const bff = fakeBff({
    role: 'operator',
    policy: { renameInstance: ['admin', 'operator'], deleteInstance: ['admin'] },
  });
  function Page() {
    const l = useLocation();
    return (
      <>
        <p data-testid="where">{l.pathname + l.search}</p>
        <InstanceActions project="demo" instance={instance} onJob={() => {}} />
      </>
    );
  }
  renderWithBff(<Page />, bff, { route: url, path: '/p/:project/instances/:instanceId' });
}

const where = () => screen.getByTestId('where').textContent;

afterEach(() => vi.unstubAllGlobals());

describe('instance actions opened from the address (the command palette link)', () => {
  it('opens the named action once the role allows it and drops the parameter', async () => {
    renderAt(`/p/demo/instances/${centralized.id}?tab=topology&action=rename`, centralized);
    expect(await screen.findByRole('dialog', { name: 'Rename instance' })).toBeInTheDocument();
    await waitFor(() => expect(where()).toBe(`/p/demo/instances/${centralized.id}?tab=topology`));
  });

  it('does not open an action the instance state forbids', async () => {
    renderAt(`/p/demo/instances/${centralized.id}?action=rename`, { ...centralized, status: 'REBOOTING' });
    await waitFor(() => expect(where()).toBe(`/p/demo/instances/${centralized.id}`));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('ignores an action the role may not perform', async () => {
    renderAt(`/p/demo/instances/${centralized.id}?action=delete`, centralized);
    expect(await screen.findByRole('button', { name: 'More' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
