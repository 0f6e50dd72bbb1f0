import { parseDayNumber } from "./day-numbers";
import type { RecordInputLike } from "./types";

/**
 * Counted records (approved, not voided, dated inside the evaluated range) in input order, plus
 * two compressed indexes: entries grouped by organization and by member. Built once per
 * evaluation so that no subject ever scans records that are not its own. Records are not sorted by date here: a global sort costs
 * a random-access pass over every record, while windows are found by a day → window table and
 * only the few records of each result are put in date order.
 */
export interface RecordIndex {
  count: number;
  /** Record ids by record index (the order records were given in, counted ones only). */
  ids: string[];
  day: Int32Array;
  slot: Uint8Array;
  /** Index into subTypeIds, -1 when the record has no sub-type. */
  subType: Int32Array;
  hours: Float64Array;
  days: Float64Array;
  slots: number;
  /** Type code → slot; only types some quota asks for get a slot. */
  slotOfType: ReadonlyMap<string, number>;
  subTypeIds: ReadonlyMap<string, number>;
  /**
   * Entries of organization o are orgEntries[orgStart[o] .. orgStart[o+1]), in input order, with the
   * entry's day and type slot side by side so a scan reads memory in order.
   */
  orgStart: Int32Array;
  orgEntries: Int32Array;
  orgEntryDay: Int32Array;
  orgEntrySlot: Uint8Array;
  /** Entries of member m are memberEntries[memberStart[m] .. memberStart[m+1]) (attended or self-reported). */
  memberStart: Int32Array;
  memberEntries: Int32Array;
  memberEntryDay: Int32Array;
  memberEntrySlot: Uint8Array;
  /** Hours credited to the member for the entry at the same position (hoursByMember, else the record's hours). */
  memberHours: Float64Array;
}

export interface BuildRecordIndexInput {
  records: ReadonlyArray<RecordInputLike>;
  orgIndexById: ReadonlyMap<string, number>;
  memberIndexById: ReadonlyMap<string, number>;
  /** Inclusive range of day numbers that can count (campaign start .. min(asOf, campaign end)). */
  firstDay: number;
  lastDay: number;
  /** Types asked for by organization quotas and by member quotas. */
  orgTypes: ReadonlySet<string>;
  memberTypes: ReadonlySet<string>;
  /** Which per-record values some quota reads; the others are not collected (default: all). */
  needs?: { hours?: boolean; days?: boolean; subTypes?: boolean };
}

export function buildRecordIndex(input: BuildRecordIndexInput): RecordIndex {
  const { records, orgIndexById, memberIndexById, firstDay, lastDay, orgTypes, memberTypes } =
    input;
  const orgCount = orgIndexById.size;
  const memberCount = memberIndexById.size;

  const slotOfType = new Map<string, number>();
  for (const t of orgTypes) if (!slotOfType.has(t)) slotOfType.set(t, slotOfType.size);
  for (const t of memberTypes) if (!slotOfType.has(t)) slotOfType.set(t, slotOfType.size);
  const slots = Math.max(1, slotOfType.size);
  const slotUse = new Uint8Array(slots); // bit 1: organization quotas, bit 2: member quotas
  for (const t of orgTypes) slotUse[slotOfType.get(t)!]! |= 1;
  for (const t of memberTypes) slotUse[slotOfType.get(t)!]! |= 2;

  const rawCount = records.length;
  // Pass 1 reads every record object exactly once, in input order (which is memory order), and
  // copies what counts into typed arrays; later passes never touch the objects again, which
  // matters with a million records spread over hundreds of megabytes.
  const rawIds: string[] = [];
  const rawDay = new Int32Array(rawCount);
  if (slots > 255) throw new RangeError("more than 255 activity types in one campaign");
  const rawSlot = new Uint8Array(rawCount);
  // Large typed arrays count as external memory and push V8 towards full collections, so only
  // what some quota reads is collected.
  const needHours = input.needs?.hours ?? true;
  const needDays = input.needs?.days ?? true;
  const needSubTypes = input.needs?.subTypes ?? true;
  const rawSubType = new Int32Array(needSubTypes ? rawCount : 0);
  const rawHours = new Float64Array(needHours ? rawCount : 0);
  const rawDays = new Float64Array(needDays ? rawCount : 0);
  const rawOrg = new Int32Array(rawCount);
  const attendanceStart = new Int32Array(rawCount + 1);
  // Self-reports have one attendee, meetings dozens; three per record on average avoids regrowth
  // in typical data (it doubles when exceeded).
  let attMember: Int32Array = new Int32Array(rawCount * 3 + 1024);
  // Per-attendee hours (hoursByMember) are rare: kept as a sparse list of (entry, hours) in entry order.
  const overrideAt: number[] = [];
  const overrideHours: number[] = [];
  let attendanceCount = 0;
  const seenAt = new Int32Array(memberCount).fill(-1); // dedupes a member listed twice on one record
  const subTypeIds = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < rawCount; i++) {
    const r = records[i]!;
    if (r.status !== "APPROVED" || r.voidedAt) continue;
    const slot = slotOfType.get(r.type);
    if (slot === undefined) continue;
    const d = parseDayNumber(r.date);
    if (!(d >= firstDay && d <= lastDay)) continue;
    rawIds.push(r.id);
    rawDay[n] = d;
    rawSlot[n] = slot;
    const h = needHours ? (r.hours ?? 0) : 0;
    if (needHours) rawHours[n] = h;
    if (needDays) rawDays[n] = r.days ?? 0;
    rawOrg[n] = orgIndexById.get(r.orgId) ?? -1;
    if (!needSubTypes) {
      // not collected
    } else if (r.subType) {
      let st = subTypeIds.get(r.subType);
      if (st === undefined) {
        st = subTypeIds.size;
        subTypeIds.set(r.subType, st);
      }
      rawSubType[n] = st;
    } else {
      rawSubType[n] = -1;
    }
    if (slotUse[slot]! & 2) {
      const byMember = r.hoursByMember;
      const attendees = r.attendeeIds;
      if (attendees) {
        for (let a = 0; a < attendees.length; a++) {
          const id = attendees[a]!;
          const m = memberIndexById.get(id);
          if (m === undefined || seenAt[m] === n) continue;
          seenAt[m] = n;
          if (byMember !== undefined && byMember[id] !== undefined && byMember[id] !== h) {
            overrideAt.push(attendanceCount);
            overrideHours.push(byMember[id]);
          }
          if (attendanceCount === attMember.length) attMember = growInt32(attMember);
          attMember[attendanceCount++] = m;
        }
      }
      const self = r.selfReportedBy;
      if (self) {
        const m = memberIndexById.get(self);
        if (m !== undefined && seenAt[m] !== n) {
          seenAt[m] = n;
          if (byMember !== undefined && byMember[self] !== undefined && byMember[self] !== h) {
            overrideAt.push(attendanceCount);
            overrideHours.push(byMember[self]);
          }
          if (attendanceCount === attMember.length) attMember = growInt32(attMember);
          attMember[attendanceCount++] = m;
        }
      }
    }
    n++;
    attendanceStart[n] = attendanceCount;
  }

  const ids = rawIds;
  const day = rawDay.subarray(0, n);
  const slot = rawSlot.subarray(0, n);
  const subType = rawSubType.subarray(0, needSubTypes ? n : 0);
  const hours = rawHours.subarray(0, needHours ? n : 0);
  const days = rawDays.subarray(0, needDays ? n : 0);
  const org = rawOrg.subarray(0, n);

  // Organization index: stable counting sort by organization.
  const orgStart = new Int32Array(orgCount + 1);
  for (let k = 0; k < n; k++) {
    const o = org[k]!;
    if (o >= 0 && slotUse[slot[k]!]! & 1) orgStart[o + 1]!++;
  }
  for (let o = 0; o < orgCount; o++) orgStart[o + 1]! += orgStart[o]!;
  const orgTotal = orgStart[orgCount]!;
  const orgEntries = new Int32Array(orgTotal);
  const orgEntryDay = new Int32Array(orgTotal);
  const orgEntrySlot = new Uint8Array(orgTotal);
  const orgCursor = orgStart.slice(0, orgCount);
  for (let k = 0; k < n; k++) {
    const o = org[k]!;
    if (o >= 0 && slotUse[slot[k]!]! & 1) {
      const pos = orgCursor[o]!++;
      orgEntries[pos] = k;
      orgEntryDay[pos] = day[k]!;
      orgEntrySlot[pos] = slot[k]!;
    }
  }

  // Member index: stable counting sort of the attendance entries by member. Grouping by member
  // only (not member × type) keeps the scatter within as few cache lines as possible; quotas
  // skip the types they do not ask for while scanning a member's few dozen entries.
  const total = attendanceCount;
  const memberStart = new Int32Array(memberCount + 1);
  for (let a = 0; a < total; a++) memberStart[attMember[a]! + 1]!++;
  for (let m = 0; m < memberCount; m++) memberStart[m + 1]! += memberStart[m]!;
  const memberEntries = new Int32Array(total);
  const memberEntryDay = new Int32Array(total);
  const memberEntrySlot = new Uint8Array(total);
  const memberHours = new Float64Array(needHours ? total : 0);
  const cursor = memberStart.slice(0, memberCount);
  let nextOverride = 0;
  for (let k = 0, a = 0; k < n; k++) {
    const s = slot[k]!;
    const d = day[k]!;
    const h = needHours ? hours[k]! : 0;
    for (const end = attendanceStart[k + 1]!; a < end; a++) {
      const pos = cursor[attMember[a]!]!++;
      memberEntries[pos] = k;
      memberEntryDay[pos] = d;
      memberEntrySlot[pos] = s;
      if (!needHours) continue;
      if (overrideAt[nextOverride] === a) memberHours[pos] = overrideHours[nextOverride++]!;
      else memberHours[pos] = h;
    }
  }

  return {
    count: n,
    ids,
    day,
    slot,
    subType,
    hours,
    days,
    slots,
    slotOfType,
    subTypeIds,
    orgStart,
    orgEntries,
    orgEntryDay,
    orgEntrySlot,
    memberStart,
    memberEntries,
    memberEntryDay,
    memberEntrySlot,
    memberHours,
  };
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
