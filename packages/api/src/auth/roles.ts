/** Roles a user can hold. Procedures grant actions to roles, never to named people. */
export const ROLES = [
  'agent',
  'tier1_supervisor',
  'tier2',
  'tier3',
  'privacy',
  'resolution_specialist',
  'lead',
  'admin',
  'integration',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
