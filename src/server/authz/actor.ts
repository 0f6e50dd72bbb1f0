import type { Role } from "@/generated/prisma/enums";

/** A role the signed-in user holds, with the path of the subtree it covers. */
export type ActorAssignment = {
  id: string;
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
};

/**
 * The signed-in user as every data function sees them: loaded from the database on each
 * request (never trusted from the client), so a disabled account or a revoked role takes
 * effect on the next request.
 */
export type Actor = {
  tenantId: string;
  tenantName: string;
  userId: string;
  username: string;
  displayName: string;
  memberId: string | null;
  assignments: ActorAssignment[];
  /** The server-side session this request runs under (absent for jobs and calendar feeds). */
  sessionId?: string | null;
  /**
   * Departments the user works for (DepartmentStaff), for navigation only: data functions read
   * the links again inside their own transaction before allowing anything.
   */
  departmentIds?: string[];
  /** Unread notifications when the actor was loaded (the bell in the page header). */
  unreadCount?: number;
};
