import { parseDayNumber } from "./day-numbers";
import type { RecordInputLike } from "./types";

/**
 * Counted records (approved, not voided, dated inside the evaluated range) in input order, plus
 * two compressed indexes: entries grouped by (organization, type slot) and by (member, type slot).
 * Built once per evaluation so that no subject ever scans records that are not its own, and no
 * quota scans types it does not ask for. Records are not sorted by date here: a global sort costs
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
  /** Entries of organization o and slot s are orgEntries[orgOffsets[o*slots+s] .. orgOffsets[o*slots+s+1]). */
  orgOffsets: Int32Array;
  orgEntries: Int32Array;
  /** Day of each orgEntries record, side by side so scans read memory in order. */
  orgEntryDay: Int32Array;
  memberOffsets: Int32Array;
  memberEntries: Int32Array;
  memberEntryDay: Int32Array;
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
  const rawSubType = new Int32Array(rawCount);
  const rawHours = new Float64Array(rawCount);
  const rawDays = new Float64Array(rawCount);
  const rawOrg = new Int32Array(rawCount);
  const attendanceStart = new Int32Array(rawCount + 1);
  // Most records have one attendee (self-reports); meetings have many. Grown by doubling.
  let attMember: Int32Array = new Int32Array(rawCount + 1024);
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
    const h = r.hours ?? 0;
    rawHours[n] = h;
    rawDays[n] = r.days ?? 0;
    rawOrg[n] = orgIndexById.get(r.orgId) ?? -1;
    if (r.subType) {
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
  const subType = rawSubType.subarray(0, n);
  const hours = rawHours.subarray(0, n);
  const days = rawDays.subarray(0, n);
  const org = rawOrg.subarray(0, n);

  // Organization index: counting sort by (org, slot); groups keep input order.
  const orgKeys = orgCount * slots;
  const orgOffsets = new Int32Array(orgKeys + 1);
  for (let idx = 0; idx < n; idx++) {
    const o = org[idx]!;
    if (o >= 0 && slotUse[slot[idx]!]! & 1) orgOffsets[o * slots + slot[idx]! + 1]!++;
  }
  for (let k = 0; k < orgKeys; k++) orgOffsets[k + 1]! += orgOffsets[k]!;
  const orgEntries = new Int32Array(orgOffsets[orgKeys]!);
  const orgEntryDay = new Int32Array(orgEntries.length);
  const orgCursor = orgOffsets.slice(0, orgKeys);
  for (let idx = 0; idx < n; idx++) {
    const o = org[idx]!;
    if (o >= 0 && slotUse[slot[idx]!]! & 1) {
      const pos = orgCursor[o * slots + slot[idx]!]!++;
      orgEntries[pos] = idx;
      orgEntryDay[pos] = day[idx]!;
    }
  }

  // Member index in two stable counting sorts: by member over all entries, then by slot inside
  // each member's (small, cache-resident) range. One pass keyed by member × slot would scatter
  // writes over far more cache lines than there are.
  const total = attendanceCount;
  const byMemberStart = new Int32Array(memberCount + 1);
  for (let a = 0; a < total; a++) byMemberStart[attMember[a]! + 1]!++;
  for (let m = 0; m < memberCount; m++) byMemberStart[m + 1]! += byMemberStart[m]!;
  const stageRecord = new Int32Array(total);
  const stageSlot = new Uint8Array(total);
  const stageDay = new Int32Array(total);
  // Member hours sit beside the entries even without per-member overrides: sums then read memory
  // in order instead of jumping to each record.
  const stageHours = new Float64Array(total);
  const cursor = byMemberStart.slice(0, memberCount);
  let nextOverride = 0;
  for (let k = 0, a = 0; k < n; k++) {
    const s = slot[k]!;
    const d = day[k]!;
    const h = hours[k]!;
    for (const end = attendanceStart[k + 1]!; a < end; a++) {
      const pos = cursor[attMember[a]!]!++;
      stageRecord[pos] = k;
      stageSlot[pos] = s;
      stageDay[pos] = d;
      if (overrideAt[nextOverride] === a) stageHours[pos] = overrideHours[nextOverride++]!;
      else stageHours[pos] = h;
    }
  }
  const memberOffsets = new Int32Array(memberCount * slots + 1);
  const memberEntries = new Int32Array(total);
  const memberEntryDay = new Int32Array(total);
  const memberHours = new Float64Array(total);
  const slotCursor = new Int32Array(slots);
  for (let m = 0; m < memberCount; m++) {
    const from = byMemberStart[m]!;
    const to = byMemberStart[m + 1]!;
    slotCursor.fill(0);
    for (let p = from; p < to; p++) slotCursor[stageSlot[p]!]!++;
    let at = from;
    for (let s = 0; s < slots; s++) {
      const c = slotCursor[s]!;
      memberOffsets[m * slots + s] = at;
      slotCursor[s] = at;
      at += c;
    }
    for (let p = from; p < to; p++) {
      const q = slotCursor[stageSlot[p]!]!++;
      memberEntries[q] = stageRecord[p]!;
      memberEntryDay[q] = stageDay[p]!;
      memberHours[q] = stageHours[p]!;
    }
  }
  memberOffsets[memberCount * slots] = total;

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
    orgOffsets,
    orgEntries,
    orgEntryDay,
    memberOffsets,
    memberEntries,
    memberEntryDay,
    memberHours,
  };
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
