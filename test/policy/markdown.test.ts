import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/policy/markdown.ts';
import { FEATURES, XSS } from './markdown-corpus.ts';
import { unsafeParts } from './markdown-safety.ts';

describe('Markdown rendering', () => {
  it.each(FEATURES)('renders $name', ({ source, html }) => {
    expect(renderMarkdown(source)).toBe(html);
    expect(unsafeParts(html)).toEqual([]);
  });

  it('the attempts at script are enough of them to mean something', () => {
    expect(XSS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS)('nothing that can run script comes out of %j', (source) => {
    const html = renderMarkdown(source);
    expect(unsafeParts(html), html).toEqual([]);
    // Markup typed into the text is shown as text: no "<" survives unescaped except allowed tags.
    expect(html).not.toMatch(
      /<(script|img|svg|iframe|style|object|embed|form|input)|<[a-z0-9]+\s[^>]*\son[a-z]+=/i,
    );
  });

  it('the safety check itself catches what it is for', () => {
    expect(unsafeParts('<p onclick="x">a</p>')).toEqual(['attribute onclick on p']);
    expect(unsafeParts('<a href="javascript:alert(1)">a</a>')).toEqual([
      'link to javascript:alert(1)',
    ]);
    expect(unsafeParts('<img src="x">')).toEqual(['element img', 'attribute src on img']);
    expect(unsafeParts('<p>a < b</p>')).toHaveLength(1);
  });

  it('renders the same text the same way every time', () => {
    const all = [...FEATURES.map((f) => f.source), ...XSS].join('\n\n');
    expect(renderMarkdown(all)).toBe(renderMarkdown(all));
  });
});
