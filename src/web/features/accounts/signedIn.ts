import { useIntl, type MessageDescriptor } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { navigate } from '../../lib/router.ts';

/**
 * What happens once the server has signed a person in from an emailed link or
 * a new password: the app follows their account (and its language), then goes
 * on to `to`, saying `welcome` (which may name them as {name}) when it arrives.
 */
export function useSignedIn(onSignedIn: (me: Me) => void) {
  const intl = useIntl();
  const { followAccount } = useLocale();
  return (user: Me, to: string, welcome: MessageDescriptor) => {
    followAccount(user);
    onSignedIn(user);
    navigate(to, { replace: true, notice: intl.formatMessage(welcome, { name: user.name }) });
  };
}
