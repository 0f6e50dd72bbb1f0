import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDayNumber, parseDayNumber } from "../../../src/rules/day-numbers";
import {
  buildRecordIndex,
  DAY_KEY,
  type HolderIndex,
  type RecordIndex,
} from "../../../src/rules/record-index";
import type { RecordInputLike } from "../../../src/rules/types";

const FIRST = parseDayNumber("2025-09-01");
const TYPES = ["A", "B", "C"];
const MEMBER_IDS = ["m0", "m1", "m2", "m3"];
const ORG_IDS = ["o0", "o1"];

const recordArb: fc.Arbitrary<RecordInputLike> = fc.record({
  id: fc.uuid(),
  type: fc.constantFrom(...TYPES, "UNASKED"),
  subType: fc.option(fc.constantFrom("x", "y"), { nil: null }),
  orgId: fc.constantFrom(...ORG_IDS, "unknown"),
  date: fc.integer({ min: -5, max: 40 }).map((d) => formatDayNumber(FIRST + d)),
  hours: fc.integer({ min: 0, max: 9 }).map((h) => h / 2),
  days: fc.integer({ min: 0, max: 4 }),
  status: fc.constantFrom("APPROVED", "APPROVED", "SUBMITTED"),
  voidedAt: fc.option(fc.constant("2026-01-01"), { nil: null, freq: 6 }),
  attendeeIds: fc.array(fc.constantFrom(...MEMBER_IDS, "ghost"), { maxLength: 4 }),
  selfReportedBy: fc.option(fc.constantFrom(...MEMBER_IDS), { nil: null }),
  hoursByMember: fc.option(fc.dictionary(fc.constantFrom(...MEMBER_IDS), fc.constant(7)), {
    nil: undefined,
    freq: 3,
  }),
});

function build(records: RecordInputLike[], options: { maxGroups?: number } = {}): RecordIndex {
  return buildRecordIndex({
    records,
    orgIndexById: new Map(ORG_IDS.map((id, i) => [id, i])),
    memberIndexById: new Map(MEMBER_IDS.map((id, i) => [id, i])),
    firstDay: FIRST,
    lastDay: FIRST + 30,
    orgTypes: new Set(["A", "B"]),
    memberTypes: new Set(TYPES),
    ...options,
  });
}

/** Entries of each holder and type as (day offset, record id, hours), in index order. */
function entries(index: RecordIndex, holders: HolderIndex, holderCount: number) {
  const out: Array<[number, number, string, number, number]> = [];
  for (let h = 0; h < holderCount; h++) {
    for (let slot = 0; slot < index.slots; slot++) {
      const group = holders.groups === 1 ? h : h * holders.groups + slot;
      for (let e = holders.start[group]!; e < holders.start[group + 1]!; e++) {
        const entrySlot = holders.groups === 1 ? holders.slot![e]! : slot;
        if (entrySlot !== slot) continue;
        const key = holders.keys[e]!;
        const day = Math.floor(key / DAY_KEY);
        const record = key - day * DAY_KEY;
        const hours = holders.hours ? holders.hours[e]! : index.hours[record]!;
        out.push([h, slot, index.ids[record]!, day, hours]);
      }
    }
  }
  return out;
}

describe("buildRecordIndex", () => {
  it("holds the same entries, in input order, whether or not it is split by type", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const split = build(records);
        const unsplit = build(records, { maxGroups: 0 });
        expect(split.member.groups).toBe(split.slots);
        expect(unsplit.member.groups).toBe(1);
        expect(entries(unsplit, unsplit.member, MEMBER_IDS.length)).toEqual(
          entries(split, split.member, MEMBER_IDS.length),
        );
        expect(entries(unsplit, unsplit.org, ORG_IDS.length)).toEqual(
          entries(split, split.org, ORG_IDS.length),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("indexes exactly the counted records under their attendees, self-reporters and organizations", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const index = build(records);
        const counted = records.filter((r) => {
          const d = parseDayNumber(r.date);
          return (
            r.status === "APPROVED" &&
            !r.voidedAt &&
            TYPES.includes(r.type) &&
            d >= FIRST &&
            d <= FIRST + 30
          );
        });
        expect(index.ids).toEqual(counted.map((r) => r.id));
        const expected: Array<[number, number, string, number, number]> = [];
        MEMBER_IDS.forEach((m, h) => {
          for (let slot = 0; slot < index.slots; slot++) {
            for (const r of counted) {
              const listed = (r.attendeeIds ?? []).includes(m) || r.selfReportedBy === m;
              if (!listed || index.slotOfType.get(r.type) !== slot) continue;
              const hours = r.hoursByMember?.[m] ?? r.hours ?? 0;
              expected.push([h, slot, r.id, parseDayNumber(r.date) - FIRST, hours]);
            }
          }
        });
        expect(entries(index, index.member, MEMBER_IDS.length)).toEqual(expected);
        const byOrg: Array<[number, number, string, number, number]> = [];
        ORG_IDS.forEach((o, h) => {
          for (let slot = 0; slot < index.slots; slot++) {
            for (const r of counted) {
              if (r.orgId !== o || r.type === "C" || index.slotOfType.get(r.type) !== slot)
                continue;
              byOrg.push([h, slot, r.id, parseDayNumber(r.date) - FIRST, r.hours ?? 0]);
            }
          }
        });
        expect(entries(index, index.org, ORG_IDS.length)).toEqual(byOrg);
      }),
      { numRuns: 200 },
    );
  });
});
