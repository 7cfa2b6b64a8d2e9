/**
 * A file as casework's upload receiver hands it over (streamed into a temporary file, type found from
 * the content), for service tests of the modules that store uploads.
 */
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spoolUpload } from '../../src/modules/casework/index.js';

export async function spooledFile(content: Buffer | string, filename: string | null, maxBytes = 20 * 1024 * 1024) {
  const file = await spoolUpload(Readable.from([Buffer.from(content)]), maxBytes, path.join(os.tmpdir(), 'palermo-test-uploads'));
  return { ...file, filename };
}
