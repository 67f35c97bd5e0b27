/**
 * ContentNote bodies are HTML, and the API and some exports give them base64-encoded. The audit
 * scans (and previews) the plain text a reader sees.
 */

const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}\s*$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function maybeBase64(value: string): string {
  const compact = value.trim();
  if (compact.length < 16 || !BASE64.test(compact) || compact.replace(/\s/g, '').length % 4 !== 0)
    return value;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // Only text that decodes cleanly (no replacement characters, no control bytes) was base64.
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c === 0xfffd || c < 0x09 || (c > 0x0d && c < 0x20)) return value;
  }
  return decoded;
}

export function contentNoteText(value: string): string {
  const text = maybeBase64(value);
  if (!/<[a-z/!][^>]*>/i.test(text)) return text;
  return decodeEntities(
    text
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  ).replace(/\n{3,}/g, '\n\n');
}
