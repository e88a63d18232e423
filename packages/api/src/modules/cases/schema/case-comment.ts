import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { addComment, ZAddCommentInput } from '../case-updates.js';

const CommentKindEnum = builder.enumType('CommentKind', {
  values: ['COMMENT', 'FINAL', 'SYSTEM'] as const,
  description: 'FINAL comments are the record kept on the case (e.g. a CIN-4 callback exception)',
});

builder.prismaNode('CaseComment', {
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.field({ type: CommentKindEnum, resolve: (row) => row.kind as 'COMMENT' | 'FINAL' | 'SYSTEM' }),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.relation('author', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'comments', (t) =>
  t.relatedConnection('comments', {
    cursor: 'id',
    defaultSize: 50,
    maxSize: 100,
    query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  }),
);

const AddCommentInput = builder.inputType('AddCommentInput', {
  fields: (t) => ({
    body: t.string({ required: true }),
    kind: t.field({ type: CommentKindEnum, description: 'COMMENT (default) or FINAL' }),
    callbackException: t.boolean({
      description: 'a Tier 1 supervisor grants a callback exception, recorded in this FINAL comment (CIN-4)',
    }),
    expectedVersion: t.int({ description: 'required with callbackException, which flags the case' }),
    idempotencyKey: t.string(),
  }),
});

const AddCommentPayload = builder.objectRef<{ commentId: string }>('AddCommentPayload').implement({
  fields: (t) => ({
    comment: t.prismaField({
      type: 'CaseComment',
      resolve: (query, result, _args, context) =>
        context.db.caseComment.findUniqueOrThrow({ ...query, where: { id: result.commentId } }),
    }),
  }),
});

builder.mutationField('addComment', (t) =>
  t.field({
    type: AddCommentPayload,
    errors: {},
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: AddCommentInput, required: true }) },
    resolve: (_root, args, context) =>
      addComment(context, String(args.caseId), parseInput(ZAddCommentInput, args.input)),
  }),
);
