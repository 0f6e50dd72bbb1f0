// Dates are handled as integer day numbers (days since 1970-01-01) so hot loops compare integers
// instead of allocating Date objects. Calendar arithmetic follows H. Hinnant's civil-date algorithms.

/** Asia/Shanghai has been UTC+8 without daylight saving since 1991; a fixed offset keeps parsing allocation-free. */
export const SHANGHAI_OFFSET_MINUTES = 480;

const MINUTES_PER_DAY = 1440;

export function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function toCivilDate(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** First year of MONTH_STARTS; dates from 1900 to 2199 are looked up instead of computed. */
const TABLE_FIRST_YEAR = 1900;
const TABLE_MONTHS = 300 * 12;

/** Day number of the first of each month from January 1900 on (one more entry closes the last month). */
const MONTH_STARTS = new Int32Array(TABLE_MONTHS + 1);
for (let m = 0; m <= TABLE_MONTHS; m++) {
  MONTH_STARTS[m] = toDayNumber(TABLE_FIRST_YEAR + Math.floor(m / 12), (m % 12) + 1, 1);
}

/**
 * Day number of a YYYY-MM-DD date or an ISO datetime, as a calendar day in Asia/Shanghai.
 * A datetime with Z or an offset is shifted to Shanghai time (2026-08-31T17:00Z is 1 September);
 * one without a zone is taken as Shanghai wall-clock time. Returns NaN for malformed input.
 */
export function parseDayNumber(s: string): number {
  const length = s.length;
  if (length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  // Records are parsed by the million: the eight digits are read and checked inline (a malformed
  // date is NaN whatever follows it), and a month table replaces the calendar arithmetic.
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  )
    return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (!(month >= 1 && month <= 12 && day >= 1)) return NaN;
  let date: number;
  const m = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (m >= 0 && m < TABLE_MONTHS) {
    const first = MONTH_STARTS[m]!;
    if (day > MONTH_STARTS[m + 1]! - first) return NaN;
    date = first + day - 1;
  } else {
    if (!(day <= daysInMonth(year, month))) return NaN;
    date = toDayNumber(year, month, day);
  }
  if (length === 10) return date;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return NaN; // 'T' or ' '
  // Hour and minute: two digits each at 11 and 14 (so at least 16 characters).
  if (length < 16) return NaN;
  const h0 = s.charCodeAt(11) - 48;
  const h1 = s.charCodeAt(12) - 48;
  const n0 = s.charCodeAt(14) - 48;
  const n1 = s.charCodeAt(15) - 48;
  if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || n0 >>> 0 > 9 || n1 >>> 0 > 9) return NaN;
  const hour = h0 * 10 + h1;
  const minute = n0 * 10 + n1;
  if (!(hour <= 24 && minute < 60)) return NaN;
  const zone = zoneOffsetMinutes(s);
  if (Number.isNaN(zone)) return NaN;
  if (zone === null) return date;
  const shanghaiMinutes =
    date * MINUTES_PER_DAY + hour * 60 + minute - zone + SHANGHAI_OFFSET_MINUTES;
  return Math.floor(shanghaiMinutes / MINUTES_PER_DAY);
}

/** Offset in minutes east of UTC, null when the datetime has no zone, NaN when the zone is malformed. */
function zoneOffsetMinutes(s: string): number | null {
  const last = s.charCodeAt(s.length - 1);
  if (last === 90 || last === 122) return 0; // Z or z
  // The zone sign can only appear after the time (position 16 or later).
  for (let i = s.length - 1; i >= 16; i--) {
    const c = s.charCodeAt(i);
    if (c === 43 || c === 45) {
      const rest = s.slice(i + 1).replace(":", "");
      if (rest.length !== 4) return NaN;
      const h = digits(rest, 0, 2);
      const m = digits(rest, 2, 2);
      const offset = h * 60 + m;
      return c === 43 ? offset : -offset;
    }
  }
  return null;
}

export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = toCivilDate(dayNumber);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Adds calendar months; the day is clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = toCivilDate(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toDayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(dayNumber: number, years: number): number {
  return addMonths(dayNumber, years * 12);
}

/** Monday = 0 … Sunday = 6. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
