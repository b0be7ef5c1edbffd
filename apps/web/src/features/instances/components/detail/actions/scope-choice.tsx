import { useTranslation } from 'react-i18next';

export type NodeScope = 'nodes' | 'whole';

/** "Chosen nodes" or "the whole instance" (`node_ids: []`, 4.4.18/4.4.19). */
export function ScopeChoice({ name, value, onChange, verb }: { name: string; value: NodeScope; onChange: (v: NodeScope) => void; verb: 'start' | 'stop' }) {
  const { t } = useTranslation();
  return (
    <fieldset className="mb-3">
      <legend className="mb-1 text-sm font-medium">{t('instanceActions.nodes.scope')}</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {(['nodes', 'whole'] as const).map((s) => (
          <label key={s} className="flex items-center gap-1.5">
            <input type="radio" name={name} checked={value === s} onChange={() => onChange(s)} />
            {t(`instanceActions.nodes.${verb}.${s}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
