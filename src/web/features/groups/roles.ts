import { defineMessages, type IntlShape } from 'react-intl';
import type { GroupRoleName } from '../../../contracts/groups.ts';

export const ROLE_MESSAGES = defineMessages<GroupRoleName>({
  chair: { id: 'groups.role.chair', defaultMessage: 'Chair' },
  note_taker: { id: 'groups.role.noteTaker', defaultMessage: 'Note-taker' },
  observer: { id: 'groups.role.observer', defaultMessage: 'Observer' },
  participant: { id: 'groups.role.participant', defaultMessage: 'Participant' },
});

export const ROLE_ORDER: GroupRoleName[] = ['chair', 'note_taker', 'participant', 'observer'];

export function roleLabel(intl: IntlShape, role: GroupRoleName): string {
  return intl.formatMessage(ROLE_MESSAGES[role]);
}
