import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import { recordAudit } from './audit.js';
import { AppError, ValidationError } from './errors.js';
import { languageFrom, translate, type MessageCode } from './messages.js';
import { AccessDenied } from './policy.js';
import { describeIssues, translateFieldIssues } from './validation.js';

interface ErrorAnswer {
  status: number;
  code: MessageCode;
  params?: Record<string, string | number>;
  details?: unknown;
}

// PostgreSQL error classes that mean "the input was wrong", as a safety net behind validation.
const PG_BAD_INPUT = new Set(['22P02', '22001', '22003', '22007', '22008', '22021', '2201B', '22023', '22012', '54000', '23514', '23502']);
const PG_CONFLICT = new Set(['23505', '23503', '40001', '40P01']);

function fastifyAnswer(error: FastifyError): ErrorAnswer | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_json' };
    default:
      break;
  }
  if (error instanceof SyntaxError) return { status: 400, code: 'invalid_json' };
  if (error.statusCode === 429) return { status: 429, code: 'rate_limited' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { status: error.statusCode, code: 'bad_request' };
  if (typeof error.code === 'string' && PG_BAD_INPUT.has(error.code)) return { status: 400, code: 'bad_request' };
  if (typeof error.code === 'string' && PG_CONFLICT.has(error.code)) return { status: 409, code: 'conflict' };
  return null;
}

/** Answers every error as `{ error: { code, message, details } }`; only real bugs answer 500. */
export function makeErrorHandler(database: DatabaseHandle) {
  return async function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
    const lang = languageFrom(req.headers['accept-language']);
    let answer: ErrorAnswer;
    if (error instanceof ValidationError) {
      answer = { status: 400, code: 'validation_failed', details: describeIssues(error, lang) };
    } else if (error instanceof AppError) {
      answer = { status: error.statusCode, code: error.code, params: error.params, details: translateFieldIssues(error.details, lang) };
      if (error instanceof AccessDenied || error.code === 'csrf_invalid') await recordDenial(database, req, error);
    } else {
      answer = fastifyAnswer(error) ?? { status: 500, code: 'internal_error' };
    }
    if (answer.status >= 500) req.log.error({ err: error }, 'request failed');
    reply.code(answer.status);
    if (answer.status === 429 && error instanceof AppError && error.params.minutes) {
      reply.header('retry-after', String(Number(error.params.minutes) * 60));
    }
    return {
      error: {
        code: answer.code,
        message: translate(lang, answer.code, answer.params),
        ...(answer.details !== undefined ? { details: answer.details } : {}),
      },
    };
  };
}

/** Failed authorisations go to the audit log too, in a transaction of their own. */
async function recordDenial(database: DatabaseHandle, req: FastifyRequest, error: AppError): Promise<void> {
  const ctx = req.rusfagContext;
  try {
    await recordAudit(
      database.db,
      { actorUserId: ctx?.actor?.userId ?? req.rusfagSession?.userId ?? null, requestId: req.id, ip: req.ip },
      {
        action: error instanceof AccessDenied ? error.action : 'csrf',
        outcome: 'denied',
        details: { method: req.method, route: req.routeOptions?.url ?? null, status: error.statusCode },
      },
    );
  } catch (auditError) {
    req.log.error({ err: auditError }, 'could not write denial to audit log');
  }
}
