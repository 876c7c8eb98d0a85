import { defineMessages } from '@formatjs/intl';

/** What meetings, their agendas, papers and registers answer when they cannot do what was asked. */
export const m = defineMessages({
  currentItemNotStarted: {
    id: 'api.meetings.currentItemNotStarted',
    defaultMessage: 'This meeting has not started yet: the current item is set while it is on.',
  },
  currentItemOver: {
    id: 'api.meetings.currentItemOver',
    defaultMessage: 'This meeting is over: the current item is set only while it is on.',
  },
  currentItemCancelled: {
    id: 'api.meetings.currentItemCancelled',
    defaultMessage: 'This meeting is cancelled.',
  },
  notOnThisAgenda: {
    id: 'api.meetings.notOnThisAgenda',
    defaultMessage: 'is not an item on this meeting’s agenda',
  },
  chooseAgendaItem: {
    id: 'api.meetings.chooseAgendaItem',
    defaultMessage: 'Choose an item on this meeting’s agenda.',
  },
  chooseArea: {
    id: 'api.meetings.chooseArea',
    defaultMessage: 'choose the remit area this item serves',
  },
  noRemitYet: {
    id: 'api.meetings.noRemitYet',
    defaultMessage: 'this group has no Terms of Reference in force, so no remit areas yet',
  },
  notAnArea: {
    id: 'api.meetings.notAnArea',
    defaultMessage: 'is not an area of our remit: choose one of {areas}',
  },
  agendaClosed: {
    id: 'api.meetings.agendaClosed',
    defaultMessage: 'This meeting is cancelled: its agenda can no longer change.',
  },
  tooManyItems: {
    id: 'api.meetings.tooManyItems',
    defaultMessage: 'a meeting has at most 200 agenda items',
  },
  whyBackOnAgenda: {
    id: 'api.meetings.whyBackOnAgenda',
    defaultMessage: 'say why this item belongs on the agenda: it is recorded',
  },
  noDeclarations: {
    id: 'api.meetings.noDeclarations',
    defaultMessage: 'Our Terms of Reference do not ask for declarations of interest.',
  },
  emptyFile: { id: 'api.meetings.emptyFile', defaultMessage: 'the file is empty' },
  paperTooLarge: {
    id: 'api.meetings.paperTooLarge',
    defaultMessage: 'A paper can be at most 20 MB.',
  },
  fileTooLarge: { id: 'api.meetings.fileTooLarge', defaultMessage: 'must be at most 20 MB' },
  paperTypes: {
    id: 'api.meetings.paperTypes',
    defaultMessage: 'Papers can be PDF, Word (DOCX), OpenDocument text (ODT), PNG or JPEG files.',
  },
  fileType: {
    id: 'api.meetings.fileType',
    defaultMessage:
      'is not a PDF, DOCX, ODT, PNG or JPEG file (judged by its content, not its name)',
  },
  cancelled: { id: 'api.meetings.cancelled', defaultMessage: 'This meeting is cancelled.' },
  ended: {
    id: 'api.meetings.ended',
    defaultMessage:
      'This meeting has ended: a chair or note-taker can correct the register instead.',
  },
  wrongCheckInLink: {
    id: 'api.meetings.wrongCheckInLink',
    defaultMessage:
      'This check-in link is not for this meeting: ask the chair for the current one.',
  },
  checkInNotOpen: {
    id: 'api.meetings.checkInNotOpen',
    defaultMessage: 'Check-in opens at {time} on {day}.',
  },
  checkInNotOpenField: {
    id: 'api.meetings.checkInNotOpenField',
    defaultMessage: 'check-in has not opened yet',
  },
  checkInClosed: {
    id: 'api.meetings.checkInClosed',
    defaultMessage:
      'Check-in closed at {time} on {day}. A chair or note-taker can correct the register.',
  },
  checkInClosedField: {
    id: 'api.meetings.checkInClosedField',
    defaultMessage: 'check-in has closed',
  },
  noRegister: {
    id: 'api.meetings.noRegister',
    defaultMessage: 'This meeting was cancelled, so it has no register.',
  },
  registerNotOpen: {
    id: 'api.meetings.registerNotOpen',
    defaultMessage:
      'The register opens when check-in does, at {time} on {day}. Before then, people answer for themselves.',
  },
  notInGroup: {
    id: 'api.meetings.notInGroup',
    defaultMessage: 'That person is not in this group.',
  },
  notInGroupField: {
    id: 'api.meetings.notInGroupField',
    defaultMessage: 'is not in this group: only people in the group have attendance',
  },
  registerNeedsReason: {
    id: 'api.meetings.registerNeedsReason',
    defaultMessage: 'The meeting has ended: a change to its register needs a reason.',
  },
  whyRegisterChanged: {
    id: 'api.meetings.whyRegisterChanged',
    defaultMessage:
      'say why the register is changed after the meeting: the group sees it on the meeting',
  },
  importProblems: {
    id: 'api.meetings.importProblems',
    defaultMessage:
      '{count, plural, one {# row has a problem} other {# rows have problems}}, so nothing was imported. Fix them and import the whole file again.',
  },
  importMore: {
    id: 'api.meetings.importMore',
    defaultMessage: 'and {count} more rows with problems',
  },
  noRows: { id: 'api.meetings.noRows', defaultMessage: 'has no attendance rows under its header' },
  noCadence: {
    id: 'api.meetings.noCadence',
    defaultMessage: 'There is no meeting cadence to schedule from.',
  },
  workingGroupNoCadence: {
    id: 'api.meetings.workingGroupNoCadence',
    defaultMessage:
      'this working group has no cadence: link it to a working group in the parent group’s Terms of Reference',
  },
  adoptTermsForCadence: {
    id: 'api.meetings.adoptTermsForCadence',
    defaultMessage: 'adopt Terms of Reference first: the meeting cadence comes from them',
  },
  endsBeforeStart: {
    id: 'api.meetings.endsBeforeStart',
    defaultMessage: 'The meeting ends before it starts.',
  },
  afterStart: { id: 'api.meetings.afterStart', defaultMessage: 'must be after the start' },
  within24Hours: {
    id: 'api.meetings.within24Hours',
    defaultMessage: 'must be within 24 hours of the start',
  },
  cancelledAddNew: {
    id: 'api.meetings.cancelledAddNew',
    defaultMessage: 'this meeting is cancelled; add a new meeting instead',
  },
  whyMoving: {
    id: 'api.meetings.whyMoving',
    defaultMessage: 'say why the meeting is moving: the group sees it',
  },
});
