import type { ValidationIssue } from '@rusfag/core';
import type { z } from 'zod';
import type { MessageCode } from './messages.js';

/**
 * An error meant for the client: an HTTP status, a stable code (which is also the message key)
 * and optional details. Anything else that is thrown is a bug and answers 500.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageCode,
    readonly details?: unknown,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = (code: 'unauthenticated' | 'session_expired' = 'unauthenticated') =>
  new AppError(401, code);
export const conflict = (code: MessageCode = 'conflict', details?: unknown) => new AppError(409, code, details);

/** A 400 that points at one field, for rules zod cannot see (uniqueness, scope, password policy). */
export const fieldError = (path: string, code: MessageCode, statusCode = 400) =>
  new AppError(statusCode, 'validation_failed', [{ path, message: code }]);

/** Raised by request validation; the error handler translates each issue. */
export class ValidationError extends AppError {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly location: 'body' | 'query' | 'params',
  ) {
    super(400, 'validation_failed');
    this.name = 'ValidationError';
  }
}

export type { ValidationIssue };
