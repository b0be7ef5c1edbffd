import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../shared/lib/i18n';

// Two cores run four test projects at once: give findBy/waitFor room before they call a wait a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

await initI18n('en');
