import type { Language, ValidationIssue } from '@rusfag/core';
import type { z } from 'zod';
import { ValidationError } from './errors.js';
import { isMessageCode, translate, type MessageCode } from './messages.js';

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  location: ValidationError['location'],
): z.output<S> {
  // reportInput: the issue carries the offending value, so a missing field can be told from a
  // wrong type. Issues are translated, never logged.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new ValidationError(result.error.issues, location);
  return result.data;
}

function issueMessage(issue: z.core.$ZodIssue, lang: Language): string {
  if (isMessageCode(issue.message)) return translate(lang, issue.message);
  const t = (code: MessageCode, params?: Record<string, string | number>) => translate(lang, code, params);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? t('field_required') : t('field_invalid_type', { expected: issue.expected });
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? t('field_required') : t('field_too_short', { minimum });
      if (issue.origin === 'array' || issue.origin === 'set') return t('field_too_few', { minimum });
      return t('field_too_small', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('field_too_long', { maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return t('field_too_many', { maximum });
      return t('field_too_big', { maximum });
    }
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return t('field_invalid_uuid');
      if (issue.format === 'email') return t('field_invalid_email');
      if (issue.format === 'date' || issue.format === 'datetime') return t('field_invalid_date');
      return t('field_invalid_format');
    case 'invalid_value':
      return t('field_invalid_value', { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t('field_unrecognized_keys', { keys: issue.keys.join(', ') });
    default:
      return t('field_invalid');
  }
}

/** Zod issues as `{ path, message }` in the asked language; the path names the field ("roles.0.unitId"). */
export function describeIssues(error: ValidationError, lang: Language): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || error.location,
    message: issueMessage(issue, lang),
  }));
}

/** Field errors raised by services carry a message code as their message: translate those. */
export function translateFieldIssues(details: unknown, lang: Language): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((entry: unknown) => {
    if (entry && typeof entry === 'object' && 'message' in entry && typeof entry.message === 'string') {
      const message = entry.message;
      return { ...entry, message: isMessageCode(message) ? translate(lang, message) : message };
    }
    return entry;
  });
}
