/** Instance and project tags (4.11.1–4.11.5). Loaded for its side effects from src/domain/index.ts. */
import './handlers';
