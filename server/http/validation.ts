// Turns zod's issues into kintone's `errors` map: keys name the parameter the way kintone does
// (`users[0].email`), messages are kintone's sentences.
import type { z } from 'zod';
import { FIELD_MESSAGES, type FieldMessageKey } from '../../common/errors.js';
import { AppError, type FieldProblem } from '../domain/app-error.js';

export function pathKey(path: readonly PropertyKey[]): string {
  let key = '';
  for (const part of path) {
    if (typeof part === 'number') key += `[${part}]`;
    else key += key ? `.${String(part)}` : String(part);
  }
  return key;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function problemOf(issue: z.core.$ZodIssue, data: unknown): FieldProblem {
  if (issue.message in FIELD_MESSAGES) return { key: issue.message as FieldMessageKey };
  // A parameter that is simply missing is "Required field." whatever its schema.
  if (issue.path.length > 0 && valueAt(data, issue.path) === undefined && issue.code !== 'unrecognized_keys') return { key: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(data, issue.path) === undefined || valueAt(data, issue.path) === null
        ? { key: 'required' }
        : { key: issue.expected === 'number' ? 'notNumber' : 'invalid' };
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooLong', params: { n: n + 1 } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooMany', params: { n } };
      return { key: 'max', params: { n } };
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? { key: 'required' } : { key: 'tooShort', params: { n: n - 1 } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooFew', params: { n } };
      return { key: 'min', params: { n } };
    }
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'email' : 'invalid' };
    case 'invalid_value':
      return { key: 'oneOf', params: { value: String(valueAt(data, issue.path) ?? '').slice(0, 100) } };
    case 'unrecognized_keys':
      return { key: 'unknownKey' };
    default:
      return { key: 'invalid' };
  }
}

/** Parses `data` or throws CB_VA01 naming every offending parameter. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors: Record<string, FieldProblem[]> = {};
  for (const issue of result.error.issues.slice(0, 100)) {
    const keys =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => pathKey([...issue.path, k])) : [pathKey(issue.path)];
    for (const key of keys) {
      const list = (errors[key || '(body)'] ??= []);
      const p = problemOf(issue, data);
      if (!list.some((x) => x.key === p.key)) list.push(p);
    }
  }
  throw new AppError('CB_VA01', { errors });
}
