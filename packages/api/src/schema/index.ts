import { builder } from './builder.js';
import './types/scalars.js';
import './types/app-error.js';
import './types/organization.js';
import './types/user.js';
import './types/team.js';
import './types/queue.js';
import './types/viewer.js';
import './types/case.js';
import './types/timeline-event.js';
import './types/customer.js';
import './types/privacy-request.js';
import './types/review.js';
import './types/api-key.js';

export const schema = builder.toSchema({ sortSchema: true });
