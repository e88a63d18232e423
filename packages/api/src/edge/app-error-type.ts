import { AppError, ERROR_CODES } from '../errors/app-error.js';
import { builder } from './builder.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: ERROR_CODES });

const FieldProblemRef = builder.objectRef<{ path: string; message: string }>('FieldProblem').implement({
  description: 'One invalid input field and the rule it broke',
  fields: (t) => ({
    path: t.exposeString('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(AppError, {
  name: 'AppError',
  description: 'An expected failure: nothing was changed. `code` says what kind, `rule` which requirement.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
    message: t.exposeString('message'),
    rule: t.exposeString('rule', { nullable: true }),
    fields: t.field({ type: [FieldProblemRef], resolve: (error) => error.fields }),
    details: t.field({ type: 'JSON', nullable: true, resolve: (error) => error.details }),
  }),
});
