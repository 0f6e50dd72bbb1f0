import { z } from "zod";

/**
 * The platform's policy for free text typed into forms or read from imports.
 *
 * Single-line text (names, titles, codes, places): trimmed; refused when it holds any control
 * character (C0 including tab and line breaks, DEL, C1), a line or paragraph separator
 * (U+2028/U+2029), or a bidirectional formatting character: embeddings and overrides
 * (U+202A–U+202E, e.g. the "right-to-left override" U+202E that makes "gnp.exe" read as "exe.png"),
 * isolates (U+2066–U+2069) and the invisible direction marks (U+200E, U+200F, U+061C). None of
 * these has a place in a name, and each can make one text look like another.
 *
 * Multi-line text (descriptions, minutes, comments): line breaks are normalized to "\n", tabs and
 * line breaks are kept, the same other characters are refused. Trimmed.
 *
 * Everything else is stored exactly as typed: markup, SQL or formula-like text is data, rendered
 * as text by React, passed as parameters to the database and neutralized in CSV exports.
 */
export const SINGLE_LINE_FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
export const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The message for a text that breaks the policy, naming what to remove. */
export function forbiddenTextMessage(label: string, value: string): string {
  if (BIDI.test(value)) return `${label}含有文字方向控制字符（如 U+202E），请删除后重试`;
  if (/[\n\r\u2028\u2029]/.test(value)) return `${label}只能填写一行，不能换行`;
  return `${label}含有不可见的控制字符，请删除后重试`;
}

/** Adds the single-line rule to a string schema (with the label for the message). */
export function singleLineRule(label: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (SINGLE_LINE_FORBIDDEN.test(value))
      ctx.addIssue({ code: "custom", message: forbiddenTextMessage(label, value) });
  };
}

/** Adds the multi-line rule to a string schema (after line breaks are normalized). */
export function multiLineRule(label: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (MULTI_LINE_FORBIDDEN.test(value))
      ctx.addIssue({ code: "custom", message: forbiddenTextMessage(label, value) });
  };
}

/** "\r\n" and "\r" → "\n", then trimmed. */
export const normalizeLines = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/** A required single-line text of at most `max` characters. */
export const singleLine = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`)
    .superRefine(singleLineRule(label));

/** An optional single-line text: empty or absent → null. */
export const optionalSingleLine = (max: number, label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字符`).superRefine(singleLineRule(label)))
    .transform((s) => (s ? s : null));

/** A required multi-line text of at most `max` characters (after normalizing line breaks). */
export const multiLine = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .transform(normalizeLines)
    .pipe(
      z
        .string()
        .min(1, `请填写${label}`)
        .max(max, `${label}不能超过 ${max} 个字符`)
        .superRefine(multiLineRule(label)),
    );

/** An optional multi-line text: empty or absent → null. */
export const optionalMultiLine = (max: number, label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .optional()
    .transform((s) => normalizeLines(s ?? ""))
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字符`).superRefine(multiLineRule(label)))
    .transform((s) => (s ? s : null));

/**
 * True for a real calendar day written YYYY-MM-DD. `Date.parse` accepts "2023-02-30", and a
 * string that is not a date at all makes `toISOString` throw; this never throws.
 */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
}

/** Characters no string inside stored JSON may hold (PostgreSQL's jsonb cannot even store NUL). */
const JSON_STRING_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * The path ("campaign.quotas.0.name") of the first string in a parsed JSON value (keys included)
 * that holds a control character or bidi formatting character, or null when there is none.
 * Iterative: a deeply nested document cannot overflow the stack.
 */
export function findForbiddenInJson(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: "" }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (JSON_STRING_FORBIDDEN.test(value)) return path || "(根)";
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: path ? `${path}.${i}` : String(i) });
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const at = path ? `${path}.${key}` : key;
        if (JSON_STRING_FORBIDDEN.test(key)) return at;
        stack.push({ value: child, path: at });
      }
    }
  }
  return null;
}
