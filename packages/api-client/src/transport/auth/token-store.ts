/** A cached upstream token. */
export interface StoredToken {
  token: string;
  /** Epoch ms when the service stops accepting the token. */
  expiresAt: number;
}

/**
 * Where IAM tokens are kept between calls. The default lives in memory; the BFF can pass one backed by Redis
 * so all its replicas share one token. Methods may be sync or async.
 */
export interface TokenStore {
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(key: string, token: string, expiresAt: number): void | Promise<void>;
  /** Forgets a token the service refused (optional: without it a refused token is simply overwritten). */
  delete?(key: string): void | Promise<void>;
}

export class InMemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, StoredToken>();
  get(key: string): StoredToken | undefined {
    return this.entries.get(key);
  }
  set(key: string, token: string, expiresAt: number): void {
    this.entries.set(key, { token, expiresAt });
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}
