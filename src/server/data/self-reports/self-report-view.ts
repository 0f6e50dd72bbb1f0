import type { Prisma } from "@/generated/prisma/client";
import { SELF_REPORT_TYPES } from "@/lib/schemas/self-report";
import { EDITABLE_STATUSES } from "./self-report-rules";

export const selfReportSelect = {
  id: true,
  type: true,
  subType: true,
  date: true,
  durationHours: true,
  place: true,
  topic: true,
  content: true,
  status: true,
  submittedAt: true,
  reviewedAt: true,
  returnReason: true,
  voidedAt: true,
  voidReason: true,
  version: true,
  createdAt: true,
  org: { select: { id: true, name: true, nameEn: true } },
  evidence: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      originalName: true,
      mimeType: true,
      sizeBytes: true,
      createdAt: true,
      withdrawnAt: true,
    },
  },
} satisfies Prisma.ActivitySelect;

type Row = Prisma.ActivityGetPayload<{ select: typeof selfReportSelect }>;

export function toView(row: Row) {
  const { durationHours, returnReason, ...rest } = row;
  // A pledge's record (type PLEDGE, made with the pledge) is not edited through the report form.
  const editable =
    !row.voidedAt &&
    (EDITABLE_STATUSES as readonly string[]).includes(row.status) &&
    (SELF_REPORT_TYPES as readonly string[]).includes(row.type);
  return {
    ...rest,
    hours: Number(durationHours.toString()),
    /** Shown only while the report is returned: the reviewer's reason for returning it. */
    returnReason: row.status === "RETURNED" ? returnReason : null,
    editable,
    /** Files can be withdrawn until the report is approved or voided. */
    canWithdrawEvidence: !row.voidedAt && row.status !== "APPROVED",
  };
}

export type MySelfReport = ReturnType<typeof toView>;
