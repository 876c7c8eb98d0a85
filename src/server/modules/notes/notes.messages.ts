import { defineMessages } from '@formatjs/intl';

/** What the notes answer when they cannot do what was asked. */
export const m = defineMessages({
  notStarted: {
    id: 'api.notes.notStarted',
    defaultMessage: 'Notes are written once the meeting has started.',
  },
  locked: {
    id: 'api.notes.locked',
    defaultMessage: 'Approved notes are locked. A correction is a new version with its reason.',
  },
  sayWhyCorrecting: {
    id: 'api.notes.sayWhyCorrecting',
    defaultMessage: 'these notes were approved: say why they need correcting',
  },
  nothingToCirculate: {
    id: 'api.notes.nothingToCirculate',
    defaultMessage: 'There are no notes of this meeting to circulate yet.',
  },
  approvedAndLocked: {
    id: 'api.notes.approvedAndLocked',
    defaultMessage: 'These notes are approved and locked.',
  },
  attributedViews: {
    id: 'api.notes.attributedViews',
    defaultMessage:
      'The notes attribute {count, plural, one {a view} other {# views}} to people. Reword each, or keep it with a reason, before circulating.',
  },
  attributedView: {
    id: 'api.notes.attributedView',
    defaultMessage: '{where}: “{text}” attributes a view to {who}. Try: “{suggestion}”',
  },
  commentsWhileCirculated: {
    id: 'api.notes.commentsWhileCirculated',
    defaultMessage: 'Comments are taken while the notes are circulated.',
  },
  approvedLater: {
    id: 'api.notes.approvedLater',
    defaultMessage: 'notes are approved at a later meeting',
  },
  notTakenPlace: {
    id: 'api.notes.notTakenPlace',
    defaultMessage: 'that meeting has not taken place yet',
  },
  noNotes: { id: 'api.notes.noNotes', defaultMessage: 'There are no notes of this meeting yet.' },
  circulateFirst: {
    id: 'api.notes.circulateFirst',
    defaultMessage: 'Circulate the notes to the group before they are approved.',
  },
  unresolvedComments: {
    id: 'api.notes.unresolvedComments',
    defaultMessage:
      '{count, plural, one {A comment has} other {# comments have}} come in since the notes were last changed. Read {count, plural, one {it} other {them}} first, or approve the notes as they are, saying so.',
  },
  acknowledgeUnresolved: {
    id: 'api.notes.acknowledgeUnresolved',
    defaultMessage:
      'must be true to approve the notes with {count, plural, one {an unresolved comment} other {# unresolved comments}}',
  },
  comment: { id: 'api.notes.comment', defaultMessage: '{name}: “{body}”' },
  actionOwnerOnly: {
    id: 'api.notes.actionOwnerOnly',
    defaultMessage: 'Only the action’s owner, a chair or a note-taker can change it.',
  },
});
