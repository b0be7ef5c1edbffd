import { GaussDbApiError, GaussDbTimeoutError, GaussDbTransportError } from '@gaussdb-console/api-client';

/**
 * Whether a failed call that may change something reached the upstream in a way that could have changed
 * it (issue #14, item 3). The reference offers no idempotency key, so a call whose answer never arrived
 * cannot be repeated safely and cannot be called failed either: its outcome is unknown.
 */

/** Failures before the request could reach the service: nothing was sent, so nothing was applied. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The network code under a fetch failure (`fetch failed` → cause → `{ code }`). */
function networkCode(e: GaussDbTransportError): string | undefined {
  let cause: unknown = e.cause;
  for (let depth = 0; depth < 4 && cause && typeof cause === 'object'; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * True when the call may have been applied although no answer says so: the upstream did not answer in
 * time, a gateway timed out waiting for it (504), or the connection broke after the request was sent.
 * Failures of the IAM token call happen before the operation is sent, so they are known failures.
 */
export function isOutcomeUnknown(e: unknown): boolean {
  if (e instanceof GaussDbTimeoutError) return e.operationId !== 'createIamToken';
  if (e instanceof GaussDbApiError) return e.status === 504 && e.operationId !== 'createIamToken';
  if (e instanceof GaussDbTransportError) {
    if (e.operationId === 'createIamToken') return false;
    const code = networkCode(e);
    return code === undefined || !NOT_SENT.has(code);
  }
  return false;
}
