import { useEffect, useState } from 'react';
import { useCheckWeakPassword } from '../../api/create/use-check-weak-password';

export type WeakCheck = 'idle' | 'checking' | 'weak' | 'ok' | 'unavailable';

const DEBOUNCE_MS = 400;

/**
 * Asks the service (4.4.14) whether the password is a known weak one, once the user pauses typing and
 * the password could pass the length rule at all. The answer is kept only for the password it was about.
 */
export function useWeakPasswordCheck(project: string, password: string): WeakCheck {
  const { mutateAsync } = useCheckWeakPassword(project);
  const [result, setResult] = useState<{ password: string; check: WeakCheck }>({ password: '', check: 'idle' });
  const eligible = password.length >= 8 && password.length <= 32;

  useEffect(() => {
    if (!eligible) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      setResult({ password, check: 'checking' });
      mutateAsync(password).then(
        (r) => !cancelled && setResult({ password, check: r.is_weak_password ? 'weak' : 'ok' }),
        () => !cancelled && setResult({ password, check: 'unavailable' }),
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, eligible, mutateAsync]);

  if (!eligible) return 'idle';
  return result.password === password ? result.check : 'checking';
}
