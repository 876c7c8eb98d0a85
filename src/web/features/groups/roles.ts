import type { GroupRoleName } from '../../../contracts/groups.ts';

export const ROLE_LABELS: Record<GroupRoleName, string> = {
  chair: 'Chair',
  note_taker: 'Note-taker',
  observer: 'Observer',
  participant: 'Participant',
};

export const ROLE_ORDER: GroupRoleName[] = ['chair', 'note_taker', 'participant', 'observer'];

/** A role in a sentence: "a chair", "an observer". */
export function aRole(role: GroupRoleName): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}
