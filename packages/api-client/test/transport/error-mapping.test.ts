import { describe, expect, it } from 'vitest';
import { errorMappingStep, parseErrorBody, toApiError } from '../../src/transport/error-mapping';
import { GaussDbApiError, GaussDbError } from '../../src/transport/errors';
import { getThing, request, response } from './fixtures';

describe('error mapping', () => {
  it('reads the reference error body {error_code, error_msg} and the X-Request-Id header', async () => {
    const step = errorMappingStep(async () =>
      response(
        404,
        { error_code: 'DBS.200823', error_msg: 'The instance does not exist.' },
        { 'X-Request-Id': 'req-42' },
      ),
    );
    const error = await step(request(getThing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbApiError);
    expect(error).toBeInstanceOf(GaussDbError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'DBS.200823',
      errorMsg: 'The instance does not exist.',
      requestId: 'req-42',
      operationId: 'getThing',
    });
    expect((error as Error).message).toBe(
      'getThing: HTTP 404 DBS.200823: The instance does not exist. (request id req-42)',
    );
  });

  it('tolerates the gateway spelling {error: {code, message}}', () => {
    expect(
      parseErrorBody(
        JSON.stringify({
          error: { code: 'APIGW.0301', message: 'Incorrect IAM authentication information' },
        }),
      ),
    ).toEqual({
      errorCode: 'APIGW.0301',
      errorMsg: 'Incorrect IAM authentication information',
    });
  });

  it('keeps a plain-text body as the message and has no code', () => {
    const error = toApiError('getThing', response(502, '<html>Bad Gateway</html>'));
    expect(error.errorCode).toBeUndefined();
    expect(error.errorMsg).toBe('<html>Bad Gateway</html>');
  });

  it('says the body was empty when it was', () => {
    expect(toApiError('getThing', response(503, '')).errorMsg).toBe('HTTP 503 with an empty body');
  });

  it('passes every 2xx answer through untouched', async () => {
    const ok = response(202, { job_id: 'j' });
    await expect(errorMappingStep(async () => ok)(request(getThing))).resolves.toBe(ok);
  });

  it('keeps Retry-After for the retry step', () => {
    expect(toApiError('getThing', response(429, '', { 'Retry-After': '7' })).retryAfter).toBe('7');
  });
});
