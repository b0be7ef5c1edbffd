import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router';
import { prefetchSession } from './app/prefetch-session';
import { Providers } from './app/providers';
import { i18n, initI18n } from './shared/lib/i18n';
import { applyTheme, storedTheme } from './shared/lib/theme';
import { makeZodJitless } from './shared/lib/zod-jitless';
import './styles.css';

makeZodJitless();
applyTheme(storedTheme());
prefetchSession();
await initI18n();
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// The first render (the shell and the page) in a transition: React renders it in slices of a few milliseconds and
// lets the browser paint and take input in between, instead of one long task (docs/performance.md, Lighthouse).
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
