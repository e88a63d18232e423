/** What other modules may use of the tasks module: its public service functions and types. */
export { createTaskInTransaction, TASK_KINDS, type TaskKind } from './task-service.js';
