import type { Role } from '../auth/roles.js';

/**
 * The five demo organizations from the SOPs: teams, queues and demo users with roles.
 * People named in the SOPs appear only as demo users; procedures refer to roles and skills.
 */
export interface SeedUser {
  key: string;
  name: string;
  role: Role;
  team?: string;
  skills?: string[];
  capacity?: number;
}

export interface SeedOrganization {
  slug: string;
  name: string;
  timeZone: string;
  /** the shipped policy pack a new tenant starts with (version 1); defaults to the slug */
  policyPack?: string;
  teams: { slug: string; name: string }[];
  queues: { slug: string; name: string; team: string }[];
  users: SeedUser[];
}

/** One demo user per role in every organization; its API key is printed on start. */
const baseUsers = (teams: Partial<Record<Role, string>>): SeedUser[] => [
  { key: 'agent', name: 'Demo Agent', role: 'agent', team: teams.agent },
  { key: 'tier1_supervisor', name: 'Demo Tier 1 Supervisor', role: 'tier1_supervisor', team: teams.tier1_supervisor },
  { key: 'tier2', name: 'Demo Tier 2 Agent', role: 'tier2', team: teams.tier2 },
  { key: 'tier3', name: 'Demo Tier 3 Associate', role: 'tier3', team: teams.tier3 },
  { key: 'privacy', name: 'Demo Privacy Specialist', role: 'privacy', team: teams.privacy },
  {
    key: 'resolution_specialist',
    name: 'Demo Resolution Specialist',
    role: 'resolution_specialist',
    team: teams.resolution_specialist,
  },
  { key: 'lead', name: 'Demo Lead', role: 'lead', team: teams.lead },
  { key: 'admin', name: 'Demo Admin', role: 'admin' },
  { key: 'integration', name: 'Demo Integration', role: 'integration' },
];

export const seedOrganizations: SeedOrganization[] = [
  {
    slug: 'care',
    policyPack: 'care',
    name: 'Care',
    timeZone: 'America/New_York',
    teams: [
      { slug: 'tier1', name: 'Tier 1' },
      { slug: 'tier2', name: 'Tier 2 Escalations' },
      { slug: 'privacy', name: 'Privacy' },
      { slug: 'member-review-safety', name: 'Member Review and Safety' },
    ],
    queues: [
      { slug: 'tier1', name: 'Tier 1', team: 'tier1' },
      { slug: 'tier2-escalations', name: 'Tier 2 Escalations', team: 'tier2' },
      { slug: 'privacy-requests', name: 'Privacy Requests', team: 'privacy' },
      { slug: 'member-review-safety', name: 'Member Review and Safety', team: 'member-review-safety' },
    ],
    users: [
      ...baseUsers({ agent: 'tier1', tier1_supervisor: 'tier1', tier2: 'tier2', privacy: 'privacy', lead: 'tier2' }),
      { key: 'safety', name: 'Demo Safety Reviewer', role: 'tier2', team: 'member-review-safety' },
    ],
  },
  {
    slug: 'tonal',
    policyPack: 'tonal',
    name: 'Tonal',
    timeZone: 'America/Los_Angeles',
    teams: [
      { slug: 'frontline', name: 'Frontline Support' },
      { slug: 'support-staff', name: 'Support Staff' },
      { slug: 'technical-support', name: 'Technical Support' },
      { slug: 'logistics', name: 'Delivery and Logistics' },
      { slug: 'billing', name: 'Billing' },
      { slug: 'safety-legal', name: 'Health, Safety and Legal' },
    ],
    queues: [
      { slug: 'frontline', name: 'Frontline', team: 'frontline' },
      { slug: 'support-staff', name: 'Support Staff Escalations', team: 'support-staff' },
      { slug: 'technical-support', name: 'Technical Support Escalations', team: 'technical-support' },
      { slug: 'logistics', name: 'Logistics Escalations', team: 'logistics' },
      { slug: 'billing', name: 'Billing Escalations', team: 'billing' },
      { slug: 'safety-legal', name: 'Health, Safety and Legal', team: 'safety-legal' },
    ],
    users: [
      ...baseUsers({
        agent: 'frontline',
        tier1_supervisor: 'support-staff',
        tier2: 'support-staff',
        lead: 'support-staff',
      }),
      {
        key: 'support-staff-on-duty',
        name: 'Demo Support Staff on Duty',
        role: 'tier1_supervisor',
        team: 'support-staff',
        skills: ['support-staff'],
      },
    ],
  },
  {
    slug: 'll',
    policyPack: 'll',
    name: 'LL (TSM and HB)',
    timeZone: 'America/Denver',
    teams: [
      { slug: 'tsm-support', name: 'TSM Support' },
      { slug: 'hb-support', name: 'HB Support' },
      { slug: 'tsm-escalations', name: 'TSM Escalations' },
      { slug: 'hb-management', name: 'HB Management' },
      { slug: 'payments', name: 'Payments' },
      { slug: 'medical-review', name: 'Medical Review' },
    ],
    queues: [
      { slug: 'tsm-support', name: 'TSM Support', team: 'tsm-support' },
      { slug: 'hb-support', name: 'HB Support', team: 'hb-support' },
      { slug: 'tsm-escalations', name: 'TSM Escalations', team: 'tsm-escalations' },
      { slug: 'hb-escalations', name: 'HB Escalations', team: 'hb-management' },
      { slug: 'payments', name: 'Payments', team: 'payments' },
      { slug: 'medical-review', name: 'Medical Review', team: 'medical-review' },
    ],
    users: [
      ...baseUsers({
        agent: 'tsm-support',
        tier1_supervisor: 'hb-management',
        tier2: 'tsm-escalations',
        lead: 'tsm-escalations',
      }),
      { key: 'elana', name: 'Elana', role: 'lead', team: 'tsm-escalations', skills: ['tsm-escalations-lead'] },
      { key: 'lori', name: 'Lori', role: 'lead', team: 'medical-review', skills: ['medical-reviewer'] },
      { key: 'stacy', name: 'Stacy', role: 'lead', team: 'payments', skills: ['payments-owner'] },
      {
        key: 'hb-manager',
        name: 'HB Manager',
        role: 'tier1_supervisor',
        team: 'hb-management',
        skills: ['hb-manager'],
      },
    ],
  },
  {
    slug: 'solar',
    policyPack: 'solar',
    name: 'Solar',
    timeZone: 'America/Denver',
    teams: [
      { slug: 'customer-care', name: 'Customer Care' },
      { slug: 'back-office', name: 'Back Office Support' },
      { slug: 'resolution', name: 'Resolution' },
    ],
    queues: [
      { slug: 'customer-care', name: 'Customer Care', team: 'customer-care' },
      { slug: 'back-office', name: 'Back Office Documents', team: 'back-office' },
      { slug: 'resolution-escalations', name: 'Resolution Escalations', team: 'resolution' },
    ],
    users: [
      ...baseUsers({
        agent: 'customer-care',
        tier1_supervisor: 'customer-care',
        resolution_specialist: 'resolution',
        lead: 'resolution',
      }),
      {
        key: 'resolution-specialist-2',
        name: 'Demo Resolution Specialist 2',
        role: 'resolution_specialist',
        team: 'resolution',
      },
      {
        key: 'resolution-lead',
        name: 'Demo Resolution Lead',
        role: 'lead',
        team: 'resolution',
        skills: ['resolution_lead'],
      },
    ],
  },
  {
    slug: 'cinch',
    policyPack: 'cinch',
    name: 'Cinch Home Services',
    timeZone: 'America/New_York',
    teams: [
      { slug: 'tier1', name: 'Tier 1 / BPO' },
      { slug: 'tier2', name: 'Tier 2 Escalations' },
      { slug: 'tier3', name: 'Tier 3' },
      { slug: 'executive-escalations', name: 'Executive Escalations' },
      { slug: 'dispatch', name: 'Dispatch Case Management' },
      { slug: 'purchasing', name: 'Purchasing' },
      { slug: 'bbb-social', name: 'BBB and Social Media' },
    ],
    queues: [
      { slug: 'tier1', name: 'Tier 1', team: 'tier1' },
      { slug: 'tier2', name: 'Tier 2 Escalations', team: 'tier2' },
      { slug: 'tier3-backlog', name: 'T3 Backlog', team: 'tier3' },
      { slug: 'executive-escalations', name: 'Executive Escalations', team: 'executive-escalations' },
      { slug: 'dispatch', name: 'Dispatch', team: 'dispatch' },
      { slug: 'purchasing', name: 'Purchasing', team: 'purchasing' },
      { slug: 'bbb-social', name: 'BBB and Social Media', team: 'bbb-social' },
    ],
    users: [
      ...baseUsers({
        agent: 'tier1',
        // the team the policy routes Tier 1 supervisor situations to (CIN-1)
        tier1_supervisor: 'tier1-supervisors',
        tier2: 'tier2',
        tier3: 'tier3',
        lead: 'tier2',
      }),
      { key: 'tier3-b', name: 'Demo Tier 3 Associate B', role: 'tier3', team: 'tier3' },
      { key: 'tier3-c', name: 'Demo Tier 3 Associate C', role: 'tier3', team: 'tier3' },
      {
        key: 'executive-owner',
        name: 'Demo Executive Escalations Owner',
        role: 'lead',
        team: 'executive-escalations',
        skills: ['executive-escalations-owner'],
      },
      { key: 'dispatcher', name: 'Demo Dispatcher', role: 'tier2', team: 'dispatch' },
      { key: 'bbb-associate', name: 'Demo BBB Associate', role: 'tier2', team: 'bbb-social' },
    ],
  },
];
