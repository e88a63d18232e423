import { ACTOR_ROLES } from '@escalate/rules';

/**
 * Roles a user can hold: the same vocabulary the policy packs grant actions to.
 * Procedures grant actions to roles, never to named people.
 */
export const ROLES = ACTOR_ROLES;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
