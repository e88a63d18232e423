import {
  CreateTaskDocument,
  type CreateTaskInput,
  type CreateTaskMutation,
  ListTasksDocument,
  type TaskFieldsFragment,
  type TaskFilter,
  UpdateTaskStatusDocument,
  type UpdateTaskStatusInput,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import { type ListOptions, type Page, PageIterator, toPage } from '../client/pagination.js';
import type { Success } from '../client/payload.js';
import type { RequestOptions, Transport } from '../client/transport.js';

export type Task = TaskFieldsFragment;
export type CreateTaskResult = Success<CreateTaskMutation['createTask']>;

export function tasksResource(transport: Transport) {
  const listPage = async (
    options: { filter?: TaskFilter; first?: number; after?: string | null } = {},
    request?: RequestOptions,
  ): Promise<Page<Task>> => {
    const data = await transport.execute(
      ListTasksDocument,
      { filter: options.filter ?? null, first: options.first ?? 20, after: options.after ?? null },
      request,
    );
    return toPage(data.tasks);
  };
  return {
    /** Creates a task; backlog and dispatch tasks are assigned by their strategy. */
    create(input: CreateTaskInput, request?: RequestOptions): Promise<CreateTaskResult> {
      return payloadOf(mutate(transport, CreateTaskDocument, { input }, request), 'createTask', 'CreateTask');
    },
    async updateStatus(input: UpdateTaskStatusInput, request?: RequestOptions): Promise<Task> {
      const pending = mutate(transport, UpdateTaskStatusDocument, { input }, request);
      return (await payloadOf(pending, 'updateTaskStatus', 'UpdateTaskStatus')).task;
    },
    listPage,
    list(options: ListOptions & { filter?: TaskFilter } = {}, request?: RequestOptions): PageIterator<Task> {
      const { filter, ...listOptions } = options;
      return new PageIterator(({ first, after }) => listPage({ filter, first, after }, request), listOptions);
    },
  };
}
