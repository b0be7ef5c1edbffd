import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnterpriseProjectField } from './enterprise-project-field';
import { fakeBff } from './wizard-bff.fixture';
import { renderWizard } from './render-wizard.fixture';
import { defaultValues, type WizardValues } from './wizard-values';

const FORMS: Record<string, Record<string, unknown>> = {
  triset: { initial_node_num: 3, solution: 'triset', shard_num: 1, replica_num: 3 },
  double: { initial_node_num: null, solution: 'double', shard_num: 1, replica_num: 2 },
  hws: { initial_node_num: null, solution: 'hws', shard_num: 3, replica_num: 3 },
};
const PROJECTS = [
  { id: '0', name: 'default', status: '1' },
  { id: '3f0c5a6e-8a7b-4c2d-9e1f-0a1b2c3d4e5f', name: 'finance-prod', status: '1' },
  { id: 'e9f8a7b6-c5d4-4e3f-9a2b-1c0d9e8f7a6b', name: 'legacy-archive', status: '2' },
];

/** The wizard's fake BFF plus the three calls these fields make (4.2.3, 4.4.12, 4.4.23). */
function stubBff(datastores: unknown[] | undefined) {
  const forms: string[] = [];
  const bff = fakeBff({
    answers: {
      ...(datastores ? { listDatastores: { datastores } } : {}),
      getDeploymentForm: (call) => {
        const solution = call.query.get('solution') ?? '';
        forms.push(solution);
        return FORMS[solution] ?? {};
      },
      listEnterpriseProjects: { enterprise_projects: PROJECTS, total_count: PROJECTS.length },
    },
  });
  vi.stubGlobal('fetch', bff.fetch);
  return { forms };
}

afterEach(() => vi.unstubAllGlobals());

describe('create-instance wizard: engine list and deployment form', { timeout: 15_000 }, () => {
  it('shows what the chosen deployment gets, from the service deployment form, and follows the choice', async () => {
    const { forms } = stubBff([{ instance_mode: 'ha', supported_versions: ['8.102', '8.201'] }]);
    const { user } = renderWizard();
    const summary = await screen.findByRole('region', { name: 'What you get' });
    await waitFor(() => expect(summary).toHaveTextContent('Nodes3Shards1Replicas per shard3'));
    expect(forms).toEqual(['triset']);

    await user.click(screen.getByRole('radio', { name: /1 primary \+ 1 standby/ }));
    await waitFor(() => expect(summary).toHaveTextContent('Shards1Replicas per shard2'));
    expect(summary).not.toHaveTextContent('Nodes');

    await user.click(screen.getByRole('radio', { name: /Distributed/ }));
    await waitFor(() => expect(summary).toHaveTextContent('Shards3 (default; set below)Replicas per shard3'));
    expect(forms).toEqual(['triset', 'double', 'hws']);
  });

  it("lists the service's engines with GaussDB chosen; one the create request cannot take is shown but disabled", async () => {
    stubBff([
      { instance_mode: 'ha', supported_versions: ['8.102', '8.201'] },
      { instance_mode: 'ha', type: 'OtherDB', supported_versions: ['1.0'] },
    ]);
    renderWizard();
    const engine = screen.getByLabelText('Database engine');
    await waitFor(() =>
      expect(engine).toHaveAccessibleDescription(
        "From the service's engine list. Versions offered: 8.201, 8.102.",
      ),
    );
    expect(engine).toHaveValue('GaussDB');
    expect(within(engine).getByRole('option', { name: 'GaussDB' })).toBeEnabled();
    expect(
      within(engine).getByRole('option', { name: 'OtherDB (cannot be created with this request)' }),
    ).toBeDisabled();
  });

  it('keeps GaussDB and says so when the engine list cannot be loaded', async () => {
    stubBff(undefined);
    renderWizard();
    const engine = screen.getByLabelText('Database engine');
    await waitFor(() =>
      expect(engine).toHaveAccessibleDescription(
        'The engine list could not be loaded; GaussDB is the default.',
      ),
    );
    expect(engine).toHaveValue('GaussDB');
  });
});

describe('create-instance wizard: enterprise project', () => {
  function renderField(selectable: boolean) {
    stubBff(undefined);
    function Harness() {
      const form = useForm<WizardValues>({ defaultValues: defaultValues() });
      return (
        <FormProvider {...form}>
          <EnterpriseProjectField selectable={selectable} />
          <output data-testid="value">
            {String((form.watch() as unknown as Record<string, unknown>).enterprise_project_id ?? '')}
          </output>
        </FormProvider>
      );
    }
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '/p/:project/instances/new', element: <Harness /> }], {
      initialEntries: ['/p/demo/instances/new'],
    });
    render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
  }

  it('offers the enabled enterprise projects, the default first, disabled ones greyed out', async () => {
    renderField(true);
    const select = screen.getByLabelText(/Enterprise project/);
    await waitFor(() => expect(select).toBeEnabled());
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Default enterprise project', 'finance-prod', 'legacy-archive (disabled)']);
    expect(within(select).getByRole('option', { name: 'legacy-archive (disabled)' })).toBeDisabled();
    expect(select).toHaveValue('');
    await userEvent.setup({ delay: null }).selectOptions(select, 'finance-prod');
    expect(screen.getByTestId('value')).toHaveTextContent('3f0c5a6e-8a7b-4c2d-9e1f-0a1b2c3d4e5f');
  });

  it("shows the project's default read-only, and says why, while the request does not carry a choice", async () => {
    renderField(false);
    expect(
      await screen.findByText(
        /^default — the project's default\. This console does not send an enterprise project/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });
});
