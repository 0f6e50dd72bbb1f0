import { parseDayNumber } from "./day-numbers";
import type { RecordInputLike } from "./types";

/**
 * Entries are packed (day offset, record) keys: (day − firstDay) × DAY_KEY + record index. One
 * exactly representable number per entry sorts by date, then input order, and carries both values.
 */
export const DAY_KEY = 2 ** 32;

/** Multiplying by this and flooring gives the day offset; exact, as it is a power of two. */
export const INVERSE_DAY_KEY = 2 ** -32;

/**
 * Entries of one kind of holder (organizations or members), grouped by holder and, when that
 * keeps the group table small, by type slot within the holder: the entries of holder h and slot s
 * are keys[start[h × groups + s] .. start[h × groups + s + 1]), in input order. With groups = 1
 * the entries of a holder are not split by slot and `slot` gives each entry's slot.
 */
export interface HolderIndex {
  groups: number;
  start: Int32Array;
  keys: Float64Array;
  /**
   * Record id of each entry. The ids of a subject's entries are then read in order instead of
   * from all over the record list, which for a million records is mostly cache misses.
   */
  ids: string[];
  /** Slot of each entry; only when groups = 1. */
  slot: Uint8Array | null;
  /**
   * Hours credited to the holder for each entry (members: the record's hours or the attendee's
   * own from hoursByMember); null when the record's hours apply (organizations, or no quota sums
   * hours).
   */
  hours: Float64Array | null;
}

/**
 * Counted records (approved, not voided, dated inside the evaluated range) in input order, plus
 * two compressed indexes: entries grouped by organization and by member. Built once per
 * evaluation so that no subject ever scans records that are not its own. Records are not sorted
 * by date here: windows are found by a day → window table and only the few records of each result
 * are put in date order.
 */
export interface RecordIndex {
  count: number;
  /** Day number that day offsets in keys count from. */
  firstDay: number;
  /** Record ids by record index (the order records were given in, counted ones only). */
  ids: string[];
  /** Index into subTypeIds, -1 when the record has no sub-type (empty when no quota filters by sub-type). */
  subType: Int32Array;
  /** By record index (empty when no quota sums hours). */
  hours: Float64Array;
  /** By record index (empty when no quota sums days). */
  days: Float64Array;
  /**
   * Every hours value (the records' and the attendees' own) is a whole number of at most 2^20 in
   * size, so sums of them are exact in any order; likewise for days.
   */
  hoursIntegral: boolean;
  daysIntegral: boolean;
  slots: number;
  /** Type code → slot; only types some quota asks for get a slot. */
  slotOfType: ReadonlyMap<string, number>;
  subTypeIds: ReadonlyMap<string, number>;
  /** Records by holding organization (types of organization quotas). */
  org: HolderIndex;
  /** Records by attendee or self-reporter (types of member quotas). */
  member: HolderIndex;
}

/** Half-open range of day numbers [start, end). */
export interface DayRange {
  start: number;
  end: number;
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
  /**
   * Days on which records of a type can count, for organization quotas and for member quotas: the
   * half-open day ranges of the requested windows of the quotas that read the type. A record that
   * no window can count for either kind of holder is left out of the index (with the current
   * window only, most of the year's records of a monthly or weekly quota). A type without ranges
   * is read on every day from firstDay to lastDay.
   */
  readDays?: {
    org?: ReadonlyMap<string, ReadonlyArray<DayRange>>;
    member?: ReadonlyMap<string, ReadonlyArray<DayRange>>;
  };
  /** Which per-record values some quota reads; the others are not collected (default: all). */
  needs?: { hours?: boolean; days?: boolean; subTypes?: boolean };
  /** Largest group table (holders × slots) split by slot (default MAX_GROUPS). */
  maxGroups?: number;
}

/**
 * Largest group table (holders × slots) for which entries are split by slot. Splitting lets a
 * quota read only the entries of its own types; the table costs 4 bytes per holder and slot.
 */
export const MAX_GROUPS = 1 << 22;

export function buildRecordIndex(input: BuildRecordIndexInput): RecordIndex {
  const { records, orgIndexById, memberIndexById, firstDay, lastDay, orgTypes, memberTypes } =
    input;
  const orgCount = orgIndexById.size;
  const memberCount = memberIndexById.size;

  const slotOfType = new Map<string, number>();
  for (const t of orgTypes) if (!slotOfType.has(t)) slotOfType.set(t, slotOfType.size);
  for (const t of memberTypes) if (!slotOfType.has(t)) slotOfType.set(t, slotOfType.size);
  const slots = Math.max(1, slotOfType.size);
  if (slots > 255) throw new RangeError("more than 255 activity types in one campaign");
  // Use of each slot on each day from firstDay: bit 1 some organization quota's window reads it,
  // bit 2 some member quota's; 0 leaves the record out.
  const span = Math.max(0, lastDay - firstDay + 1);
  const dayUse = new Uint8Array(slots * span);
  markDays(dayUse, span, firstDay, slotOfType, orgTypes, input.readDays?.org, 1);
  markDays(dayUse, span, firstDay, slotOfType, memberTypes, input.readDays?.member, 2);
  const anyOrgTypes = orgTypes.size > 0;
  const anyMemberTypes = memberTypes.size > 0;
  const maxGroups = input.maxGroups ?? MAX_GROUPS;
  const orgGroups = orgCount * slots <= maxGroups ? slots : 1;
  const memberGroups = memberCount * slots <= maxGroups ? slots : 1;

  const rawCount = records.length;
  // Pass 1 reads every record object exactly once, in input order (which is memory order), and
  // copies what counts into typed arrays; later passes never touch the objects again, which
  // matters with a million records spread over hundreds of megabytes. Large typed arrays count as
  // external memory and push V8 towards full collections, so only what some quota reads is
  // collected, and values the indexes need only once (day, slot) are kept in the narrowest type.
  // Sized for every record up front (and cut to the counted ones after), as growing a list of a
  // million by pushes copies it several times over.
  const ids = new Array<string>(rawCount);
  const dayOffset = new Int32Array(rawCount);
  const rawSlot = new Uint8Array(rawCount);
  const needHours = input.needs?.hours ?? true;
  const needDays = input.needs?.days ?? true;
  const needSubTypes = input.needs?.subTypes ?? true;
  const rawSubType = new Int32Array(needSubTypes ? rawCount : 0);
  const rawHours = new Float64Array(needHours ? rawCount : 0);
  const rawDays = new Float64Array(needDays ? rawCount : 0);
  // Organization group of each record (organization × groups + slot), -1 when no organization
  // quota reads it.
  const orgGroup = new Int32Array(anyOrgTypes ? rawCount : 0);
  let orgEntryCount = 0;
  const attendanceStart = new Int32Array(anyMemberTypes ? rawCount + 1 : 1);
  // Member group of each attendance (member × groups + slot). Self-reports have one attendee,
  // meetings dozens; three per record on average avoids regrowth in typical data (it doubles
  // when exceeded).
  let attGroup: Int32Array = new Int32Array(anyMemberTypes ? rawCount * 3 + 1024 : 0);
  // Per-attendee hours (hoursByMember) are rare: kept as a sparse list of (entry, hours) in entry order.
  const overrideAt: number[] = [];
  const overrideHours: number[] = [];
  let attendanceCount = 0;
  const seenAt = new Int32Array(memberCount).fill(-1); // dedupes a member listed twice on one record
  const subTypeIds = new Map<string, number>();
  let hoursIntegral = true;
  let daysIntegral = true;
  let n = 0;
  for (let i = 0; i < rawCount; i++) {
    const r = records[i]!;
    if (r.status !== "APPROVED" || r.voidedAt) continue;
    const slot = slotOfType.get(r.type);
    if (slot === undefined) continue;
    const d = parseDayNumber(r.date);
    if (!(d >= firstDay && d <= lastDay)) continue;
    const use = dayUse[slot * span + d - firstDay]!;
    if (use === 0) continue;
    ids[n] = r.id;
    dayOffset[n] = d - firstDay;
    rawSlot[n] = slot;
    const h = needHours ? (r.hours ?? 0) : 0;
    if (needHours) {
      rawHours[n] = h;
      if (hoursIntegral && !isSmallInteger(h)) hoursIntegral = false;
    }
    if (needDays) {
      const dd = r.days ?? 0;
      rawDays[n] = dd;
      if (daysIntegral && !isSmallInteger(dd)) daysIntegral = false;
    }
    if (needSubTypes) {
      const st = r.subType;
      if (st) {
        let id = subTypeIds.get(st);
        if (id === undefined) {
          id = subTypeIds.size;
          subTypeIds.set(st, id);
        }
        rawSubType[n] = id;
      } else {
        rawSubType[n] = -1;
      }
    }
    if (anyOrgTypes) {
      const o = use & 1 ? orgIndexById.get(r.orgId) : undefined;
      if (o === undefined) {
        orgGroup[n] = -1;
      } else {
        orgGroup[n] = o * orgGroups + (orgGroups === 1 ? 0 : slot);
        orgEntryCount++;
      }
    }
    if (use & 2) {
      const g = memberGroups === 1 ? 0 : slot;
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
            if (!isSmallInteger(byMember[id])) hoursIntegral = false;
          }
          if (attendanceCount === attGroup.length) attGroup = growInt32(attGroup);
          attGroup[attendanceCount++] = m * memberGroups + g;
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
            if (!isSmallInteger(byMember[self])) hoursIntegral = false;
          }
          if (attendanceCount === attGroup.length) attGroup = growInt32(attGroup);
          attGroup[attendanceCount++] = m * memberGroups + g;
        }
      }
    }
    n++;
    if (anyMemberTypes) attendanceStart[n] = attendanceCount;
  }

  ids.length = n;
  const subType = rawSubType.subarray(0, needSubTypes ? n : 0);
  const hours = rawHours.subarray(0, needHours ? n : 0);
  const days = rawDays.subarray(0, needDays ? n : 0);

  // Organization index: stable counting sort of the records by organization group.
  const orgStart = new Int32Array(orgCount * orgGroups + 1);
  const orgKeys = new Float64Array(orgEntryCount);
  const orgIds = new Array<string>(orgEntryCount);
  const orgSlot = orgGroups === 1 ? new Uint8Array(orgEntryCount) : null;
  if (orgEntryCount > 0) {
    for (let k = 0; k < n; k++) {
      const g = orgGroup[k]!;
      if (g >= 0) orgStart[g + 1]!++;
    }
    accumulate(orgStart);
    const cursor = orgStart.slice(0, orgStart.length - 1);
    for (let k = 0; k < n; k++) {
      const g = orgGroup[k]!;
      if (g < 0) continue;
      const pos = cursor[g]!++;
      orgKeys[pos] = dayOffset[k]! * DAY_KEY + k;
      orgIds[pos] = ids[k]!;
      if (orgSlot !== null) orgSlot[pos] = rawSlot[k]!;
    }
  }

  // Member index: stable counting sort of the attendance entries by member group. Each entry is
  // written once, as one number, which keeps the scatter over the whole table cheap.
  const total = attendanceCount;
  const memberStart = new Int32Array(memberCount * memberGroups + 1);
  for (let a = 0; a < total; a++) memberStart[attGroup[a]! + 1]!++;
  accumulate(memberStart);
  const memberKeys = new Float64Array(total);
  const memberIds = new Array<string>(total);
  const memberSlot = memberGroups === 1 ? new Uint8Array(total) : null;
  // Hours beside each member entry (the record's, or the attendee's own from hoursByMember): a
  // member's hours are then read in order rather than from all over the record list.
  const memberHours = needHours ? new Float64Array(total) : null;
  if (total > 0) {
    const cursor = memberStart.slice(0, memberStart.length - 1);
    let nextOverride = 0;
    for (let k = 0, a = 0; k < n; k++) {
      const end = attendanceStart[k + 1]!;
      if (a === end) continue;
      const key = dayOffset[k]! * DAY_KEY + k;
      const id = ids[k]!;
      if (memberSlot === null && memberHours === null) {
        for (; a < end; a++) {
          const pos = cursor[attGroup[a]!]!++;
          memberKeys[pos] = key;
          memberIds[pos] = id;
        }
        continue;
      }
      for (; a < end; a++) {
        const pos = cursor[attGroup[a]!]!++;
        memberKeys[pos] = key;
        memberIds[pos] = id;
        if (memberSlot !== null) memberSlot[pos] = rawSlot[k]!;
        if (memberHours !== null) {
          if (overrideAt[nextOverride] === a) memberHours[pos] = overrideHours[nextOverride++]!;
          else memberHours[pos] = hours[k]!;
        }
      }
    }
  }

  return {
    count: n,
    firstDay,
    ids,
    subType,
    hours,
    days,
    hoursIntegral,
    daysIntegral,
    slots,
    slotOfType,
    subTypeIds,
    org: {
      groups: orgGroups,
      start: orgStart,
      keys: orgKeys,
      ids: orgIds,
      slot: orgSlot,
      hours: null,
    },
    member: {
      groups: memberGroups,
      start: memberStart,
      keys: memberKeys,
      ids: memberIds,
      slot: memberSlot,
      hours: memberHours,
    },
  };
}

/** Sets bit on the days each type is read on (every day when it has no ranges). */
function markDays(
  dayUse: Uint8Array,
  span: number,
  firstDay: number,
  slotOfType: ReadonlyMap<string, number>,
  types: ReadonlySet<string>,
  ranges: ReadonlyMap<string, ReadonlyArray<DayRange>> | undefined,
  bit: number,
): void {
  for (const t of types) {
    const base = slotOfType.get(t)! * span;
    const list = ranges?.get(t);
    if (list === undefined) {
      for (let i = 0; i < span; i++) dayUse[base + i]! |= bit;
      continue;
    }
    for (const { start, end } of list) {
      const from = Math.max(0, start - firstDay);
      const to = Math.min(span, end - firstDay);
      for (let i = from; i < to; i++) dayUse[base + i]! |= bit;
    }
  }
}

/**
 * A whole number of magnitude at most 2^20: sums of up to 2^32 of them stay below 2^53, where
 * every integer is exact, so they do not depend on the order of addition.
 */
function isSmallInteger(x: number): boolean {
  return x === Math.trunc(x) && x <= 1048576 && x >= -1048576;
}

/** Turns counts at [i + 1] into start offsets in place. */
function accumulate(start: Int32Array): void {
  for (let i = 1; i < start.length; i++) start[i]! += start[i - 1]!;
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
