import { randomBytes } from 'node:crypto';
import { defineCollection } from '../store/collection';

/** An issued IAM token. The token string itself is the id (opaque, random). */
export interface TokenDoc {
  id: string;
  /** The project the token is scoped to. */
  project_id: string;
  user: string;
  issued_at: number;
  expires_at: number;
  revoked: boolean;
}

export const tokensCollection = defineCollection<TokenDoc>({
  name: 'tokens',
  columns: {
    expires_at: { type: 'INTEGER', get: (t) => t.expires_at },
  },
});

/** Opaque, unguessable, shaped like a real one (`MII…`), url-safe. */
export function newTokenString(): string {
  return `MIIemu${randomBytes(48).toString('base64url')}`;
}
