import { defineMessages } from '@formatjs/intl';

/** What Terms of Reference drafts, adoption and acceptance answer when they cannot do what was asked. */
export const m = defineMessages({
  draftExists: {
    id: 'api.terms.draftExists',
    defaultMessage: 'This group already has a draft. Edit it, or adopt it first.',
  },
  nothingInForce: {
    id: 'api.terms.nothingInForce',
    defaultMessage: 'there is no version in force yet: start from the template',
  },
  badChoices: {
    id: 'api.terms.badChoices',
    defaultMessage: 'Those choices do not make valid Terms of Reference.',
  },
  draftNeedsFixing: {
    id: 'api.terms.draftNeedsFixing',
    defaultMessage: 'Some parts of the draft need fixing.',
  },
  fixBeforeAdopting: {
    id: 'api.terms.fixBeforeAdopting',
    defaultMessage: 'The draft needs fixing before it can be adopted.',
  },
  notAgreed: {
    id: 'api.terms.notAgreed',
    defaultMessage: 'that decision did not agree the proposal',
  },
  afterPrevious: {
    id: 'api.terms.afterPrevious',
    defaultMessage: 'must be on or after {date}, when version {number} was adopted',
  },
  afterDraftStarted: {
    id: 'api.terms.afterDraftStarted',
    defaultMessage:
      'must be on or after {date}, when this draft was started: the group cannot have agreed it earlier',
  },
  afterToday: {
    id: 'api.terms.afterToday',
    defaultMessage:
      'is after today ({date}): give the date of the meeting that agreed these terms, or confirm that they take effect on that future date',
  },
  noLongerInForce: {
    id: 'api.terms.noLongerInForce',
    defaultMessage:
      'Version {number} is no longer in force: read version {inForce} and accept that.',
  },
  versionInForce: {
    id: 'api.terms.versionInForce',
    defaultMessage: 'must be {inForce}, the version in force',
  },
  behaviourClause: {
    id: 'api.terms.behaviourClause',
    defaultMessage: 'must be a clause of the behaviour agreement, from 1 to {count}',
  },
});
