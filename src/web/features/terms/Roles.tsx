import { useContext } from 'react';
import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { BUILT_IN_ROLES } from '../../../policy/terms.ts';
import { EditorContext, getAt } from './editor.tsx';
import {
  ChecklistInput,
  keyedOptions,
  NumberInput,
  SelectInput,
  someWithoutKey,
  TextInput,
} from './inputs.tsx';
import { ListInput } from './ListInput.tsx';
import { lowerFirst, rowLabel } from './fields.ts';

const BUILT_IN_ROLE_LABELS: Record<(typeof BUILT_IN_ROLES)[number], MessageDescriptor> =
  defineMessages({
    chair: { id: 'terms.roles.chair', defaultMessage: 'Chair' },
    note_taker: { id: 'terms.roles.noteTaker', defaultMessage: 'Note-taker' },
    observer: { id: 'terms.roles.observer', defaultMessage: 'Observer' },
  });

const MESSAGES = defineMessages({
  gone: { id: 'terms.roles.gone', defaultMessage: '{key} (no longer a role of the group)' },
  justAdded: {
    id: 'terms.roles.justAdded',
    defaultMessage: '{hint} Roles you have just added appear here once you save the draft.',
  },
  none: { id: 'terms.roles.none', defaultMessage: 'There are no roles to choose from.' },
  chairsCountHint: {
    id: 'terms.roles.chairsCountHint',
    defaultMessage: 'From 1 to 4. Two or more share the role as co-chairs.',
  },
  elected: { id: 'terms.roles.elected', defaultMessage: 'The members elect them' },
  byConsensus: {
    id: 'terms.roles.byConsensus',
    defaultMessage: 'The whole group agrees them, by consensus',
  },
  appointed: { id: 'terms.roles.appointed', defaultMessage: 'They are appointed, not elected' },
  rotating: { id: 'terms.roles.rotating', defaultMessage: 'People take the role in turn' },
  termHint: {
    id: 'terms.roles.termHint',
    defaultMessage: '12 is a year. Leave it empty if there is no set term.',
  },
  maxTermsHint: {
    id: 'terms.roles.maxTermsHint',
    defaultMessage: 'Leave it empty if there is no limit.',
  },
  otherLegend: { id: 'terms.roles.otherLegend', defaultMessage: 'Other roles' },
  otherHint: {
    id: 'terms.roles.otherHint',
    defaultMessage:
      'Every group already has chairs, a note-taker and observers. Add any other role people hold, such as a treasurer or a staff adviser.',
  },
  add: { id: 'terms.roles.add', defaultMessage: 'Add a role' },
  remove: { id: 'terms.editor.removeRow', defaultMessage: 'Remove {row}' },
  titleHint: { id: 'terms.roles.titleHint', defaultMessage: 'Such as: Treasurer.' },
  keyHint: {
    id: 'terms.roles.keyHint',
    defaultMessage:
      'Accord uses this to name the role elsewhere in these terms, such as in who may call a vote. Lowercase letters, numbers and underscores, such as treasurer. Leave it empty and Accord makes one from the name.',
  },
  nonVotingHint: {
    id: 'terms.roles.nonVotingHint',
    defaultMessage:
      'People in these roles come to meetings and take part, but never vote, such as observers or a staff adviser.',
  },
  interestsHint: {
    id: 'terms.roles.interestsHint',
    defaultMessage:
      'An interest is a reason someone may not be neutral, such as working for an organisation the group is discussing.',
  },
  eachItem: {
    id: 'terms.roles.interestsEachItem',
    defaultMessage: 'At each agenda item, anyone with an interest in it says so first',
  },
  notRequired: {
    id: 'terms.roles.interestsNotRequired',
    defaultMessage: 'People are not asked to say, item by item',
  },
});

/** Plain descriptors: the catalogue check, not the type, holds each message's arguments. */
const M: Record<keyof typeof MESSAGES, MessageDescriptor> = MESSAGES;

/**
 * Tick boxes of the roles a group has: those every group has, then its own
 * other roles, and any role it names that is not one any more, to untick.
 */
export function RoleChoice({ path, hint }: { path: string; hint: string }) {
  const intl = useIntl();
  const { doc } = useContext(EditorContext);
  const otherRoles = getAt(doc, 'roles.otherRoles');
  const options = keyedOptions(
    otherRoles,
    getAt(doc, path),
    (key) => intl.formatMessage(M.gone, { key }),
    BUILT_IN_ROLES.map((key) => [key, intl.formatMessage(BUILT_IN_ROLE_LABELS[key])] as const),
  );
  return (
    <ChecklistInput
      path={path}
      options={options}
      hint={someWithoutKey(otherRoles) ? intl.formatMessage(M.justAdded, { hint }) : hint}
      empty={intl.formatMessage(M.none)}
    />
  );
}

/** Chairs, the group's other roles, and declaring interests. */
export function Roles() {
  const intl = useIntl();
  const say = (message: MessageDescriptor) => intl.formatMessage(message);
  return (
    <>
      <NumberInput path="roles.chairs.count" hint={say(M.chairsCountHint)} />
      <SelectInput
        path="roles.chairs.selection"
        options={[
          ['elected_by_members', say(M.elected)],
          ['agreed_by_consensus', say(M.byConsensus)],
          ['appointed', say(M.appointed)],
          ['rotating', say(M.rotating)],
        ]}
      />
      <NumberInput path="roles.chairs.termMonths" nullable hint={say(M.termHint)} />
      <NumberInput path="roles.chairs.maxConsecutiveTerms" nullable hint={say(M.maxTermsHint)} />
      <TextInput path="roles.chairs.note" nullable multiline />
      <ListInput
        path="roles.otherRoles"
        legend={say(M.otherLegend)}
        hint={say(M.otherHint)}
        addLabel={say(M.add)}
        removeLabel={(i) =>
          intl.formatMessage(M.remove, {
            row: lowerFirst(rowLabel('roles.otherRoles', i, intl)),
          })
        }
        blank={() => ({ key: '', title: '', description: '' })}
      >
        {(i) => (
          <>
            <TextInput path={`roles.otherRoles.${i}.title`} hint={say(M.titleHint)} />
            <TextInput path={`roles.otherRoles.${i}.description`} multiline />
            <TextInput path={`roles.otherRoles.${i}.key`} hint={say(M.keyHint)} />
          </>
        )}
      </ListInput>
      <RoleChoice path="membership.nonVotingRoles" hint={say(M.nonVotingHint)} />
      <SelectInput
        path="roles.declareInterests"
        hint={say(M.interestsHint)}
        options={[
          ['each_agenda_item', say(M.eachItem)],
          ['not_required', say(M.notRequired)],
        ]}
      />
    </>
  );
}
