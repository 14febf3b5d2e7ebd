import { z } from 'zod';

/** Every error the API returns has this shape; `message` is Norwegian unless English was asked for. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Field-level problems in a 400 answer: `path` is the dotted field path ("roles.0.unitId"). */
export const ValidationIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });

/** ISO 8601 timestamp in UTC as sent over the wire. */
export const Timestamp = z.iso.datetime({ offset: true });

export const Language = z.enum(['nb', 'en']);
export type Language = z.infer<typeof Language>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
