import { useEffect } from 'react';

/**
 * While `unsaved` is true, leaving the page asks first: closing or reloading
 * the tab (the browser's own question), and following a link within Accord
 * (`question`, answered in a confirm box). A link that opens elsewhere (a new
 * tab, a download) or stays on this page leaves nothing behind, so it is let
 * through.
 */
export function useLeaveGuard(unsaved: boolean, question: string): void {
  useEffect(() => {
    if (!unsaved) return;
    function beforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers ask only when a value is set.
      event.returnValue = '';
    }
    function click(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
      const to = new URL(link.href, window.location.href);
      const here = window.location;
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search)
        return;
      // Stops the app's own link handler too: it leaves a link whose click was prevented alone.
      if (!window.confirm(question)) event.preventDefault();
    }
    window.addEventListener('beforeunload', beforeUnload);
    // Capturing, so the question comes before the app changes page.
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [unsaved, question]);
}
