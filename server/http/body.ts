// Reading request bodies at the edge: size first (Content-Length or, for chunked bodies, counted
// as the stream arrives), then type, then parse — each failure a 4xx of its own.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';
import { checkParsedJson, nulRefused } from './json-checks.ts';

/**
 * Refuses bodies over `maxSize` with 413. A body with Content-Length is judged by its header
 * alone, so the runtime can still hand it over in one piece; only chunked bodies are counted as
 * they stream in (Hono's bodyLimit, which materialises a web stream for every request, costs a
 * third of the hot path's throughput when used for all of them).
 */
export function publicBodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ApiError(413, 'payload_too_large', `request body is larger than ${maxSize} bytes`);
  };
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxSize ? tooLarge() : next();
    }
    return counted(c, next);
  };
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function readJson(c: Context): Promise<unknown> {
  if (mediaType(c) !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'the body must be JSON (Content-Type: application/json)');
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
  checkParsedJson(value, text);
  return value;
}

/** An upload (multipart/form-data) as FormData, its files included; 400 when it cannot be read. */
export async function multipartForm(c: Context): Promise<FormData> {
  try {
    return await c.req.formData();
  } catch {
    throw new ApiError(400, 'invalid_form', 'the upload could not be read as multipart/form-data');
  }
}

/** A urlencoded or multipart form as name → value(s); files are refused, not silently dropped. */
export async function readForm(c: Context): Promise<Record<string, string | string[]>> {
  const type = mediaType(c);
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    throw new ApiError(415, 'unsupported_media_type', 'the body must be a form');
  }
  let data: FormData;
  try {
    data = await c.req.formData();
  } catch {
    throw new ApiError(400, 'invalid_form', 'the form body could not be read');
  }
  const form: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') throw new ApiError(422, 'invalid_form', `${name}: files are not accepted`, [{ field: name, code: 'invalid_type', message: `${name}: files are not accepted` }]);
    // As in JSON bodies (json-checks.ts); a form's decoding already replaces broken Unicode.
    if (value.includes('\0') || name.includes('\0')) throw nulRefused('invalid_form', name.replaceAll('\0', ''));
    const prev = form[name];
    form[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return form;
}
