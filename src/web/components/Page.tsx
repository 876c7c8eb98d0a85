import { useEffect, useRef, type ReactNode } from 'react';
import { usePlace } from '../lib/router.ts';
import { useAnnounce } from './Announcer.tsx';

type PageProps = {
  /** The page's h1 and the start of the browser tab's title. */
  title: string;
  /** While the page waits for its data, the title is not announced yet. */
  busy?: boolean;
  /** A line under the heading, such as "A working group of …". */
  lead?: ReactNode;
  children?: ReactNode;
};

/**
 * Every page starts here. On each change of page it moves focus to the h1 and
 * announces the new title, so keyboard and screen-reader users know where
 * they are; it also sets the browser tab's title.
 */
export function Page({ title, busy = false, lead, children }: PageProps) {
  const place = usePlace();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const notice = place.notice;

  useEffect(() => {
    document.title = `${title} – Accord`;
  }, [title]);

  const { key, moved } = place;

  useEffect(() => {
    if (moved) heading.current?.focus();
  }, [key, moved]);

  useEffect(() => {
    if (moved && !busy) announce(notice ? `${title}. ${notice}` : title);
  }, [key, moved, busy, title, notice, announce]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead}
      {notice ? <p className="notice">{notice}</p> : null}
      {children}
    </>
  );
}
