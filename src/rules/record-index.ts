import { parseDayNumber } from "./day-numbers";
import type { RecordInputLike } from "./types";

/**
 * Counted records (approved, not voided, dated inside the evaluated range) in date order, plus
 * two compressed indexes: entries grouped by (organization, type slot) and by (member, type slot),
 * each group already in date order. Built once per evaluation so that no subject ever scans
 * records that are not its own, and no quota scans types it does not ask for.
 */
export interface RecordIndex {
  count: number;
  /** Record ids by record index; indexes are assigned in date order so sorting indexes sorts by date. */
  ids: string[];
  day: Int32Array;
  slot: Int32Array;
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
  memberOffsets: Int32Array;
  memberEntries: Int32Array;
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
  const { records, orgIndexById, memberIndexById, firstDay, lastDay, orgTypes, memberTypes } = input;
  const orgCount = orgIndexById.size;
  const memberCount = memberIndexById.size;

  const slotOfType = new Map<string, number>();
  for (const t of orgTypes) if (!slotOfType.has(t)) slotOfType.set(t, slotOfType.size);
  for (const t of memberTypes) if (!slotOfType.has(t)) slotOfType.set(t, slotOfType.size);
  const slots = Math.max(1, slotOfType.size);
  const slotUse = new Uint8Array(slots); // bit 1: org quotas, bit 2: member quotas
  for (const t of orgTypes) slotUse[slotOfType.get(t)!]! |= 1;
  for (const t of memberTypes) slotUse[slotOfType.get(t)!]! |= 2;

  // Pass 1: keep what can count and remember its day.
  const rawCount = records.length;
  const accepted = new Int32Array(rawCount);
  const acceptedDay = new Int32Array(rawCount);
  const acceptedSlot = new Int32Array(rawCount);
  let n = 0;
  for (let i = 0; i < rawCount; i++) {
    const r = records[i]!;
    if (r.status !== "APPROVED" || r.voidedAt) continue;
    const slot = slotOfType.get(r.type);
    if (slot === undefined) continue;
    const d = parseDayNumber(r.date);
    if (!(d >= firstDay && d <= lastDay)) continue;
    accepted[n] = i;
    acceptedDay[n] = d;
    acceptedSlot[n] = slot;
    n++;
  }

  // Counting sort by day: the range is at most a few thousand days, so this is linear.
  const span = Math.max(0, lastDay - firstDay + 1);
  const dayStart = new Int32Array(span + 1);
  for (let k = 0; k < n; k++) dayStart[acceptedDay[k]! - firstDay + 1]!++;
  for (let d = 0; d < span; d++) dayStart[d + 1]! += dayStart[d]!;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[dayStart[acceptedDay[k]! - firstDay]!++] = k;

  const ids: string[] = new Array<string>(n);
  const day = new Int32Array(n);
  const slot = new Int32Array(n);
  const subType = new Int32Array(n);
  const hours = new Float64Array(n);
  const days = new Float64Array(n);
  const org = new Int32Array(n);
  const subTypeIds = new Map<string, number>();
  for (let idx = 0; idx < n; idx++) {
    const k = order[idx]!;
    const r = records[accepted[k]!]!;
    ids[idx] = r.id;
    day[idx] = acceptedDay[k]!;
    slot[idx] = acceptedSlot[k]!;
    hours[idx] = r.hours ?? 0;
    days[idx] = r.days ?? 0;
    org[idx] = orgIndexById.get(r.orgId) ?? -1;
    if (r.subType) {
      let st = subTypeIds.get(r.subType);
      if (st === undefined) {
        st = subTypeIds.size;
        subTypeIds.set(r.subType, st);
      }
      subType[idx] = st;
    } else {
      subType[idx] = -1;
    }
  }

  // Organization index: stable counting sort by (org, slot) keeps date order inside each group.
  const orgOffsets = new Int32Array(orgCount * slots + 1);
  for (let idx = 0; idx < n; idx++) {
    const o = org[idx]!;
    if (o >= 0 && slotUse[slot[idx]!]! & 1) orgOffsets[o * slots + slot[idx]! + 1]!++;
  }
  for (let k = 0; k < orgCount * slots; k++) orgOffsets[k + 1]! += orgOffsets[k]!;
  const orgEntries = new Int32Array(orgOffsets[orgCount * slots]!);
  const orgCursor = orgOffsets.slice(0, orgCount * slots);
  for (let idx = 0; idx < n; idx++) {
    const o = org[idx]!;
    if (o >= 0 && slotUse[slot[idx]!]! & 1) orgEntries[orgCursor[o * slots + slot[idx]!]!++] = idx;
  }

  // Member index: resolve attendees once into flat pairs, then counting sort by (member, slot).
  let pairCap = Math.max(16, n * 2);
  let pairMember = new Int32Array(pairCap);
  let pairRecord = new Int32Array(pairCap);
  let pairHours = new Float64Array(pairCap);
  let pairs = 0;
  const seenAt = new Int32Array(memberCount).fill(-1); // dedupes a member listed twice on one record
  const memberKeyCount = new Int32Array(memberCount * slots + 1);
  const addPair = (m: number, idx: number, h: number): void => {
    if (seenAt[m] === idx) return;
    seenAt[m] = idx;
    if (pairs === pairCap) {
      pairCap *= 2;
      const pm = new Int32Array(pairCap);
      pm.set(pairMember);
      pairMember = pm;
      const pr = new Int32Array(pairCap);
      pr.set(pairRecord);
      pairRecord = pr;
      const ph = new Float64Array(pairCap);
      ph.set(pairHours);
      pairHours = ph;
    }
    pairMember[pairs] = m;
    pairRecord[pairs] = idx;
    pairHours[pairs] = h;
    pairs++;
    memberKeyCount[m * slots + slot[idx]! + 1]!++;
  };
  for (let idx = 0; idx < n; idx++) {
    if (!(slotUse[slot[idx]!]! & 2)) continue;
    const r = records[accepted[order[idx]!]!]!;
    const byMember = r.hoursByMember;
    const attendees = r.attendeeIds;
    if (attendees) {
      for (let a = 0; a < attendees.length; a++) {
        const id = attendees[a]!;
        const m = memberIndexById.get(id);
        if (m !== undefined) addPair(m, idx, byMember?.[id] ?? hours[idx]!);
      }
    }
    const self = r.selfReportedBy;
    if (self) {
      const m = memberIndexById.get(self);
      if (m !== undefined) addPair(m, idx, byMember?.[self] ?? hours[idx]!);
    }
  }
  const memberOffsets = memberKeyCount;
  for (let k = 0; k < memberCount * slots; k++) memberOffsets[k + 1]! += memberOffsets[k]!;
  const memberEntries = new Int32Array(pairs);
  const memberHours = new Float64Array(pairs);
  const memberCursor = memberOffsets.slice(0, memberCount * slots);
  for (let p = 0; p < pairs; p++) {
    const pos = memberCursor[pairMember[p]! * slots + slot[pairRecord[p]!]!]!++;
    memberEntries[pos] = pairRecord[p]!;
    memberHours[pos] = pairHours[p]!;
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
    orgOffsets,
    orgEntries,
    memberOffsets,
    memberEntries,
    memberHours,
  };
}
