import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import { addHandoffNote, ZAddHandoffNoteInput } from '../case-notes.js';

builder.prismaNode('HandoffNote', {
  id: { field: 'id' },
  description:
    'A structured handoff note: the fields a policy requires (reason, steps taken, offers made, help needed…)',
  fields: (t) => ({
    fields: t.expose('fields', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.relation('author', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'handoffNotes', (t) =>
  t.relation('handoffNotes', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
);

const AddHandoffNoteInput = builder.inputType('AddHandoffNoteInput', {
  fields: (t) => ({
    fields: t.field({ type: 'JSON', required: true, description: 'note fields by name, e.g. { reason, stepsTaken }' }),
    idempotencyKey: t.string(),
  }),
});

const AddHandoffNotePayload = builder.objectRef<{ noteId: string }>('AddHandoffNotePayload').implement({
  fields: (t) => ({
    note: t.prismaField({
      type: 'HandoffNote',
      resolve: (query, result, _args, context) =>
        context.db.handoffNote.findUniqueOrThrow({ ...query, where: { id: result.noteId } }),
    }),
  }),
});

builder.mutationField('addHandoffNote', (t) =>
  t.field({
    type: AddHandoffNotePayload,
    errors: {},
    description: 'Adds a handoff note to a case; a later queue change counts it (TON-4)',
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: AddHandoffNoteInput, required: true }) },
    resolve: (_root, args, context) =>
      addHandoffNote(context, String(args.caseId), parseInput(ZAddHandoffNoteInput, args.input)),
  }),
);
