import { defineMessages } from '@formatjs/intl';

/** What releases, their authorisations and links between groups answer when they cannot do what was asked. */
export const m = defineMessages({
  nameAnItem: { id: 'api.releases.nameAnItem', defaultMessage: 'name at least one item' },
  thisDecisionOnlyReleases: {
    id: 'api.releases.thisDecisionOnlyReleases',
    defaultMessage: 'only a release can name the decision it records',
  },
  nameGroups: {
    id: 'api.releases.nameGroups',
    defaultMessage: 'name the linked groups that may read it',
  },
  needsAgreement: {
    id: 'api.releases.needsAgreement',
    defaultMessage:
      'Releasing needs the group’s agreement: a recorded decision, or where the ToR allows, the meeting where the group agreed.',
  },
  nameDecision: {
    id: 'api.releases.nameDecision',
    defaultMessage: 'name the decision that agreed this, or the meeting where the group agreed it',
  },
  decisionOnly: {
    id: 'api.releases.decisionOnly',
    defaultMessage: 'our Terms of Reference release only by a recorded decision: name the decision',
  },
  agreementUsed: {
    id: 'api.releases.agreementUsed',
    defaultMessage:
      'The group’s agreement to {action, select, withdraw {withdraw} other {release}} this item has already been used: to {action, select, withdraw {withdraw} other {release}} it again, the group agrees again.',
  },
  agreementUsedField: {
    id: 'api.releases.agreementUsedField',
    defaultMessage:
      'has already been used to {action, select, withdraw {withdraw} other {release}} this item',
  },
  decisionDidNotAgree: {
    id: 'api.releases.decisionDidNotAgree',
    defaultMessage:
      'that decision did not agree to {action, select, withdraw {withdraw} other {release}} this item to this audience',
  },
  notOnAgenda: {
    id: 'api.releases.notOnAgenda',
    defaultMessage: 'no release proposal on that meeting’s agenda named this item and audience',
  },
  groupAgreesEach: {
    id: 'api.releases.groupAgreesEach',
    defaultMessage:
      'The group agrees to {action, select, withdraw {withdraw} other {release}} each item: raise a release proposal naming it and the audience, and cite the decision that agreed it.',
  },
  justUsed: {
    id: 'api.releases.justUsed',
    defaultMessage: 'The group’s agreement for this has just been used.',
  },
  notLinked: { id: 'api.releases.notLinked', defaultMessage: 'is not a group linked to this one' },
  linkedOnly: {
    id: 'api.releases.linkedOnly',
    defaultMessage:
      'A release can name only groups linked to this one: its steering group, its working groups, sibling working groups, or a group linked by both chairs.',
  },
  itself: { id: 'api.releases.itself', defaultMessage: 'is this group itself' },
  alreadyReleased: {
    id: 'api.releases.alreadyReleased',
    defaultMessage: 'This item is already released to that audience.',
  },
  notesNotApproved: {
    id: 'api.releases.notesNotApproved',
    defaultMessage: 'must be a meeting of this group whose notes are approved',
  },
  termsNotAdopted: {
    id: 'api.releases.termsNotAdopted',
    defaultMessage: 'must be an adopted version of this group’s Terms of Reference',
  },
  notOfGroup: {
    id: 'api.releases.notOfGroup',
    defaultMessage:
      'is not a {type, select, decision {decision} learning {learning} paper {paper} suggestion {suggestion} other {{type}}} of this group',
  },
});
