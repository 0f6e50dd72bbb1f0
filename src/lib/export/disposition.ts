/**
 * Content-Disposition for a download (RFC 6266 with RFC 5987's filename*): an ASCII name for
 * old clients and the real name, Chinese included, as percent-encoded UTF-8 for the rest.
 */
export function attachmentDisposition(asciiName: string, name: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\;]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file name without the characters Windows and macOS refuse (\ / : * ? " < > |) or control characters. */
export function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|\x00-\x1f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 150);
}
