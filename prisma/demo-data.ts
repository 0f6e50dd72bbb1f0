/**
 * A deterministic generator of demo universities (pure: no I/O, no clock, no Math.random).
 *
 * `generateDemoUniversity({ seed, slug, name })` returns plain arrays shaped like the Prisma
 * `createMany` inputs of the tenant tables: one school committee at the root, about 12 college
 * committees / general branches, about 80 branches (teacher, student, admin, retired and a couple
 * of directly-affiliated ones), some party groups, the functional departments, about 2,000
 * members with one current membership each, and the demo logins (users without a password hash,
 * which the seed adds, and their role assignments).
 *
 * The same options give the same university: every random choice comes from one seeded
 * mulberry32 stream and every id is a hash of (seed, slug, a stable key) formatted as a UUID v4.
 * Dates are computed relative to `referenceDate` (default 2026-09-01); pass the same date to get
 * the same dates.
 */

// ---------------------------------------------------------------------------
// Row types (string unions equal to the Prisma enums, so rows go straight into createMany)
// ---------------------------------------------------------------------------

export type OrgLevel = "SCHOOL" | "COLLEGE" | "BRANCH" | "GROUP";
export type OrgKind = "TEACHER" | "STUDENT" | "RETIRED" | "MIXED" | "ADMIN";
export type Gender = "MALE" | "FEMALE";
export type MemberStatus = "FULL" | "PROBATIONARY";
export type MemberCategory = "TEACHER" | "STAFF" | "STUDENT" | "RETIRED";
export type CadreLevel = "SCHOOL_LEADER" | "MIDDLE_CADRE" | "NONE";
export type DevelopmentStage =
  "APPLICANT" | "ACTIVIST" | "DEVELOPMENT_TARGET" | "PROBATIONARY" | "FULL";
export type Role = "ORG_ADMIN" | "LEADER" | "SECRETARY" | "MEMBER" | "INSPECTOR";

export const POSITIONS = {
  SECRETARY: "SECRETARY",
  COMMITTEE_MEMBER: "COMMITTEE_MEMBER",
  GROUP_LEADER: "GROUP_LEADER",
  COLLEGE_LEADER: "COLLEGE_LEADER",
  PROFESSOR: "PROFESSOR",
  COURSE_TEACHER: "COURSE_TEACHER",
  COUNSELOR: "COUNSELOR",
  POLITICAL_WORKER: "POLITICAL_WORKER",
} as const;
export type Position = (typeof POSITIONS)[keyof typeof POSITIONS];

/** Which member categories each branch kind holds. */
export const CATEGORIES_BY_KIND: Record<OrgKind, readonly MemberCategory[]> = {
  TEACHER: ["TEACHER", "STAFF"],
  STUDENT: ["STUDENT"],
  RETIRED: ["RETIRED"],
  ADMIN: ["STAFF", "TEACHER"],
  MIXED: ["TEACHER", "STAFF", "STUDENT"],
};

export interface DemoTenant {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
}

export interface DemoOrganization {
  tenantId: string;
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  nameEn: string | null;
  code: string;
  level: OrgLevel;
  kind: OrgKind;
  sortOrder: number;
  validFrom: Date;
}

export interface DemoPlacement {
  tenantId: string;
  id: string;
  orgId: string;
  parentId: string | null;
  path: string;
  validFrom: Date;
  validTo: null;
}

export interface DemoDepartment {
  tenantId: string;
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  sortOrder: number;
}

export interface DemoMember {
  tenantId: string;
  id: string;
  number: string;
  name: string;
  gender: Gender;
  birthDate: Date;
  phone: null;
  status: MemberStatus;
  category: MemberCategory;
  cadreLevel: CadreLevel;
  positions: Position[];
  developmentStage: DevelopmentStage;
  joinedAt: Date;
  fullMemberAt: Date | null;
  orgId: string;
}

export interface DemoMembership {
  tenantId: string;
  id: string;
  memberId: string;
  orgId: string;
  validFrom: Date;
  validTo: null;
  reason: string;
}

/** A login to create; the seed adds the password hash. */
export interface DemoUser {
  tenantId: string;
  id: string;
  username: string;
  displayName: string;
  memberId: string | null;
}

export interface DemoRoleAssignment {
  tenantId: string;
  id: string;
  userId: string;
  role: Role;
  orgId: string;
}

/** The people and places the demo logins point at (null when the university is too small). */
export interface DemoHighlights {
  rootOrgId: string;
  leaderCollegeId: string | null;
  leaderMemberId: string | null;
  secretaryBranchId: string | null;
  secretaryMemberId: string | null;
  memberMemberId: string | null;
}

export interface DemoUniversity {
  tenant: DemoTenant;
  organizations: DemoOrganization[];
  placements: DemoPlacement[];
  departments: DemoDepartment[];
  members: DemoMember[];
  memberships: DemoMembership[];
  users: DemoUser[];
  roleAssignments: DemoRoleAssignment[];
  highlights: DemoHighlights;
}

export interface DemoUniversityOptions {
  seed: number | string;
  slug: string;
  name: string;
  nameEn?: string | null;
  /** Default 2000. */
  memberCount?: number;
  /**
   * Default 12: ten academic colleges, the 机关党委 and the 离退休工作处党委, plus two 直属党支部.
   * Fewer than 6 gives a small university of academic colleges only (drawn from another pool of
   * names, so a second tenant does not look like the first) and one 直属党支部.
   */
  collegeCount?: number;
  /**
   * Multiplies the number of teacher, undergraduate and graduate branches of each academic college
   * (default 1). The load benchmark uses 15 for a university of about 1,000 branches.
   */
  branchScale?: number;
  /** "Today" for the generated dates. Default 2026-09-01 (UTC). */
  referenceDate?: Date;
  /** Which demo logins to generate: all five roles (default), only `admin`, or none. */
  logins?: "all" | "admin" | "none";
}

/** The two demo universities of `npm run demo`. */
export const MAIN_DEMO_UNIVERSITY = {
  seed: 20260701,
  slug: "demo",
  name: "演示大学",
  nameEn: "Demo University",
  memberCount: 2000,
} as const satisfies DemoUniversityOptions;

export const OTHER_DEMO_UNIVERSITY = {
  seed: 20260702,
  slug: "other",
  name: "示例理工大学",
  nameEn: "Example University of Technology",
  memberCount: 60,
  collegeCount: 2,
  logins: "admin",
} as const satisfies DemoUniversityOptions;

const DEFAULT_REFERENCE_DATE = new Date(Date.UTC(2026, 8, 1));

// ---------------------------------------------------------------------------
// Randomness and ids
// ---------------------------------------------------------------------------

/** cyrb128: a small, well-mixed 128-bit string hash. */
function hash128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A UUID v4-style string (version nibble 4, RFC 4122 variant) derived from `key`. */
export function deterministicUuid(key: string): string {
  const [a, b0, c0, d] = hash128(key);
  const b = ((b0 & 0xffff0fff) | 0x00004000) >>> 0;
  const c = ((c0 & 0x3fffffff) | 0x80000000) >>> 0;
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  const s = hex(a) + hex(b) + hex(c) + hex(d);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** mulberry32: a fast 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Dates (UTC midnight, matching @db.Date columns)
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}
function startOfDay(d: Date): Date {
  return utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}
function addYears(d: Date, n: number): Date {
  const y = d.getUTCFullYear() + n;
  const m = d.getUTCMonth();
  // 29 February in a non-leap year becomes 28 February.
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return new Date(Date.UTC(y, m, day));
}
function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
function randomDate(rng: Rng, from: Date, to: Date): Date {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY_MS);
  return addDays(from, days <= 0 ? 0 : rng.int(0, days));
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** Common surnames with roughly their relative frequency (per mille of the population). */
// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 71], ["李", 70], ["张", 67], ["刘", 54], ["陈", 46], ["杨", 31], ["黄", 22], ["赵", 20],
  ["吴", 20], ["周", 19], ["徐", 15], ["孙", 15], ["马", 13], ["朱", 13], ["胡", 13], ["郭", 11],
  ["何", 11], ["林", 10], ["罗", 9], ["高", 10], ["郑", 9], ["梁", 9], ["谢", 8], ["宋", 7],
  ["唐", 7], ["许", 6], ["韩", 6], ["冯", 6], ["邓", 6], ["曹", 6], ["彭", 5], ["曾", 5],
  ["肖", 5], ["田", 5], ["董", 5], ["袁", 5], ["潘", 4], ["于", 4], ["蒋", 4], ["蔡", 4],
  ["余", 4], ["杜", 4], ["叶", 4], ["程", 4], ["苏", 3], ["魏", 3], ["吕", 3], ["丁", 3],
  ["任", 3], ["沈", 3], ["姚", 3], ["卢", 3], ["姜", 3], ["崔", 3], ["钟", 3], ["谭", 3],
  ["陆", 3], ["汪", 3], ["范", 3], ["金", 3], ["石", 3], ["廖", 2], ["贾", 2], ["夏", 2],
  ["韦", 2], ["付", 2], ["方", 2], ["白", 2], ["邹", 2], ["孟", 2], ["熊", 2], ["秦", 2],
  ["邱", 2], ["江", 2], ["尹", 2], ["薛", 2], ["闫", 2], ["段", 2], ["雷", 2], ["侯", 2],
  ["龙", 2], ["史", 2], ["陶", 2], ["黎", 2], ["贺", 2], ["顾", 2], ["毛", 2], ["郝", 2],
  ["龚", 2], ["邵", 2], ["万", 2], ["欧阳", 0.5], ["司马", 0.1], ["上官", 0.1],
];

// Given-name characters by gender and generation (people carry the names of their time):
// a pool for one-character names, and pools for the first and second character of two.
const GIVEN = {
  MALE: {
    old: {
      single: "军伟强平刚勇斌林海明华涛东峰杰",
      first: "建国志振永立德文红海明庆春家卫长世光新",
      second: "国华军明强平林斌东刚勇忠民成峰生荣祥兵伟",
    },
    young: {
      single: "伟磊杰涛斌超鹏飞鑫波浩凯健俊帆旭宇晨阳博峰昊航铭瑞翔毅宁",
      first: "子一宇浩俊嘉思博天泽明文志家皓晨雨梓铭昊睿奕佳承",
      second: "轩然航杰宇涵阳泽睿辰宁凯诚博豪远翔鹏瑞霖峰琦铭扬",
    },
  },
  FEMALE: {
    old: {
      single: "英兰芳珍梅华霞萍红琴凤玲燕敏娟莉静丽艳",
      first: "秀桂玉丽红春美淑凤晓小金海彩爱",
      second: "英兰芳珍梅华霞萍红琴凤玲燕敏娟莉云",
    },
    young: {
      single: "芳娜敏静丽婷雪倩慧颖洁琳蕾璐晶欣怡萱悦婧瑶妍楠薇菲露彤",
      first: "雨欣思梓佳诗可嘉若子晓心梦婉静紫语一亦怡",
      second: "涵萱怡彤琪妍婷瑶悦琳雯颖洁欣然宁薇月菲敏",
    },
  },
} as const;

function personName(rng: Rng, gender: Gender, birthYear: number): string {
  const surname = rng.weighted(SURNAMES);
  const generation =
    birthYear < 1975 ? "old" : birthYear < 1990 ? (rng.chance(0.5) ? "old" : "young") : "young";
  const pools = GIVEN[gender][generation];
  if (rng.chance(generation === "old" ? 0.35 : 0.22)) return surname + rng.pick([...pools.single]);
  const first = rng.pick([...pools.first]);
  // Doubled characters (婷婷, 晶晶) are common for girls, and only from the one-character pool.
  if (gender === "FEMALE" && generation === "young" && rng.chance(0.05)) {
    const c = rng.pick([...pools.single]);
    return surname + c + c;
  }
  const second = rng.pick([...pools.second].filter((c) => c !== first));
  return surname + first + second;
}

// ---------------------------------------------------------------------------
// The shape of a university
// ---------------------------------------------------------------------------

type BranchType =
  "TEACHER" | "UNDERGRAD" | "GRAD" | "ADMIN" | "RETIRED" | "DIRECT_ADMIN" | "DIRECT_TEACHER";

interface AcademicCollegeTemplate {
  name: string;
  nameEn: string;
  code: string;
  /** 党委 (committee) or 党总支 (general branch). */
  committee: boolean;
  teacher: number;
  undergrad: number;
  grad: number;
  /** Teachers of this college teach ideological and political courses. */
  marxism?: boolean;
}

// prettier-ignore
const ACADEMIC_COLLEGES: readonly AcademicCollegeTemplate[] = [
  { name: "计算机科学与技术学院", nameEn: "School of Computer Science and Technology", code: "CS", committee: true, teacher: 3, undergrad: 3, grad: 2 },
  { name: "马克思主义学院", nameEn: "School of Marxism", code: "MX", committee: false, teacher: 2, undergrad: 0, grad: 1, marxism: true },
  { name: "机械工程学院", nameEn: "School of Mechanical Engineering", code: "ME", committee: true, teacher: 3, undergrad: 3, grad: 2 },
  { name: "电气与信息工程学院", nameEn: "School of Electrical and Information Engineering", code: "EE", committee: true, teacher: 3, undergrad: 3, grad: 2 },
  { name: "土木工程学院", nameEn: "School of Civil Engineering", code: "CE", committee: true, teacher: 3, undergrad: 3, grad: 1 },
  { name: "化学化工学院", nameEn: "School of Chemistry and Chemical Engineering", code: "CH", committee: true, teacher: 3, undergrad: 2, grad: 2 },
  { name: "经济管理学院", nameEn: "School of Economics and Management", code: "EM", committee: true, teacher: 3, undergrad: 3, grad: 1 },
  { name: "文学与新闻传播学院", nameEn: "School of Literature and Journalism", code: "LJ", committee: true, teacher: 2, undergrad: 3, grad: 1 },
  { name: "外国语学院", nameEn: "School of Foreign Languages", code: "FL", committee: false, teacher: 2, undergrad: 2, grad: 1 },
  { name: "数学与统计学院", nameEn: "School of Mathematics and Statistics", code: "MS", committee: false, teacher: 2, undergrad: 2, grad: 1 },
];

/** Names for small universities, so a second tenant does not look like the first. */
// prettier-ignore
const SMALL_COLLEGE_POOL: readonly AcademicCollegeTemplate[] = [
  { name: "材料科学与工程学院", nameEn: "School of Materials Science and Engineering", code: "MSE", committee: true, teacher: 1, undergrad: 1, grad: 1 },
  { name: "生命科学学院", nameEn: "School of Life Sciences", code: "LS", committee: false, teacher: 1, undergrad: 1, grad: 1 },
  { name: "建筑与艺术设计学院", nameEn: "School of Architecture and Art Design", code: "AD", committee: false, teacher: 1, undergrad: 1, grad: 0 },
  { name: "物理与电子科学学院", nameEn: "School of Physics and Electronic Science", code: "PE", committee: true, teacher: 1, undergrad: 1, grad: 1 },
  { name: "体育学院", nameEn: "School of Physical Education", code: "PED", committee: false, teacher: 1, undergrad: 1, grad: 0 },
  { name: "能源与动力工程学院", nameEn: "School of Energy and Power Engineering", code: "EP", committee: true, teacher: 1, undergrad: 1, grad: 1 },
];

const ADMIN_BRANCHES: readonly (readonly [string, string, boolean])[] = [
  // name, English name, whether its members do political work
  ["党政办公室党支部", "Party and Administration Office Branch", false],
  ["组织宣传统战党支部", "Organization, Publicity and United Front Branch", true],
  ["纪检监察党支部", "Discipline Inspection and Supervision Branch", false],
  ["学生工作党支部", "Student Affairs Branch", true],
  ["人事处党支部", "Human Resources Office Branch", false],
  ["教务处党支部", "Academic Affairs Office Branch", false],
  ["科研与研究生处党支部", "Research and Graduate Office Branch", false],
  ["财务处党支部", "Finance Office Branch", false],
  ["后勤保障处党支部", "Logistics Office Branch", false],
  ["国际合作与交流处党支部", "International Cooperation Office Branch", false],
];

const DEPARTMENTS: readonly (readonly [string, string, string])[] = [
  ["ORG", "组织部", "Organization Department"],
  ["PUB", "宣传部", "Publicity Department"],
  ["OFFICE", "党政办", "Party and Administration Office"],
  ["STU", "学工部", "Student Affairs Department"],
  ["DISC", "纪委办", "Discipline Inspection Office"],
  ["QA", "质控办", "Quality Control Office"],
  ["HR", "人事处", "Human Resources Office"],
  ["ACAD", "教务处", "Academic Affairs Office"],
  ["YOUTH", "团委", "Youth League Committee"],
  ["UNION", "工会", "Trade Union"],
];

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ORDINALS_EN = [
  "No. 1",
  "No. 2",
  "No. 3",
  "No. 4",
  "No. 5",
  "No. 6",
  "No. 7",
  "No. 8",
  "No. 9",
  "No. 10",
];

/** Relative sizes of branches, before scaling to the requested member count. */
const BRANCH_WEIGHT: Record<BranchType, number> = {
  TEACHER: 26,
  UNDERGRAD: 28,
  GRAD: 24,
  ADMIN: 19,
  RETIRED: 40,
  DIRECT_ADMIN: 14,
  DIRECT_TEACHER: 16,
};
const MIN_BRANCH_SIZE = 6;

interface BranchPlan {
  org: DemoOrganization;
  type: BranchType;
  collegeIndex: number; // for student numbers; 90+ for direct branches
  college: DemoOrganization | null;
  academic: AcademicCollegeTemplate | null;
  politicalWork: boolean;
  groups: DemoOrganization[];
  /** Members to generate, set after scaling. */
  size: number;
  /** Cadres to place here. */
  schoolLeaders: number;
  middleCadres: number;
  collegeLeaders: number;
}

function numbered(base: string, index: number, count: number): string {
  // "教工党支部" when alone, "教工第一党支部" otherwise.
  return count === 1 ? `${base}党支部` : `${base}第${ORDINALS[index] ?? String(index + 1)}党支部`;
}

function numberedEn(base: string, index: number, count: number): string {
  return count === 1
    ? `${base} Branch`
    : `${base} Branch ${ORDINALS_EN[index] ?? `No. ${index + 1}`}`;
}

/** Distribute `total` over `weights` (largest remainder), each share at least `min`. */
function apportion(weights: number[], total: number, min: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = Math.min(min, Math.floor(total / n));
  const rest = total - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * rest);
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) shares[order[k]![1]]! += 1;
  return shares.map((s) => s + floor);
}

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

export function generateDemoUniversity(options: DemoUniversityOptions): DemoUniversity {
  const { slug, name } = options;
  const memberCount = options.memberCount ?? 2000;
  const collegeCount = Math.max(1, options.collegeCount ?? 12);
  const today = startOfDay(options.referenceDate ?? DEFAULT_REFERENCE_DATE);
  const logins = options.logins ?? "all";
  const seedKey = `${String(options.seed)}|${slug}`;
  const rng = new Rng(hash128(`rng|${seedKey}`)[0]);
  const uuid = (key: string) => deterministicUuid(`${seedKey}|${key}`);

  const tenantId = uuid("tenant");
  const tenant: DemoTenant = { id: tenantId, slug, name, nameEn: options.nameEn ?? null };
  const thisYear = today.getUTCFullYear();
  // Start of the current academic year (1 September on or before today).
  const academicYear = today.getUTCMonth() >= 8 ? thisYear : thisYear - 1;

  // --- organizations --------------------------------------------------------
  const organizations: DemoOrganization[] = [];
  const addOrg = (
    parent: DemoOrganization | null,
    fields: Pick<
      DemoOrganization,
      "name" | "nameEn" | "code" | "level" | "kind" | "sortOrder" | "validFrom"
    >,
  ): DemoOrganization => {
    const id = uuid(`org|${fields.code}`);
    const org: DemoOrganization = {
      tenantId,
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}/${id}` : id,
      depth: parent ? parent.depth + 1 : 0,
      ...fields,
    };
    organizations.push(org);
    return org;
  };

  const root = addOrg(null, {
    name: `${name}党委`,
    nameEn: options.nameEn ? `Party Committee of ${options.nameEn}` : null,
    code: "SCH",
    level: "SCHOOL",
    kind: "MIXED",
    sortOrder: 0,
    validFrom: utc(rng.int(1952, 1985), 9, 1),
  });

  const small = collegeCount < 6;
  const academicTemplates = small
    ? rng.shuffle(SMALL_COLLEGE_POOL).slice(0, Math.min(collegeCount, SMALL_COLLEGE_POOL.length))
    : ACADEMIC_COLLEGES.slice(0, Math.max(0, collegeCount - 2));
  const withAdmin = !small && collegeCount >= 11;
  const withRetired = !small && collegeCount >= 12;

  const plans: BranchPlan[] = [];
  const branchValidFrom = (college: DemoOrganization) =>
    maxDate(college.validFrom, utc(rng.int(2012, Math.min(2020, thisYear - 1)), 9, rng.int(1, 28)));
  const addBranch = (
    parent: DemoOrganization,
    college: DemoOrganization | null,
    collegeIndex: number,
    type: BranchType,
    fields: { name: string; nameEn: string; code: string; sortOrder: number },
    extra: { academic?: AcademicCollegeTemplate | null; politicalWork?: boolean } = {},
  ) => {
    const kind: OrgKind =
      type === "TEACHER" || type === "DIRECT_TEACHER"
        ? "TEACHER"
        : type === "UNDERGRAD" || type === "GRAD"
          ? "STUDENT"
          : type === "RETIRED"
            ? "RETIRED"
            : "ADMIN";
    const org = addOrg(parent, {
      ...fields,
      level: "BRANCH",
      kind,
      validFrom: branchValidFrom(parent),
    });
    plans.push({
      org,
      type,
      collegeIndex,
      college,
      academic: extra.academic ?? null,
      politicalWork: extra.politicalWork ?? false,
      groups: [],
      size: 0,
      schoolLeaders: 0,
      middleCadres: 0,
      collegeLeaders: 0,
    });
  };

  const collegeValidFrom = () => maxDate(root.validFrom, utc(rng.int(1998, 2012), 9, 1));
  let sortOrder = 0;
  academicTemplates.forEach((t, ci) => {
    const college = addOrg(root, {
      name: `${t.name}${t.committee ? "党委" : "党总支"}`,
      nameEn: `${t.committee ? "Party Committee" : "General Party Branch"} of the ${t.nameEn}`,
      code: t.code,
      level: "COLLEGE",
      kind: "MIXED",
      sortOrder: ++sortOrder,
      validFrom: collegeValidFrom(),
    });
    const scale = Math.max(1, Math.floor(options.branchScale ?? 1));
    const counts = small
      ? {
          teacher: Math.min(1, t.teacher),
          undergrad: Math.min(1, t.undergrad),
          grad: Math.min(1, t.grad),
        }
      : { teacher: t.teacher * scale, undergrad: t.undergrad * scale, grad: t.grad * scale };
    let order = 0;
    for (let i = 0; i < counts.teacher; i++) {
      addBranch(
        college,
        college,
        ci + 1,
        "TEACHER",
        {
          name: `${t.name}${numbered("教工", i, counts.teacher)}`,
          nameEn: `${numberedEn("Faculty", i, counts.teacher)}, ${t.nameEn}`,
          code: `${t.code}-T${i + 1}`,
          sortOrder: ++order,
        },
        { academic: t },
      );
    }
    for (let i = 0; i < counts.undergrad; i++) {
      addBranch(
        college,
        college,
        ci + 1,
        "UNDERGRAD",
        {
          name: `${t.name}${numbered("本科生", i, counts.undergrad)}`,
          nameEn: `${numberedEn("Undergraduate", i, counts.undergrad)}, ${t.nameEn}`,
          code: `${t.code}-U${i + 1}`,
          sortOrder: ++order,
        },
        { academic: t },
      );
    }
    for (let i = 0; i < counts.grad; i++) {
      addBranch(
        college,
        college,
        ci + 1,
        "GRAD",
        {
          name: `${t.name}${numbered("研究生", i, counts.grad)}`,
          nameEn: `${numberedEn("Graduate", i, counts.grad)}, ${t.nameEn}`,
          code: `${t.code}-P${i + 1}`,
          sortOrder: ++order,
        },
        { academic: t },
      );
    }
  });

  if (withAdmin) {
    const college = addOrg(root, {
      name: "机关党委",
      nameEn: "Party Committee of the Administrative Offices",
      code: "ADM",
      level: "COLLEGE",
      kind: "ADMIN",
      sortOrder: ++sortOrder,
      validFrom: collegeValidFrom(),
    });
    ADMIN_BRANCHES.forEach(([bn, en, political], i) =>
      addBranch(
        college,
        college,
        80,
        "ADMIN",
        {
          name: bn,
          nameEn: en,
          code: `ADM-${String(i + 1).padStart(2, "0")}`,
          sortOrder: i + 1,
        },
        { politicalWork: political },
      ),
    );
  }
  if (withRetired) {
    const college = addOrg(root, {
      name: "离退休工作处党委",
      nameEn: "Party Committee of the Retirees' Office",
      code: "RET",
      level: "COLLEGE",
      kind: "RETIRED",
      sortOrder: ++sortOrder,
      validFrom: collegeValidFrom(),
    });
    for (let i = 0; i < 4; i++) {
      addBranch(college, college, 81, "RETIRED", {
        name: `离退休第${ORDINALS[i]}党支部`,
        nameEn: `Retirees' Branch ${ORDINALS_EN[i]}`,
        code: `RET-R${i + 1}`,
        sortOrder: i + 1,
      });
    }
  }
  // 直属党支部: branches directly under the school committee.
  const directs: readonly (readonly [string, string, string, BranchType])[] = small
    ? [
        [
          "档案馆直属党支部",
          "Archives Branch (directly under the Committee)",
          "ARC",
          "DIRECT_ADMIN",
        ],
      ]
    : [
        [
          "图书馆直属党支部",
          "Library Branch (directly under the Committee)",
          "LIB",
          "DIRECT_ADMIN",
        ],
        [
          "继续教育学院直属党支部",
          "School of Continuing Education Branch (directly under the Committee)",
          "SCE",
          "DIRECT_TEACHER",
        ],
      ];
  directs.forEach(([bn, en, code, type], i) =>
    addBranch(root, null, 90 + i, type, { name: bn, nameEn: en, code, sortOrder: ++sortOrder }),
  );

  // --- sizes, cadres and party groups -----------------------------------------
  const sizes = apportion(
    plans.map((p) => BRANCH_WEIGHT[p.type] * (0.8 + 0.4 * rng.float())),
    memberCount,
    MIN_BRANCH_SIZE,
  );
  plans.forEach((p, i) => (p.size = sizes[i]!));

  // College leaders (COLLEGE_LEADER, middle cadres) sit in the college's teacher branches.
  const collegesWithTeachers = new Map<string, BranchPlan[]>();
  for (const p of plans) {
    if (p.type === "TEACHER" && p.college) {
      const list = collegesWithTeachers.get(p.college.id) ?? [];
      list.push(p);
      collegesWithTeachers.set(p.college.id, list);
    }
  }
  for (const list of collegesWithTeachers.values()) {
    const leaders = small ? 2 : list[0]!.academic?.committee ? 3 : 2;
    for (let k = 0; k < leaders; k++) list[k % list.length]!.collegeLeaders++;
  }
  // School leaders in the offices (or, in a university without them, the first teacher branches).
  const adminPlans = plans.filter((p) => p.type === "ADMIN");
  const leaderHosts =
    adminPlans.length > 0
      ? adminPlans.slice(0, 3)
      : plans.filter((p) => p.type === "TEACHER").slice(0, 2);
  const schoolLeaderCount = small ? 2 : 7;
  for (let k = 0; k < schoolLeaderCount && leaderHosts.length > 0; k++)
    leaderHosts[k % leaderHosts.length]!.schoolLeaders++;
  // Heads and deputy heads of offices, and of directly-affiliated units.
  for (const p of plans) {
    if (p.type === "ADMIN") p.middleCadres = 3;
    if (p.type === "DIRECT_ADMIN" || p.type === "DIRECT_TEACHER") p.middleCadres = 1;
  }

  // Party groups in a few of the larger branches.
  const groupHosts: BranchPlan[] = [];
  const retiredPlans = plans.filter((p) => p.type === "RETIRED");
  groupHosts.push(...retiredPlans.slice(0, 2));
  // ... and one teacher branch outside the college the demo logins look at.
  const firstCollegeId = plans.find((p) => p.type === "TEACHER")?.college?.id;
  const teacherHost = plans.find(
    (p) => p.type === "TEACHER" && p.college?.id !== firstCollegeId && p.size >= 12,
  );
  if (teacherHost) groupHosts.push(teacherHost);
  for (const host of groupHosts) {
    const count = host.type === "RETIRED" ? (host === retiredPlans[0] ? 3 : 2) : 2;
    for (let g = 0; g < count; g++) {
      host.groups.push(
        addOrg(host.org, {
          name: `${host.org.name}第${ORDINALS[g]}党小组`,
          nameEn: `Party Group ${ORDINALS_EN[g]}, ${host.org.nameEn}`,
          code: `${host.org.code}-G${g + 1}`,
          level: "GROUP",
          kind: host.org.kind,
          sortOrder: g + 1,
          validFrom: maxDate(
            host.org.validFrom,
            minDate(addDays(host.org.validFrom, rng.int(0, 3 * 365)), addDays(today, -365)),
          ),
        }),
      );
    }
  }

  // --- members -------------------------------------------------------------------
  const members: DemoMember[] = [];
  const memberships: DemoMembership[] = [];
  const numberCounters = new Map<string, number>();
  const nextNumber = (prefix: string, width: number): string => {
    const n = (numberCounters.get(prefix) ?? rng.int(0, 40)) + rng.int(1, 3);
    if (n >= 10 ** width) throw new Error(`member number space ${prefix} exhausted`);
    numberCounters.set(prefix, n);
    return prefix + String(n).padStart(width, "0");
  };

  interface Slot {
    positions: Position[];
    cadreLevel: CadreLevel;
    forceFull: boolean;
    minAge?: number;
    maxAge?: number;
    category?: MemberCategory;
  }

  for (const plan of plans) {
    const { org, size } = plan;
    if (size === 0) continue;
    // One secretary and 2 to 4 committee members (fewer only in a branch too small for them).
    const committee = Math.max(
      0,
      Math.min(4, size >= 25 ? rng.int(3, 4) : size >= 12 ? rng.int(2, 4) : 2, size - 2),
    );
    const slots: Slot[] = Array.from({ length: size }, () => ({
      positions: [],
      cadreLevel: "NONE",
      forceFull: false,
    }));
    let cursor = 0;
    slots[cursor++] = { positions: ["SECRETARY"], cadreLevel: "NONE", forceFull: true, minAge: 30 };
    for (let k = 0; k < committee; k++)
      slots[cursor++] = { positions: ["COMMITTEE_MEMBER"], cadreLevel: "NONE", forceFull: true };
    const special = (count: number, make: () => Slot) => {
      for (let k = 0; k < count && cursor < size - 1; k++) slots[cursor++] = make();
    };
    special(plan.schoolLeaders, () => ({
      positions: [],
      cadreLevel: "SCHOOL_LEADER",
      forceFull: true,
      minAge: 50,
      maxAge: 59,
      category: "TEACHER",
    }));
    special(plan.collegeLeaders, () => ({
      positions: ["COLLEGE_LEADER"],
      cadreLevel: "MIDDLE_CADRE",
      forceFull: true,
      minAge: 40,
      maxAge: 58,
      category: "TEACHER",
    }));
    special(plan.middleCadres, () => ({
      positions: [],
      cadreLevel: "MIDDLE_CADRE",
      forceFull: true,
      minAge: 38,
      maxAge: 58,
    }));

    // Ordinary members (those without a branch office) are spread over the party groups.
    let groupCursor = 0;
    const groupsWithLeader = new Set<string>();
    slots.forEach((slot, index) => {
      const m = makeMember(plan, slot, index);
      const isOfficer =
        slot.positions.includes("SECRETARY") || slot.positions.includes("COMMITTEE_MEMBER");
      let orgOfMember = org;
      if (plan.groups.length > 0 && !isOfficer) {
        orgOfMember = plan.groups[groupCursor % plan.groups.length]!;
        groupCursor++;
        // The first full member placed in each group leads it (党小组组长).
        if (!groupsWithLeader.has(orgOfMember.id) && m.member.status === "FULL") {
          m.positions.push("GROUP_LEADER");
          groupsWithLeader.add(orgOfMember.id);
        }
      }
      m.member.orgId = orgOfMember.id;
      members.push(m.member);
      const arrivedLater = m.arrival.getTime() >= orgOfMember.validFrom.getTime();
      memberships.push({
        tenantId,
        id: uuid(`membership|${m.member.number}`),
        memberId: m.member.id,
        orgId: orgOfMember.id,
        validFrom: arrivedLater ? m.arrival : orgOfMember.validFrom,
        validTo: null,
        reason: arrivedLater ? m.reason : orgOfMember.level === "GROUP" ? "编入党小组" : "支部调整",
      });
    });
  }

  function makeMember(
    plan: BranchPlan,
    slot: Slot,
    index: number,
  ): { member: DemoMember; arrival: Date; reason: string; positions: Position[] } {
    const { type } = plan;
    // Category.
    let category: MemberCategory;
    if (type === "UNDERGRAD" || type === "GRAD") category = "STUDENT";
    else if (type === "RETIRED") category = "RETIRED";
    else if (slot.category) category = slot.category;
    else if (type === "ADMIN" || type === "DIRECT_ADMIN")
      category = rng.chance(0.12) ? "TEACHER" : "STAFF";
    else category = index === 0 || rng.chance(0.8) ? "TEACHER" : "STAFF";

    // Status: officers and cadres are full members; probationary members are mostly students.
    const probationaryRate =
      type === "UNDERGRAD" ? 0.3 : type === "GRAD" ? 0.15 : type === "RETIRED" ? 0 : 0.025;
    const status: MemberStatus =
      !slot.forceFull && rng.chance(probationaryRate) ? "PROBATIONARY" : "FULL";
    const positions: Position[] = [...slot.positions];

    let birthDate: Date;
    let joinedAt: Date;
    let arrival: Date;
    let reason: string;
    let number: string;
    let gender: Gender;
    const lastYear = addDays(today, -366);
    // Probationary members joined within the last year (and at least two weeks ago).
    const recentJoin = (notBefore: Date) => {
      const latest = addDays(today, -14);
      const earliest = maxDate(notBefore, addDays(today, -330));
      return randomDate(
        rng,
        earliest.getTime() < addDays(latest, -14).getTime() ? earliest : addDays(today, -330),
        latest,
      );
    };

    if (category === "STUDENT") {
      gender = rng.chance(0.5) ? "MALE" : "FEMALE";
      if (type === "UNDERGRAD") {
        const k =
          status === "FULL"
            ? rng.weighted([
                [2, 0.35],
                [3, 0.65],
              ] as const)
            : rng.weighted([
                [1, 0.4],
                [2, 0.35],
                [3, 0.25],
              ] as const);
        const enrolled = utc(academicYear - k, 9, rng.int(1, 10));
        birthDate = randomDate(
          rng,
          utc(academicYear - k - 19, 9, 1),
          utc(academicYear - k - 18, 8, 31),
        );
        joinedAt =
          status === "FULL"
            ? randomDate(
                rng,
                maxDate(addDays(enrolled, 300), addYears(birthDate, 18)),
                addDays(lastYear, -14),
              )
            : recentJoin(addDays(enrolled, 240));
        arrival = joinedAt;
        reason = "入党";
        number = nextNumber(`${academicYear - k}${String(plan.collegeIndex).padStart(2, "0")}1`, 4);
      } else {
        const k =
          status === "FULL"
            ? rng.weighted([
                [0, 0.3],
                [1, 0.35],
                [2, 0.35],
              ] as const)
            : rng.weighted([
                [1, 0.6],
                [2, 0.4],
              ] as const);
        const enrolled = utc(academicYear - k, 9, rng.int(1, 10));
        birthDate = randomDate(
          rng,
          utc(academicYear - k - 25, 9, 1),
          utc(academicYear - k - 22, 8, 31),
        );
        if (status === "FULL") {
          // Joined as an undergraduate, transferred in on enrolment.
          joinedAt = minDate(
            randomDate(rng, addYears(birthDate, 19), addYears(birthDate, 21)),
            addDays(enrolled, -120),
          );
          arrival = enrolled;
          reason = "组织关系转入";
        } else {
          joinedAt = recentJoin(addDays(enrolled, 60));
          arrival = joinedAt;
          reason = "入党";
        }
        number = nextNumber(`${academicYear - k}${String(plan.collegeIndex).padStart(2, "0")}2`, 4);
      }
    } else if (category === "RETIRED") {
      gender = rng.chance(0.6) ? "MALE" : "FEMALE";
      const age = rng.int(61, 88);
      birthDate = randomDate(
        rng,
        utc(thisYear - age - 1, today.getUTCMonth() + 1, 1),
        utc(thisYear - age, today.getUTCMonth() + 1, 1),
      );
      joinedAt = randomDate(rng, addYears(birthDate, 20), addYears(birthDate, 40));
      const retiredOn = utc(
        addYears(birthDate, 60).getUTCFullYear(),
        addYears(birthDate, 60).getUTCMonth() + 1,
        1,
      );
      arrival = minDate(retiredOn, addDays(today, -30));
      reason = "退休转入";
      const hired = Math.min(
        addYears(birthDate, rng.int(22, 30)).getUTCFullYear(),
        joinedAt.getUTCFullYear() + 5,
      );
      number = nextNumber(String(hired), 4);
    } else {
      // Teachers and staff.
      const minAge = slot.minAge ?? (category === "TEACHER" ? 28 : 25);
      const maxAge = slot.maxAge ?? 59;
      const age = rng.int(minAge, maxAge);
      gender = rng.chance(slot.cadreLevel === "NONE" ? 0.52 : 0.72) ? "MALE" : "FEMALE";
      birthDate = randomDate(
        rng,
        utc(thisYear - age - 1, today.getUTCMonth() + 1, 1),
        utc(thisYear - age, today.getUTCMonth() + 1, 1),
      );
      const hireAge = Math.min(age - 1, category === "TEACHER" ? rng.int(26, 32) : rng.int(22, 28));
      const hired = utc(addYears(birthDate, hireAge).getUTCFullYear(), rng.pick([7, 9]), 1);
      if (status === "PROBATIONARY") {
        joinedAt = recentJoin(addDays(hired, 365));
        arrival = joinedAt;
        reason = "入党";
      } else if (
        rng.chance(0.25) &&
        addYears(hired, 1).getTime() < addDays(lastYear, -30).getTime()
      ) {
        joinedAt = randomDate(rng, addYears(hired, 1), addDays(lastYear, -30));
        arrival = joinedAt;
        reason = "入党";
      } else {
        joinedAt = minDate(
          randomDate(rng, addYears(birthDate, 19), addYears(birthDate, 23)),
          addDays(hired, -90),
        );
        arrival = hired;
        reason = "组织关系转入";
      }
      number = nextNumber(String(hired.getUTCFullYear()), 4);

      // Positions of teachers and staff.
      if (category === "TEACHER" && plan.academic) {
        if (age >= 38 && rng.chance(0.3)) positions.push("PROFESSOR");
        if (plan.academic.marxism || rng.chance(0.75)) positions.push("COURSE_TEACHER");
      } else if (category === "TEACHER" && type === "DIRECT_TEACHER") {
        if (rng.chance(0.6)) positions.push("COURSE_TEACHER");
      } else if (category === "STAFF" && plan.academic && slot.cadreLevel === "NONE") {
        // Full-time counselors of the college; all of them political workers.
        if (age <= 45 || rng.chance(0.5)) positions.push("COUNSELOR", "POLITICAL_WORKER");
      } else if (plan.politicalWork && slot.cadreLevel === "NONE" && rng.chance(0.6)) {
        positions.push("POLITICAL_WORKER");
      }
    }

    // Full members passed their year of probation: joined more than a year ago.
    if (status === "FULL" && joinedAt.getTime() > addDays(lastYear, -7).getTime()) {
      joinedAt = addDays(lastYear, -rng.int(7, 60));
      if (reason === "入党") arrival = joinedAt;
    }
    const birthYear = birthDate.getUTCFullYear();
    const member: DemoMember = {
      tenantId,
      id: uuid(`member|${number}`),
      number,
      name: personName(rng, gender, birthYear),
      gender,
      birthDate,
      phone: null,
      status,
      category,
      cadreLevel: slot.cadreLevel,
      positions,
      developmentStage: status === "FULL" ? "FULL" : "PROBATIONARY",
      joinedAt,
      fullMemberAt: status === "FULL" ? addYears(joinedAt, 1) : null,
      orgId: plan.org.id,
    };
    return { member, arrival: minDate(arrival, today), reason, positions };
  }

  // --- placements and departments --------------------------------------------------
  // Parents before children (the sort is stable: siblings keep their creation order).
  organizations.sort((a, b) => a.depth - b.depth);
  const orgIndex = new Map(organizations.map((o) => [o.id, o]));
  const placements: DemoPlacement[] = organizations.map((o) => ({
    tenantId,
    id: uuid(`placement|${o.code}`),
    orgId: o.id,
    parentId: o.parentId,
    path: o.path,
    validFrom: o.validFrom,
    validTo: null,
  }));
  const departments: DemoDepartment[] = DEPARTMENTS.map(([code, dn, en], i) => ({
    tenantId,
    id: uuid(`department|${code}`),
    code,
    name: dn,
    nameEn: en,
    sortOrder: i + 1,
  }));

  // --- demo logins ----------------------------------------------------------------------
  const users: DemoUser[] = [];
  const roleAssignments: DemoRoleAssignment[] = [];
  const addLogin = (
    username: string,
    displayName: string,
    role: Role,
    orgId: string,
    memberId: string | null,
  ) => {
    const userId = uuid(`user|${username}`);
    users.push({ tenantId, id: userId, username, displayName, memberId });
    roleAssignments.push({
      tenantId,
      id: uuid(`role|${username}|${role}|${orgId}`),
      userId,
      role,
      orgId,
    });
  };

  const firstAcademicTeacher = plans.find((p) => p.type === "TEACHER" && p.academic);
  const leaderCollege = firstAcademicTeacher?.college ?? null;
  const inCollege = leaderCollege
    ? members.filter(
        (m) => m.orgId !== root.id && orgById(m.orgId)?.path.startsWith(`${leaderCollege.path}/`),
      )
    : [];
  const leaderMember = inCollege.find((m) => m.positions.includes("COLLEGE_LEADER")) ?? null;
  const secretaryBranch = firstAcademicTeacher?.org ?? null;
  const branchMembers = secretaryBranch
    ? members.filter((m) => m.orgId === secretaryBranch.id)
    : [];
  const secretaryMember = branchMembers.find((m) => m.positions.includes("SECRETARY")) ?? null;
  const ordinaryMember =
    branchMembers.find(
      (m) =>
        m.status === "FULL" &&
        m.cadreLevel === "NONE" &&
        !m.positions.some(
          (p) => p === "SECRETARY" || p === "COMMITTEE_MEMBER" || p === "COLLEGE_LEADER",
        ),
    ) ??
    branchMembers.find((m) => !m.positions.includes("SECRETARY") && m.cadreLevel === "NONE") ??
    null;

  function orgById(id: string): DemoOrganization | undefined {
    return orgIndex.get(id);
  }

  if (logins !== "none") addLogin("admin", "组织部 王老师", "ORG_ADMIN", root.id, null);
  if (logins === "all") {
    if (leaderCollege && leaderMember)
      addLogin(
        "leader",
        `${leaderMember.name}（院领导）`,
        "LEADER",
        leaderCollege.id,
        leaderMember.id,
      );
    if (secretaryBranch && secretaryMember)
      addLogin(
        "secretary",
        `${secretaryMember.name}（支部书记）`,
        "SECRETARY",
        secretaryBranch.id,
        secretaryMember.id,
      );
    if (secretaryBranch && ordinaryMember)
      addLogin("member", ordinaryMember.name, "MEMBER", secretaryBranch.id, ordinaryMember.id);
    addLogin("inspector", "督查组 李老师", "INSPECTOR", root.id, null);
  }

  return {
    tenant,
    organizations,
    placements,
    departments,
    members,
    memberships,
    users,
    roleAssignments,
    highlights: {
      rootOrgId: root.id,
      leaderCollegeId: leaderCollege?.id ?? null,
      leaderMemberId: leaderMember?.id ?? null,
      secretaryBranchId: secretaryBranch?.id ?? null,
      secretaryMemberId: secretaryMember?.id ?? null,
      memberMemberId: ordinaryMember?.id ?? null,
    },
  };
}
