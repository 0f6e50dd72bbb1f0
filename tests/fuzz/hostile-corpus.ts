/**
 * Hostile input: values no honest form sends, each with a name for the report. Used by the
 * hostile-input integration tests (every text field of every server action) and the schema tests.
 */
export type HostileValue = { name: string; value: string | Blob; group: string };

const str = (group: string, name: string, value: string): HostileValue => ({ group, name, value });

export const HOSTILE_STRINGS: HostileValue[] = [
  // Size
  str("size", "100k CJK characters", "党".repeat(100_000)),
  str("size", "1M ASCII characters", "a".repeat(1_000_000)),
  str("size", "empty", ""),
  str("size", "only spaces", "   "),
  // Control characters
  str("control", "NUL inside", "名称\u0000后缀"),
  str("control", "BEL", "名称\u0007"),
  str("control", "ANSI escape", "\u001b[31m红色\u001b[0m"),
  str("control", "newline in a line", "第一行\n第二行"),
  str("control", "CRLF", "第一行\r\n第二行"),
  str("control", "tab", "甲\t乙"),
  str("control", "DEL", "名称\u007f"),
  str("control", "C1 control (NEL)", "名称\u0085"),
  str("control", "line separator", "名称\u2028后缀"),
  // Bidirectional formatting
  str("bidi", "right-to-left override", "\u202egnp.exe"),
  str("bidi", "isolates", "甲\u2066乙\u2069"),
  str("bidi", "right-to-left mark", "\u200f名称"),
  // Markup and script
  str("markup", "script tag", "<script>alert(1)</script>"),
  str("markup", "img onerror", '<img src=x onerror="alert(1)">'),
  str("markup", "javascript URL", "javascript:alert(document.cookie)"),
  // SQL
  str("sql", "drop table", `'; DROP TABLE "Member"; --`),
  str("sql", "tautology", "' OR '1'='1"),
  str("sql", "pg_sleep", "1; SELECT pg_sleep(5)"),
  // Wrong types
  str("type", "NaN", "NaN"),
  str("type", "negative", "-1"),
  str("type", "huge exponent", "1e309"),
  str("type", "JSON object", '{"$ne":null}'),
  str("type", "array text", "[1,2,3]"),
  str("type", "null text", "null"),
  str("type", "full-width digits", "１２３"),
  str("type", "impossible date", "2026-02-30"),
  // Unicode
  str("unicode", "emoji ZWJ sequence", "👨‍👩‍👧 家庭"),
  str("unicode", "astral letters", "𝕏𝕐ℤ"),
  str("unicode", "lone surrogate", "名\ud800称"),
  str("unicode", "BOM", "\ufeff名称"),
  str("unicode", "zero-width space", "名\u200b称"),
  // Spreadsheet formulas and paths
  str("formula", "formula", '=HYPERLINK("http://evil.example","点我")'),
  str("formula", "DDE", "+cmd|' /C calc'!A0"),
  str("path", "path traversal", "../../etc/passwd"),
];

/** A file where text is expected. */
export const HOSTILE_FILE: HostileValue = {
  group: "type",
  name: "file instead of text",
  value: new File(["not text"], "x.txt", { type: "text/plain" }),
};

export const HOSTILE_CORPUS: HostileValue[] = [...HOSTILE_STRINGS, HOSTILE_FILE];

/** Characters the policy never lets into a single-line field (see src/lib/schemas/text.ts). */
export const FORBIDDEN_SINGLE_LINE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** … and into a multi-line field (tab and line feed allowed). */
export const FORBIDDEN_MULTI_LINE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The forms in which an accepted value may be stored: as sent, or normalized as documented. */
export function storedForms(value: string): string[] {
  // FormData carries USV strings: a lone surrogate arrives as U+FFFD.
  const wellFormed = value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
  const forms = new Set<string>();
  for (const v of [value, wellFormed]) {
    forms.add(v);
    forms.add(v.trim());
    forms.add(v.replace(/\r\n?/g, "\n").trim());
    forms.add(v.normalize("NFKC").trim());
  }
  forms.delete("");
  return [...forms];
}
