import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Me } from '../../contracts/accounts.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Link, NavLink } from '../components/Link.tsx';
import { aboutMessages } from '../features/about/messages.ts';
import './layout.css';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // Move focus without touching the address: its fragment may hold an invitation token.
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

/** The installation's tools, for administrators only: a menu that opens on demand. */
function AdminMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  }
  return (
    <li className="admin-menu" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        className="button-link admin-menu-button"
        aria-expanded={open}
        aria-controls="admin-menu"
        onClick={() => setOpen((was) => !was)}
      >
        <FormattedMessage id="app.admin.menu" defaultMessage="Administration" />
      </button>
      {open ? (
        <ul id="admin-menu" className="admin-menu-list" onClick={() => setOpen(false)}>
          <li>
            <NavLink to="/admin/outbox">
              <FormattedMessage id="app.admin.outbox" defaultMessage="Outbox" />
            </NavLink>
          </li>
          <li>
            <a href="/api/docs">
              <FormattedMessage id="app.admin.apiDocs" defaultMessage="API documentation" />
            </a>
          </li>
        </ul>
      ) : null}
    </li>
  );
}

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const intl = useIntl();
  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        <FormattedMessage id="app.layout.skipToMain" defaultMessage="Skip to main content" />
      </a>
      <header className="site-header">
        <div className="wrap site-header-inner">
          <Link to="/" className="brand">
            <FormattedMessage id="app.layout.brand" defaultMessage="Accord" />
          </Link>
          <nav
            aria-label={intl.formatMessage({ id: 'app.layout.mainNav', defaultMessage: 'Main' })}
            className="site-nav"
          >
            <ul>
              {me ? (
                <>
                  <li>
                    <NavLink to="/groups">
                      <FormattedMessage id="app.layout.myGroups" defaultMessage="My groups" />
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/account">
                      <FormattedMessage id="app.layout.account" defaultMessage="Account" />
                    </NavLink>
                  </li>
                  {me.isAdmin ? <AdminMenu /> : null}
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">
                      <FormattedMessage id="app.layout.signIn" defaultMessage="Sign in" />
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">
                      <FormattedMessage
                        id="app.layout.register"
                        defaultMessage="Create an account"
                      />
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="wrap main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            <FormattedMessage
              id="app.layout.footer"
              defaultMessage="Accord runs co-production groups by their own Terms of Reference."
            />
          </p>
          <p>
            <Link to="/accessibility">
              <FormattedMessage {...aboutMessages.footerAccessibility} />
            </Link>
          </p>
        </div>
      </footer>
    </>
  );
}
