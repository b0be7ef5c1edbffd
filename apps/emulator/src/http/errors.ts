import errorCodeRows from './error-codes.json' with { type: 'json' };

/** One row of the reference's error-code table (§6.3), copied from the shared reference at build time. */
interface ErrorCodeRow {
  status: number;
  code: string;
  message_en: string;
  message_zh: string;
}

// Imported (with the attribute plain Node and Playwright's loader need), so the table travels inside the compiled
// bundle (scripts/build-server.mjs) as it does under tsx and vitest.
const rows = errorCodeRows as ErrorCodeRow[];
const byCode = new Map(rows.map((r) => [r.code, r]));

export type Language = 'en-us' | 'zh-cn';

export function languageOf(header: string | string[] | undefined): Language {
  const v = (Array.isArray(header) ? header[0] : header)?.toLowerCase() ?? '';
  return v.startsWith('zh') ? 'zh-cn' : 'en-us';
}

/** The reference's message for `code` in `language`, or undefined for codes outside the table. */
export function codeMessage(code: string, language: Language): string | undefined {
  const row = byCode.get(code);
  if (!row) return undefined;
  return language === 'zh-cn' ? row.message_zh.replace(/\s+/g, '') : row.message_en;
}

export function isKnownCode(code: string): boolean {
  return byCode.has(code);
}

/**
 * An error the API answers with `{ error_code, error_msg }`. `detail` is the English explanation a caller
 * can act on; Chinese callers get the reference's message for the code (plus `field` when known).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string,
    readonly field?: string,
  ) {
    super(detail ?? codeMessage(code, 'en-us') ?? code);
    this.name = 'ApiError';
  }

  messageFor(language: Language): string {
    if (language === 'zh-cn') {
      const zh = codeMessage(this.code, 'zh-cn');
      if (zh) return this.field ? `${zh}（${this.field}）` : zh;
    }
    return this.detail ?? codeMessage(this.code, 'en-us') ?? this.code;
  }

  body(language: Language): { error_code: string; error_msg: string } {
    return { error_code: this.code, error_msg: this.messageFor(language) };
  }
}

/** Shorthands for the errors every area raises. */
export const errors = {
  badRequest: (code: string, detail?: string, field?: string) => new ApiError(400, code, detail, field),
  instanceNotFound: (id: string) => new ApiError(404, 'DBS.200002', `The DB instance does not exist: ${id}`),
  notAllowedInStatus: (status: string, action: string) =>
    new ApiError(
      400,
      'DBS.200086',
      `This operation (${action}) is not allowed by the DB instance status ${status}.`,
    ),
  busy: (status: string, action: string) =>
    new ApiError(
      409,
      'DBS.200011',
      `Another operation is being performed on the DB instance (status ${status}); ${action} is not possible now.`,
    ),
  jobNotFound: (id: string) => new ApiError(400, 'DBS.200543', `The job does not exist: ${id}`),
  quotaExceeded: (quota: number) =>
    new ApiError(413, 'DBS.200046', `The number of DB instances has reached the quota (${quota}).`),
};
