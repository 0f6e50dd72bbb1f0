import { Prisma } from "@/generated/prisma/client";
import type {
  CadreLevel,
  DevelopmentStage,
  Gender,
  MemberCategory,
  MemberStatus,
  OrgLevel,
} from "@/generated/prisma/enums";
import { AppError } from "../../errors";
import { dateOnly } from "../organizations/org-rules";

/**
 * Levels a member may belong to directly. Members normally sit in a branch (党支部) or a party
 * group (党小组); colleges and the school committee are allowed for members attached to them
 * directly (e.g. leaders not placed in a branch). Tighten here if a tenant wants otherwise.
 */
export const MEMBER_ORG_LEVELS: readonly OrgLevel[] = ["BRANCH", "GROUP", "COLLEGE", "SCHOOL"];

/** Why `org` cannot take a member from `fromIso` on, or null when it can. */
export function memberOrgProblem(
  org: { level: OrgLevel; validFrom: Date; validTo: Date | null },
  fromIso: string,
): { field: "org" | "date"; message: string } | null {
  if (org.validTo) return { field: "org", message: "该组织已撤销，不能编入党员" };
  if (!MEMBER_ORG_LEVELS.includes(org.level))
    return { field: "org", message: "党员不能直接编入该层级的组织" };
  if (dateOnly(fromIso) < org.validFrom) {
    return { field: "date", message: `日期早于该组织的成立日期（${isoDay(org.validFrom)}）` };
  }
  return null;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const isoOrNull = (date: Date | null) => (date ? isoDay(date) : null);
const dateOrNull = (iso: string | null) => (iso ? dateOnly(iso) : null);

/** A member's own fields with dates as "YYYY-MM-DD": what forms and imports set, and what audits show. */
export type MemberSnapshot = {
  number: string;
  name: string;
  gender: Gender;
  birthDate: string | null;
  phone: string | null;
  status: MemberStatus;
  category: MemberCategory;
  cadreLevel: CadreLevel;
  positions: string[];
  developmentStage: DevelopmentStage;
  joinedAt: string | null;
  fullMemberAt: string | null;
};

export function snapshotOf(
  m:
    | MemberSnapshot
    | (Omit<MemberSnapshot, "birthDate" | "joinedAt" | "fullMemberAt"> & {
        birthDate: Date | string | null;
        joinedAt: Date | string | null;
        fullMemberAt: Date | string | null;
      }),
): MemberSnapshot {
  const day = (v: Date | string | null) => (v instanceof Date ? isoOrNull(v) : v);
  return {
    number: m.number,
    name: m.name,
    gender: m.gender,
    birthDate: day(m.birthDate),
    phone: m.phone,
    status: m.status,
    category: m.category,
    cadreLevel: m.cadreLevel,
    positions: [...m.positions],
    developmentStage: m.developmentStage,
    joinedAt: day(m.joinedAt),
    fullMemberAt: day(m.fullMemberAt),
  };
}

/** The Prisma data for a snapshot's fields (dates as DATE column values). */
export function memberWriteData(s: MemberSnapshot) {
  return {
    ...s,
    birthDate: dateOrNull(s.birthDate),
    joinedAt: dateOrNull(s.joinedAt),
    fullMemberAt: dateOrNull(s.fullMemberAt),
  };
}

/** A unique-constraint violation (e.g. two people saving the same member number at once). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

export const NUMBER_TAKEN = "党员编号已被使用";
