import { defineMessages } from '@formatjs/intl';

/** What groups, their people, invitations and requests to join answer when they cannot do what was asked. */
export const m = defineMessages({
  chairOnly: {
    id: 'api.groups.chairOnly',
    defaultMessage: 'Only a chair of this group can do this.',
  },
  chairOrNoteTaker: {
    id: 'api.groups.chairOrNoteTaker',
    defaultMessage: 'Only a chair or note-taker of this group can do this.',
  },
  roleNotAllowed: {
    id: 'api.groups.roleNotAllowed',
    defaultMessage: 'Your role in this group does not allow this.',
  },
  noParentTerms: {
    id: 'api.groups.noParentTerms',
    defaultMessage:
      'the steering group has no Terms of Reference in force to name this working group',
  },
  notAWorkingGroupKey: {
    id: 'api.groups.notAWorkingGroupKey',
    defaultMessage:
      'is not a working group in the Terms of Reference: use one of {keys, select, none {(none yet)} other {{keys}}}',
  },
  keyTaken: {
    id: 'api.groups.keyTaken',
    defaultMessage: 'Another working group already has that key.',
  },
  keyTakenField: {
    id: 'api.groups.keyTakenField',
    defaultMessage: 'is already used by another working group of this group',
  },
  parentIsWorkingGroup: {
    id: 'api.groups.parentIsWorkingGroup',
    defaultMessage: 'is itself a working group; working groups belong to a steering group',
  },
  onlyWorkingGroupsHaveKeys: {
    id: 'api.groups.onlyWorkingGroupsHaveKeys',
    defaultMessage: 'only a working group has a key in its parent’s Terms of Reference',
  },
  needsAChair: {
    id: 'api.groups.needsAChair',
    defaultMessage: 'A group needs at least one chair. Make someone else a chair first.',
  },
  onlyChair: { id: 'api.groups.onlyChair', defaultMessage: 'is the only chair of this group' },
  invitationGone: {
    id: 'api.groups.invitationGone',
    defaultMessage:
      'That invitation link has expired or was withdrawn. Ask the group for a new link.',
  },
  alreadyIn: { id: 'api.groups.alreadyIn', defaultMessage: 'You are already in this group.' },
  alreadyInField: {
    id: 'api.groups.alreadyInField',
    defaultMessage: 'you are already in this group',
  },
  alreadyAsked: {
    id: 'api.groups.alreadyAsked',
    defaultMessage:
      'You have already asked to join this group. Its chairs will answer your request.',
  },
  alreadyAskedField: {
    id: 'api.groups.alreadyAskedField',
    defaultMessage: 'you already have a request waiting for this group',
  },
  tooManyRequests: {
    id: 'api.groups.tooManyRequests',
    defaultMessage: 'You have asked to join {count} groups today. Please try again tomorrow.',
  },
  requestAccepted: {
    id: 'api.groups.requestAccepted',
    defaultMessage: 'This request has already been accepted.',
  },
  requestDeclined: {
    id: 'api.groups.requestDeclined',
    defaultMessage: 'This request has already been declined.',
  },
  requestAlready: {
    id: 'api.groups.requestAlready',
    defaultMessage:
      'was already {status, select, accepted {accepted} declined {declined} other {{status}}}',
  },
  notAWorkingGroup: {
    id: 'api.groups.notAWorkingGroup',
    defaultMessage: 'That is not a working group.',
  },
  steeringGroup: {
    id: 'api.groups.steeringGroup',
    defaultMessage: 'is a steering group, not a working group',
  },
  workingGroupNeedsChair: {
    id: 'api.groups.workingGroupNeedsChair',
    defaultMessage:
      'A working group needs at least one chair. Make someone else its chair before stepping back.',
  },
});
