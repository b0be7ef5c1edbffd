import { z } from 'zod';

/**
 * Tolerant building blocks for RESPONSE schemas. The reference sends numbers as strings in places
 * (`"size": "120"`) and the service adds fields over time: coerce what is safely coercible, keep unknown
 * fields, and accept null where the service omits a value.
 */

const toNumber = (v: unknown): unknown => {
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
};

/** A number that may arrive as a numeric string. */
export const num = () => z.preprocess(toNumber, z.number());
/** An integer that may arrive as a numeric string. */
export const int = () => z.preprocess(toNumber, z.number().int());
/** A string that may arrive as a number (ports, ids, sizes in some examples). */
export const str = () =>
  z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string());
/** A boolean that may arrive as "true"/"false". */
export const bool = () => z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** Optional and nullable: a response field the service may omit or null. */
export const opt = <T extends z.ZodType>(s: T) => s.nullish();

/** An object that keeps unknown fields (responses). */
export const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape);

/** An array that tolerates `null` for "none". */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null ? [] : v), z.array(item));

/** A job acceptance: most asynchronous calls answer `{ job_id }`, prepaid ones add `order_id`. */
export const jobAccepted = () =>
  obj({
    job_id: opt(str()),
    order_id: opt(str()),
  });
