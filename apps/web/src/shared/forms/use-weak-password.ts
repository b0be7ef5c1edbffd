import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callOperation } from '../api/operations';

export type WeakCheck = 'idle' | 'checking' | 'weak' | 'ok' | 'unavailable';

const DEBOUNCE_MS = 400;

/**
 * Asks the service (4.4.14) whether the password is a known weak one, once the user pauses typing and
 * the password could pass the length rule at all. The answer is kept only for the password it was about.
 * A mutation rather than a query: the password must not end up in a query key (the cache, devtools); the
 * call has no side effect, so it may repeat as the user types.
 */
export function useWeakPasswordCheck(
  project: string,
  password: string,
  lengths: { min: number; max: number } = { min: 8, max: 32 },
): WeakCheck {
  const { mutateAsync } = useMutation({
    mutationFn: (pw: string) => callOperation('checkWeakPassword', project, { body: { password: pw } }),
  });
  const [result, setResult] = useState<{ password: string; check: WeakCheck }>({
    password: '',
    check: 'idle',
  });
  const eligible = password.length >= lengths.min && password.length <= lengths.max;

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
