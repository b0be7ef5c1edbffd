import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBff } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { CreateTemplatePage } from './create-template-page';
import { DEFAULTS, SYSTEM_ID, templateDetail, templateList } from './parameters.fixture';

const render = (taken: string[] = []) => {
  const bff = fakeBff({
    answers: {
      listDatastores: {
        datastores: [
          { instance_mode: 'ha', supported_versions: ['8.201', '8.102'] },
          { instance_mode: 'independent', supported_versions: ['8.201'] },
        ],
      },
      listParameterTemplates: templateList,
      getParameterTemplate: templateDetail(
        SYSTEM_ID,
        'Default-Enterprise-Edition-GaussDB-8.201-Centralized',
        DEFAULTS,
      ),
      checkParameterTemplateName: (c) => ({ exist: taken.includes(c.query.get('name') ?? '') }),
      createParameterTemplate: { id: 'created-id', name: 'batch-nightly' },
    },
  });
  return {
    bff,
    ...renderWithBff(<CreateTemplatePage />, bff, {
      route: '/p/demo/parameters/new',
      path: '/p/:project/parameters/new',
    }),
  };
};

describe('creating a template', { timeout: 20_000 }, () => {
  it('checks the name as it is typed, then sends the staged values as the template’s own', async () => {
    const { bff, user, router } = render(['oltp-high-concurrency']);
    const name = await screen.findByLabelText('Template name');
    await user.type(name, 'bad name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    await user.clear(name);
    await user.type(name, 'oltp-high-concurrency');
    expect(
      await screen.findByText('A template named oltp-high-concurrency already exists.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create template' })).toBeDisabled();
    await user.clear(name);
    await user.type(name, 'batch-nightly');
    expect(await screen.findByText('The name is free.')).toBeInTheDocument();

    // Only primary/standby templates can be created (4.5.4); the other deployment says so.
    expect(screen.getByRole('radio', { name: /Distributed \(independent\)/ })).toBeDisabled();
    expect(screen.getByLabelText('Engine version')).toHaveValue('8.201');

    const field = await screen.findByRole('textbox', { name: 'Value of session_timeout' });
    await user.clear(field);
    await user.type(field, '1200');
    expect(screen.getByText('1 value differs from the defaults')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create template' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Create template' }));
    await waitFor(() => expect(bff.callsTo('createParameterTemplate')).toHaveLength(1));
    expect(bff.callsTo('createParameterTemplate')[0]?.body).toEqual({
      name: 'batch-nightly',
      description: '',
      datastore: { engine_version: '8.201', instance_mode: 'ha' },
      parameter_values: { session_timeout: '1200' },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/p/demo/parameters/created-id'));
  });
});
