import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import {
  addAttachment,
  installerOf,
  shareInstallerInfo,
  ZAddAttachmentInput,
  ZShareInstallerInput,
} from '../case-documents.js';
import type { TInstallerInfo } from '../case-updates.js';

const AttachmentSourceEnum = builder.enumType('AttachmentSource', { values: ['EMAIL', 'UPLOAD', 'AGENT'] as const });

builder.prismaNode('Attachment', {
  id: { field: 'id' },
  description: 'Metadata of a document on a case (SOL-8); the bytes live in the document store',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType'),
    sizeBytes: t.exposeInt('sizeBytes'),
    storageUrl: t.exposeString('storageUrl', { nullable: true }),
    source: t.field({ type: AttachmentSourceEnum, resolve: (row) => row.source as 'EMAIL' | 'UPLOAD' | 'AGENT' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    addedBy: t.relation('addedBy', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'attachments', (t) =>
  t.relation('attachments', { query: { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] } }),
);

const AddAttachmentInput = builder.inputType('AddAttachmentInput', {
  fields: (t) => ({
    caseId: t.id({ description: 'the case; or give customerRef for documents emailed later (SOL-8)' }),
    customerRef: t.string({ description: "attach to this customer's escalated (else latest open) case" }),
    fileName: t.string({ required: true }),
    contentType: t.string({ required: true }),
    sizeBytes: t.int({ required: true }),
    storageUrl: t.string(),
    source: t.field({ type: AttachmentSourceEnum }),
    receivedAt: t.field({ type: 'DateTime' }),
    idempotencyKey: t.string(),
  }),
});

const AddAttachmentPayload = builder
  .objectRef<{ attachmentId: string; caseId: string }>('AddAttachmentPayload')
  .implement({
    fields: (t) => ({
      attachment: t.prismaField({
        type: 'Attachment',
        resolve: (query, result, _args, context) =>
          context.db.attachment.findUniqueOrThrow({ ...query, where: { id: result.attachmentId } }),
      }),
      case: t.prismaField({
        type: 'Case',
        resolve: (query, result, _args, context) =>
          context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
      }),
    }),
  });

builder.mutationField('addAttachment', (t) =>
  t.field({
    type: AddAttachmentPayload,
    errors: {},
    args: { input: t.arg({ type: AddAttachmentInput, required: true }) },
    resolve: (_root, args, context) =>
      addAttachment(
        context,
        parseInput(ZAddAttachmentInput, {
          ...args.input,
          caseId: args.input.caseId ? String(args.input.caseId) : null,
        }),
      ),
  }),
);

const InstallerInfoRef = builder.objectRef<TInstallerInfo>('InstallerInfo').implement({
  description: 'The installer or sales rep, shareable with the customer on request (SOL-6)',
  fields: (t) => ({
    name: t.exposeString('name'),
    company: t.string({ nullable: true, resolve: (info) => info.company ?? null }),
    phone: t.string({ nullable: true, resolve: (info) => info.phone ?? null }),
    email: t.string({ nullable: true, resolve: (info) => info.email ?? null }),
    licenseNumber: t.string({ nullable: true, resolve: (info) => info.licenseNumber ?? null }),
  }),
});

builder.prismaObjectField('Case', 'installer', (t) =>
  t.field({
    type: InstallerInfoRef,
    nullable: true,
    select: { signals: true },
    description: 'Installer information on the case; use shareInstallerInfo to give it to the customer (SOL-6)',
    resolve: (row) => installerOf(row.signals),
  }),
);

const ShareInstallerInfoInput = builder.inputType('ShareInstallerInfoInput', {
  fields: (t) => ({
    sharedVia: t.string({ description: 'how it was given, e.g. PHONE or EMAIL' }),
    idempotencyKey: t.string(),
  }),
});

const ShareInstallerInfoPayload = builder
  .objectRef<{ caseId: string; installer: TInstallerInfo }>('ShareInstallerInfoPayload')
  .implement({
    fields: (t) => ({
      installer: t.field({ type: InstallerInfoRef, resolve: (result) => result.installer }),
      case: t.prismaField({
        type: 'Case',
        resolve: (query, result, _args, context) =>
          context.db.case.findUniqueOrThrow({ ...query, where: { id: result.caseId } }),
      }),
    }),
  });

builder.mutationField('shareInstallerInfo', (t) =>
  t.field({
    type: ShareInstallerInfoPayload,
    errors: {},
    description:
      "Returns the installer's information for the customer and records on the timeline that it was shared (SOL-6)",
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: ShareInstallerInfoInput }) },
    resolve: (_root, args, context) =>
      shareInstallerInfo(context, String(args.caseId), parseInput(ZShareInstallerInput, args.input ?? {})),
  }),
);
