import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A monospace id with a copy button (ids are long; DBAs paste them into tickets and gsql). */
export function CopyId({ value, short = false }: { value: string; short?: boolean }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-1 font-mono text-xs text-slate-500 dark:text-slate-400">
      <span title={value}>
        {short && value.length > 14 ? `${value.slice(0, 8)}…${value.slice(-4)}` : value}
      </span>
      <button
        type="button"
        className="rounded p-0.5 hover:bg-slate-200 dark:hover:bg-slate-700"
        aria-label={copied ? t('common.copied') : `${t('common.copy')} ${value}`}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          });
        }}
      >
        {copied ? <Check className="size-3" aria-hidden /> : <Copy className="size-3" aria-hidden />}
      </button>
    </span>
  );
}
