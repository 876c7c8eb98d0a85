import type { ReactNode } from 'react';

/**
 * A tiny renderer for the Markdown the server writes for a ToR: headings,
 * paragraphs, **bold**, "- " lists and backslash escapes. It builds React
 * elements, never HTML strings, so nothing in a document can inject markup.
 * Headings go one level down (# becomes h2) under the page's own h1.
 */
export function Markdown({ source }: { source: string }) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  let paragraph: string[] = [];

  function flush() {
    if (paragraph.length) {
      blocks.push(<p key={blocks.length}>{inline(paragraph.join(' '))}</p>);
      paragraph = [];
    }
    if (list.length) {
      blocks.push(
        <ul key={blocks.length}>
          {list.map((item, i) => (
            <li key={i}>{inline(item)}</li>
          ))}
        </ul>,
      );
      list = [];
    }
  }

  for (const line of source.split('\n')) {
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min((heading[1] ?? '#').length + 1, 5);
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5';
      blocks.push(<Tag key={blocks.length}>{inline(heading[2] ?? '')}</Tag>);
    } else if (line.startsWith('- ')) {
      if (paragraph.length) flush();
      list.push(line.slice(2));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return <>{blocks}</>;
}

/** Bold and escapes within a line. */
export function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let plain = '';
  let bold: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      i += 1;
      if (bold === null) plain += text[i];
      else bold += text[i];
    } else if (c === '*' && text[i + 1] === '*') {
      i += 1;
      if (bold === null) {
        if (plain) parts.push(plain);
        plain = '';
        bold = '';
      } else {
        parts.push(<strong key={parts.length}>{bold}</strong>);
        bold = null;
      }
    } else if (bold === null) {
      plain += c;
    } else {
      bold += c;
    }
  }
  if (bold !== null) plain += `**${bold}`;
  if (plain) parts.push(plain);
  return parts;
}
