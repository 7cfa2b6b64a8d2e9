import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { AppError, ForbiddenError, ValidationError } from './errors.js';
import { readText, uploadReadError, UploadTooLargeError } from './multipart.js';

describe('upload errors', () => {
  const opts = { maxBytes: 2 * 1024 * 1024, fileField: 'attachment', setting: 'X_MAX_MB', advice: 'use the command line' };

  it('turns the parser limit into a 413 naming the field, the setting and the advice', () => {
    const err = uploadReadError(Object.assign(new Error('limit'), { code: 'FST_REQ_FILE_TOO_LARGE' }), opts);
    assert.ok(err instanceof UploadTooLargeError);
    assert.equal(err.status, 413);
    assert.equal(err.message, 'The file is larger than the limit of 2 MB (X_MAX_MB): use the command line');
    assert.deepEqual(err.issues, [{ field: 'attachment', message: 'larger than 2 MB' }]);
  });

  it("keeps the client's own errors (a 403 stays a 403) and makes anything else a 400 naming the file field", () => {
    const forbidden = new ForbiddenError();
    assert.equal(uploadReadError(forbidden, opts), forbidden);
    const parserError = Object.assign(new Error('Multipart: Boundary not found'), { statusCode: 400 });
    assert.equal(uploadReadError(parserError, opts), parserError);
    const other = uploadReadError(new Error('Unexpected end of form'), opts);
    assert.ok(other instanceof ValidationError);
    assert.deepEqual((other as AppError).issues, [{ field: 'attachment', message: 'the upload could not be read (Unexpected end of form)' }]);
  });
});

describe('readText', () => {
  it('reads a file part split anywhere inside a character as UTF-8', async () => {
    const bytes = Buffer.from('Convention des Nations Unies — اتفاقية — 公约', 'utf8');
    const chunks = [bytes.subarray(0, 29), bytes.subarray(29, 31), bytes.subarray(31)];
    assert.equal(await readText(Readable.from(chunks)), 'Convention des Nations Unies — اتفاقية — 公约');
  });
});
