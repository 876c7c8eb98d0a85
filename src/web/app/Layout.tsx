import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Me } from '../../contracts/accounts.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Link, NavLink } from '../components/Link.tsx';
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
        Administration
      </button>
      {open ? (
        <ul id="admin-menu" className="admin-menu-list" onClick={() => setOpen(false)}>
          <li>
            <NavLink to="/admin/outbox">Outbox</NavLink>
          </li>
          <li>
            <a href="/api/docs">API documentation</a>
          </li>
        </ul>
      ) : null}
    </li>
  );
}

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="site-header">
        <div className="wrap site-header-inner">
          <Link to="/" className="brand">
            Accord
          </Link>
          <nav aria-label="Main" className="site-nav">
            <ul>
              {me ? (
                <>
                  <li>
                    <NavLink to="/groups">My groups</NavLink>
                  </li>
                  <li>
                    <NavLink to="/account">Account</NavLink>
                  </li>
                  {me.isAdmin ? <AdminMenu /> : null}
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">Sign in</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">Create an account</NavLink>
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
          <p>Accord runs co-production groups by their own Terms of Reference.</p>
        </div>
      </footer>
    </>
  );
}
