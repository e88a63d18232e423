import { builder } from './builder.js';
import './scalars.js';
import './app-error-type.js';
import '../modules/access/schema/organization.js';
import '../modules/access/schema/user.js';
import '../modules/access/schema/team.js';
import '../modules/access/schema/queue.js';
import '../modules/access/schema/viewer.js';
import '../modules/cases/schema/case.js';
import '../modules/routing/schema/routing-decision.js';
import '../modules/routing/schema/case-routing.js';
import '../modules/routing/schema/approval.js';
import '../modules/cases/schema/handoff-note.js';
import '../modules/cases/schema/case-lifecycle.js';
import '../modules/cases/schema/case-comment.js';
import '../modules/cases/schema/attachment.js';
import '../modules/cases/schema/case-sla.js';
import '../modules/policy/schema/policy-version.js';
import '../modules/routing/schema/policy-replay.js';
import '../modules/routing/schema/resolution-escalation.js';
import '../modules/cases/schema/timeline-event.js';
import '../modules/customers/schema/customer.js';
import '../modules/privacy/schema/privacy-request.js';
import '../modules/reviews/schema/review.js';
import '../modules/refunds/schema/refund.js';
import '../modules/access/schema/api-key.js';
import '../modules/assignments/schema/assignment.js';
import '../modules/tasks/schema/task.js';
import '../modules/tasks/schema/service-job.js';
import '../modules/assignments/schema/transfer.js';
import '../modules/delivery/schema/outbox-message.js';
import '../modules/delivery/schema/webhook-endpoint.js';
import '../modules/delivery/schema/live-alert.js';

import { ROLES } from '../auth/roles.js';
import { applyPermissions } from './authorize.js';
import { checkConnectionArguments } from './connection-arguments.js';
import { decodeIdArguments } from './id-arguments.js';
import { PERMISSIONS } from './permissions.js';

/**
 * The executable schema: the module types, then the edge around them — page arguments checked
 * and ids decoded (inner), then the permission table (outer), so a refused caller learns nothing
 * about its arguments.
 */
export const schema = applyPermissions(
  decodeIdArguments(checkConnectionArguments(builder.toSchema({ sortSchema: true }))),
  PERMISSIONS,
  ROLES,
);
