import { useEffect, useMemo, useState } from 'react';

type Render = (source: string) => string;

let render: Render | null = null;
let loading: Promise<void> | null = null;

/** The renderer is a file of its own, fetched the first time a page shows Markdown. */
function loadRenderer(): Promise<void> {
  loading ??= import('../../policy/markdown.ts').then((module) => {
    render = module.renderMarkdown;
  });
  return loading;
}

/**
 * Markdown shown as HTML through the shared renderer (the same one the server
 * runs): CommonMark without raw HTML, then only an allowlist of elements, so
 * the stored text is always the source and nothing in it can add script.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const [ready, setReady] = useState(render !== null);
  useEffect(() => {
    if (!ready) void loadRenderer().then(() => setReady(true));
  }, [ready]);
  const html = useMemo(() => (ready && render ? render(source) : null), [ready, source]);
  return html === null ? (
    // "loading" until the renderer has arrived, like every other part still on its way.
    <div className={`${className ?? 'markdown'} loading`} aria-busy="true" />
  ) : (
    <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
