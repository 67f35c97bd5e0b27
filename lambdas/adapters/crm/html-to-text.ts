/**
 * CRM rich text (HubSpot hs_note_body, Salesforce ContentNote Content) to the plain text that is
 * scanned and stored: tags stripped, block elements become line breaks, entities decoded once.
 * A single left-to-right pass (indexOf, no backtracking regexes), so hostile input stays linear.
 */

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
/** Elements whose content is not text a person wrote. */
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title', 'template']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwj: '',
  zwnj: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  iexcl: '¡',
  iquest: '¿',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  agrave: 'à',
  egrave: 'è',
  igrave: 'ì',
  ograve: 'ò',
  ugrave: 'ù',
  Agrave: 'À',
  Egrave: 'È',
  acirc: 'â',
  ecirc: 'ê',
  icirc: 'î',
  ocirc: 'ô',
  ucirc: 'û',
  ccedil: 'ç',
  Ccedil: 'Ç',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  atilde: 'ã',
  otilde: 'õ',
  aring: 'å',
  Aring: 'Å',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  euml: 'ë',
  iuml: 'ï',
};

/** Decodes character references (named, decimal, hex) once: `&amp;lt;` becomes the text `&lt;`. */
export function decodeEntities(text: string, named: Record<string, string> = NAMED): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        // NUL, surrogates and out-of-range code points are not characters: keep the text as written.
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
        return String.fromCodePoint(code);
      }
      return Object.hasOwn(named, ref) ? (named[ref] as string) : whole;
    },
  );
}

/** The XML predefined entities plus character references: what an XML text node may contain. */
export function decodeXmlText(text: string): string {
  return decodeEntities(text, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });
}

/** Whether a string looks like markup rather than plain text (ContentNote may hold either). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*[\s/>]/.test(text.slice(0, 10_000));
}

export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let text = '';
  const flushText = () => {
    if (text) out.push(decodeEntities(text).replace(/[ \t\r\n\f\v]+/g, ' '));
    text = '';
  };
  const breakLine = () => {
    flushText();
    out.push('\n');
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (!/[A-Za-z/!?]/.test(next)) {
      // A bare "<" (as in "a < b") is text.
      text += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) {
      // An unterminated tag: drop it rather than show markup.
      break;
    }
    const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    const name = m ? (m[1] as string).toLowerCase() : '';
    const closing = next === '/';
    i = gt + 1;
    if (!name) continue; // <!doctype>, <?xml?>, </ >
    if (!closing && SKIP_CONTENT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      if (end === -1) break;
      const endGt = html.indexOf('>', end);
      i = endGt === -1 ? html.length : endGt + 1;
      continue;
    }
    if (BLOCK.has(name)) breakLine();
    else if (name === 'td' || name === 'th') {
      flushText();
      out.push(' ');
    }
  }
  flushText();
  // Tidy: trim each line, drop empty ones (block boundaries), none at either end.
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
