/**
 * Markdown to safe HTML, the same on the server and in the browser. The text
 * people write (notes, comments, released items) and the Markdown a ToR is
 * written as are stored as they were written; this renders them when they
 * are shown.
 *
 * Two steps, each a maintained library: markdown-it parses CommonMark (with
 * the GitHub tables and strikethrough) with raw HTML off, so any tag typed
 * into the text stays text; sanitize-html then keeps only the elements and
 * attributes below, whatever the parser produced. Links go only to http:,
 * https: and mailto: addresses and never pass on the page they came from.
 * Images are shown as their description: nothing loads from elsewhere.
 * Headings go one level down (# becomes h2) under the page's own h1.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** The only addresses a link may have. */
const SAFE_LINK = /^(https?:|mailto:)/i;

const parser = new MarkdownIt('commonmark', {
  html: false,
  linkify: false,
  typographer: false,
  breaks: false,
}).enable(['table', 'strikethrough']);

parser.validateLink = (url) => SAFE_LINK.test(url.trim());

parser.renderer.rules.image = (tokens, idx, options, env, self) =>
  parser.utils.escapeHtml(self.renderInlineAsText(tokens[idx]?.children ?? [], options, env));

parser.core.ruler.push('headings_one_level_down', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(Number(token.tag.slice(1)) + 1, 6)}`;
    }
  }
});

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'blockquote',
    'a',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link whose address is not http:, https: or mailto: keeps only its words.
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href;
      return href !== undefined && SAFE_LINK.test(href)
        ? { tagName, attribs: { href, rel: 'noopener noreferrer' } }
        : { tagName: 'span', attribs: {} };
    },
  },
};

/** The elements the rendered HTML may contain, for checks of its output. */
export const MARKDOWN_ELEMENTS: readonly string[] = ALLOWED.allowedTags as string[];

/** Safe HTML for a Markdown text. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(parser.render(source), ALLOWED);
}
