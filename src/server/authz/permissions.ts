import type { Role } from "@/generated/prisma/enums";

/**
 * The one role → permission table. Every server action and data function asks `can` or
 * `requirePermission` (scope.ts) with one of these; nothing else decides who may do what.
 *
 * A role is held over an organization subtree (RoleAssignment.orgId): the permission applies
 * to that organization and everything below it.
 */
export const PERMISSIONS = {
  /** See organizations, their figures and their rosters. */
  "org.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR", "MEMBER"],
  /** Create, edit, move, split, merge and close organizations. */
  "org.manage": ["ORG_ADMIN"],
  /** See members' records (name, category, positions ...). MEMBER sees only themself. */
  "member.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /** Create, edit and transfer members; import rosters. */
  "member.manage": ["ORG_ADMIN"],
  /** Create user accounts, disable them, assign and revoke roles. */
  "user.manage": ["ORG_ADMIN"],
  /** Read the audit trail. */
  "audit.read": ["ORG_ADMIN", "INSPECTOR"],
  /** See campaigns, their quotas and evaluation over the subtree. */
  "campaign.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /** Create campaigns (from templates or imports), edit quotas, phases and leadership groups. */
  "campaign.manage": ["ORG_ADMIN"],
  /** See recorded activities, attendance and evidence over the subtree. */
  "activity.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /** Record activities for an organization of the subtree (a secretary for their own branch). */
  "activity.record": ["ORG_ADMIN", "SECRETARY"],
  /**
   * Review (approve, return) and void records. Held over a subtree, but a secretary reviews
   * records of organizations strictly below their own, and members' self-reports of their
   * branch; nobody reviews their own report. The data functions enforce those two rules.
   */
  "activity.review": ["ORG_ADMIN", "SECRETARY"],
  /** Comment on and evaluate the pledges of members and organizations of the subtree. */
  "pledge.evaluate": ["ORG_ADMIN", "SECRETARY"],
  /** Campaign dashboards, ratings and reports over the subtree (members see only their own figures). */
  "dashboard.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /** Enter manual assessment and veto items of a rating scheme, with a comment. */
  "rating.assess": ["ORG_ADMIN", "INSPECTOR"],
  /** Publish (freeze) a year's ratings, and republish with a reason. */
  "rating.publish": ["ORG_ADMIN"],
  /** See campaign tasks, practical-matters lists, secretary projects and implementation plans. */
  "task.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /** Create and edit tasks and lists, sign tasks off. */
  "task.manage": ["ORG_ADMIN"],
  /**
   * Post progress on a task or close a practical matter: the organization department, and the
   * users linked to the owning department or assigned organization (checked by the data functions).
   */
  "task.update": ["ORG_ADMIN", "SECRETARY"],
  /** See democratic-appraisal rounds of the subtree: turnout while open, tallies once closed. */
  "appraisal.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /** Open and close a branch's appraisal round and record the branch's conclusions. */
  "appraisal.manage": ["ORG_ADMIN", "SECRETARY"],
  /** Nominate 两优一先 candidates of the subtree during a nomination window. */
  "commendation.nominate": ["ORG_ADMIN", "SECRETARY"],
  /** Open nomination windows, review nominations, publish the notice, answer objections, finalize. */
  "commendation.manage": ["ORG_ADMIN"],
  /** See opinion-collection and mass-evaluation rounds of the subtree and the opinions given. */
  "opinion.read": ["ORG_ADMIN", "LEADER", "SECRETARY", "INSPECTOR"],
  /**
   * Open and close rounds for an organization of the subtree (a secretary for their own branch),
   * answer opinions and track their rectification.
   */
  "opinion.manage": ["ORG_ADMIN", "SECRETARY"],
  /** Manage functional departments. */
  "department.manage": ["ORG_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleGrants(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
