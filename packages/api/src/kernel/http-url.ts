import { z } from 'zod';

/**
 * A URL the product stores or follows: absolute, http or https only. `javascript:`, `data:`,
 * `file:` and the like are refused with the field named, whatever the URL parser accepts.
 */
export const ZHttpUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an absolute http or https URL' }));
