/** An organization's name in the user's language, indented by depth for a tree-ordered list. */
export function orgLabel(
  org: { name: string; nameEn: string | null; depth?: number },
  locale: string,
  indent = false,
): string {
  const name = locale === "en" && org.nameEn ? org.nameEn : org.name;
  return indent && org.depth ? `${"\u3000".repeat(org.depth)}${name}` : name;
}
