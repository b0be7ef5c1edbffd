import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeBff } from '../../test/fake-bff';
import { renderWithBff } from '../../test/render';
import { BffError } from '../lib/bff';
import type { EditableParameter } from './parameter-rules';
import { StagedParameterEditor } from './staged-parameter-editor';
import { NO_FILTERS, type ParameterFilters } from './staged-parameter-table';
import { useStagedEdits } from './use-staged-edits';

const PARAMS: EditableParameter[] = [
  {
    name: 'max_connections',
    value: '5000',
    defaultValue: '5000',
    type: 'integer',
    range: '10-262143',
    restart: true,
    description: 'Maximum connections.',
  },
  {
    name: 'session_timeout',
    value: '900',
    defaultValue: '600',
    type: 'integer',
    range: '0-86400',
    restart: false,
  },
  {
    name: 'checkpoint_completion_target',
    value: '0.5',
    defaultValue: '0.5',
    type: 'float',
    range: '0-1',
    restart: false,
  },
  {
    name: 'enable_seqscan',
    value: 'on',
    defaultValue: 'on',
    type: 'boolean',
    range: '|on|off',
    restart: false,
  },
  {
    name: 'log_statement',
    value: 'none',
    defaultValue: 'none',
    type: 'string',
    range: '|none|ddl|mod|all',
    restart: false,
  },
  {
    name: 'behavior_compat_options',
    value: '',
    defaultValue: '',
    type: 'list',
    range: '|display_leading_zero|end_month_calculate',
    restart: false,
  },
  {
    name: 'ssl',
    value: 'on',
    defaultValue: 'on',
    type: 'boolean',
    range: '|on|off',
    restart: true,
    readonly: true,
  },
];

function Harness(props: {
  onApply: (v: Record<string, string>) => Promise<void>;
  readOnly?: boolean;
  parameters?: EditableParameter[];
}) {
  const parameters = props.parameters ?? PARAMS;
  const staged = useStagedEdits(parameters);
  const [filters, setFilters] = useState<ParameterFilters>(NO_FILTERS);
  return (
    <>
      <Link to="/elsewhere">Go elsewhere</Link>
      <StagedParameterEditor
        parameters={parameters}
        staged={staged}
        readOnly={props.readOnly ?? false}
        filters={filters}
        onFiltersChange={(p) => setFilters((f) => ({ ...f, ...p }))}
        label="Parameters"
        reviewLabel="Review changes"
        apply={{
          title: 'Apply changes',
          label: 'Apply',
          restartNote: 'Takes effect after a restart.',
          onApply: async (values) => {
            await props.onApply(values);
            staged.discard();
          },
        }}
      />
    </>
  );
}

const input = (name: string) => screen.getByRole('textbox', { name: `Value of ${name}` });

/** Replaces a value the way a paste does: one change, not one render per key. */
async function fill(user: ReturnType<typeof renderWithBff>['user'], name: string, text: string) {
  await user.clear(input(name));
  if (text) {
    await user.click(input(name));
    await user.paste(text);
  }
}
const select = (name: string) => screen.getByRole('combobox', { name: `Value of ${name}` });

// Every keystroke redraws the list under jsdom: give the longer journeys room on a busy machine.
describe('staged parameter editing', { timeout: 20_000 }, () => {
  it('checks each value against its type and range as it is typed, before anything is sent', async () => {
    const onApply = vi.fn(async () => {});
    const { user } = renderWithBff(<Harness onApply={onApply} />, fakeBff());
    await fill(user, 'max_connections', 'lots');
    expect(await screen.findByText('Must be a whole number.')).toBeInTheDocument();
    expect(input('max_connections')).toHaveAttribute('aria-invalid', 'true');
    await fill(user, 'max_connections', '5');
    expect(screen.getByText('Must be at least 10.')).toBeInTheDocument();
    await fill(user, 'checkpoint_completion_target', '1.5');
    expect(screen.getByText('Must be at most 1.')).toBeInTheDocument();
    await fill(user, 'behavior_compat_options', 'display_leading_zero,nope');
    expect(screen.getByText(/"nope" is not an option/)).toBeInTheDocument();
    const bar = screen.getByRole('region', { name: 'Staged changes' });
    expect(bar).toHaveTextContent('3 values break their rule');
    expect(within(bar).getByRole('button', { name: 'Review changes' })).toBeDisabled();
    expect(onApply).not.toHaveBeenCalled();
  });

  it('shows the diff with the restart flag, sends the normalised values together, and clears', async () => {
    const onApply = vi.fn(async () => {});
    const { user } = renderWithBff(<Harness onApply={onApply} />, fakeBff());
    await fill(user, 'max_connections', '6000');
    await user.selectOptions(select('enable_seqscan'), 'off');
    await user.selectOptions(select('log_statement'), 'ddl');
    const bar = screen.getByRole('region', { name: 'Staged changes' });
    expect(bar).toHaveTextContent('3 changes staged');
    expect(bar).toHaveTextContent('1 needs a restart');
    await user.click(within(bar).getByRole('button', { name: 'Review changes' }));
    const dialog = await screen.findByRole('dialog');
    const row = within(dialog).getByRole('row', { name: /max_connections/ });
    expect(row).toHaveTextContent('5000');
    expect(row).toHaveTextContent('6000');
    expect(row).toHaveTextContent('Restart needed');
    expect(within(dialog).getByRole('row', { name: /enable_seqscan/ })).toHaveTextContent('No');
    expect(dialog).toHaveTextContent('Takes effect after a restart.');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalledWith({
      max_connections: '6000',
      enable_seqscan: 'off',
      log_statement: 'ddl',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Staged changes' })).not.toBeInTheDocument();
  });

  it('keeps the focus in the value being typed, key after key', async () => {
    const { user } = renderWithBff(<Harness onApply={vi.fn()} />, fakeBff());
    const field = input('session_timeout');
    await user.clear(field);
    await user.type(field, '1200');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('1200');
    expect(screen.getByRole('region', { name: 'Staged changes' })).toHaveTextContent('1 change staged');
  });

  it('discards every staged edit, and typing the current value back un-stages it', async () => {
    const { user } = renderWithBff(<Harness onApply={vi.fn()} />, fakeBff());
    await fill(user, 'session_timeout', '1200');
    await user.selectOptions(select('log_statement'), 'all');
    expect(screen.getByRole('region', { name: 'Staged changes' })).toHaveTextContent('2 changes staged');
    await fill(user, 'session_timeout', '900');
    expect(screen.getByRole('region', { name: 'Staged changes' })).toHaveTextContent('1 change staged');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('region', { name: 'Staged changes' })).not.toBeInTheDocument();
    expect(select('log_statement')).toHaveValue('none');
  });

  it('marks the parameter the server refused, with its DBS code, and keeps the edits', async () => {
    const onApply = vi.fn(async () => {
      throw new BffError(
        400,
        'DBS.280271',
        'values.session_timeout: "86000" is out of range; it must lie in 0-3600',
        'req-1',
      );
    });
    const { user } = renderWithBff(<Harness onApply={onApply} />, fakeBff());
    await fill(user, 'session_timeout', '86000');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('DBS.280271');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(input('session_timeout')).toHaveAccessibleDescription(/DBS\.280271.*out of range/);
    expect(input('session_timeout')).toHaveValue('86000');
  });

  it('filters by name, by modified value and by restart, and never offers a read-only value', async () => {
    const { user } = renderWithBff(<Harness onApply={vi.fn()} />, fakeBff());
    expect(screen.queryByRole('combobox', { name: 'Value of ssl' })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: /ssl/ })).toHaveTextContent('read-only');
    await user.click(screen.getByRole('checkbox', { name: 'Modified only' }));
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('row', { name: /session_timeout/ })).toHaveTextContent('Modified');
    await user.click(screen.getByRole('checkbox', { name: 'Modified only' }));
    await user.click(screen.getByRole('checkbox', { name: 'Needs restart' }));
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('Parameter'),
      expect.stringContaining('max_connections'),
      expect.stringContaining('ssl'),
    ]);
  });

  it('offers no default column and no "modified only" filter for a list without defaults (a tenant\'s)', () => {
    const tenantParams = PARAMS.map(({ defaultValue: _default, ...p }) => p);
    renderWithBff(<Harness onApply={vi.fn()} parameters={tenantParams} />, fakeBff());
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('Default');
    expect(screen.queryByRole('checkbox', { name: 'Modified only' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Needs restart' })).toBeInTheDocument();
  });

  it('asks before leaving the page with staged edits', async () => {
    const { user, router } = renderWithBff(<Harness onApply={vi.fn()} />, fakeBff());
    await fill(user, 'session_timeout', '1200');
    await user.click(screen.getByRole('link', { name: 'Go elsewhere' }));
    const ask = await screen.findByRole('dialog', { name: 'Leave without applying?' });
    expect(ask).toHaveTextContent('1 staged change has not been sent');
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(router.state.location.pathname).toBe('/p/demo');
    await user.click(screen.getByRole('link', { name: 'Go elsewhere' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave and discard' }),
    );
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  });

  it('shows values as text when nothing may be edited', () => {
    renderWithBff(<Harness onApply={vi.fn()} readOnly />, fakeBff());
    expect(screen.queryByRole('textbox', { name: /^Value of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /^Value of/ })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: /max_connections/ })).toHaveTextContent('5000');
  });
});
