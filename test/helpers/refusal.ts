/** How a service call was refused: its HTTP status and the fields it named (200 and none when it was not). */
import { AppError } from '../../src/platform/http/errors.js';

export async function refusalOf(p: Promise<unknown>): Promise<{ status: number; fields: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, fields: (e.issues ?? []).map((i) => i.field) };
    throw e;
  }
  return { status: 200, fields: [] };
}
