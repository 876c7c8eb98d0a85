import type { ReactNode } from 'react';
import { withNext } from '../lib/router.ts';
import { Link } from './Link.tsx';

type Props = {
  /** Where the person comes back to once signed in. */
  back: string;
  /** Which way in is the main button: the one the page expects most people to need. */
  first: 'signIn' | 'register';
  signIn: ReactNode;
  register: ReactNode;
};

/** The two ways in for someone signed out: sign in, or create an account, and come back here. */
export function SignInOrRegister({ back, first, signIn, register }: Props) {
  const ways = [
    { key: 'signIn', to: withNext('/sign-in', back), label: signIn },
    { key: 'register', to: withNext('/register', back), label: register },
  ];
  if (first === 'register') ways.reverse();
  return (
    <div className="actions">
      {ways.map((way, index) => (
        <Link
          key={way.key}
          to={way.to}
          className={index === 0 ? 'button' : 'button button-secondary'}
        >
          {way.label}
        </Link>
      ))}
    </div>
  );
}
