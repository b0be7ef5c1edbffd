/**
 * The JSON bytes of an upstream answer, encoded once per answer: identical concurrent reads share one upstream call
 * (Upstream coalesces them) and so one result object, and every one of their responses sends the same bytes
 * instead of serialising the same object again (the profile under load showed JSON.stringify as the largest cost).
 * Results are never changed after they are returned, so the bytes cannot go stale.
 */
const encoded = new WeakMap<object, Buffer>();

export function jsonOnce(value: object): Buffer {
  let bytes = encoded.get(value);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(value), 'utf8');
    encoded.set(value, bytes);
  }
  return bytes;
}
