import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../shared/lib/i18n';

afterEach(() => cleanup());

await initI18n('en');
