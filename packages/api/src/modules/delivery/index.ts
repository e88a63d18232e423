/** What other modules may use of the delivery module: its public service functions and types. */
export { DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.js';
export { addresseeName, type EmailTemplateId, renderEmail } from './email-templates.js';
export { configureLiveEvents, liveEvents } from './live-events.js';
export { enqueueNotification, enqueueNotifications, type OutboxChannel, type OutboxEntry } from './outbox.js';
