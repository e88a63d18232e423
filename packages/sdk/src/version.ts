/** Sent in the User-Agent; keep in step with package.json (checked by a test). */
export const SDK_VERSION = '0.1.0';
