import type { DomainErrorCode } from '@/lib/errors';
import { PROBLEM_RULES, type Problem } from '@/lib/inventory/problems';
import type { DocumentModule } from './types';

/** Zoho's record- and row-level codes for the lib's error codes: the records API and the importer answer alike. */
export const ZOHO_CODES: Record<DomainErrorCode, string> = {
  UNAUTHENTICATED: 'AUTHENTICATION_FAILURE',
  FORBIDDEN: 'NO_PERMISSION',
  NOT_FOUND: 'RESOURCE_NOT_FOUND',
  INVALID_DATA: 'INVALID_DATA',
  DUPLICATE_DATA: 'DUPLICATE_DATA',
  CONFLICT: 'CANNOT_PROCESS',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  MANDATORY_NOT_FOUND: 'MANDATORY_NOT_FOUND',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
};

/** A broken stock or serial rule in Zoho's words: its code, and the line field (API name) it points at. */
export function toZoho(problem: Problem, module: DocumentModule): { code: string; field: string } {
  const rule = PROBLEM_RULES[problem.code];
  const field = module.lineFields.find((f) => f.key === rule.key)!;
  return { code: ZOHO_CODES[rule.error], field: field.apiName };
}
