import { useContext } from 'react';
import { BUILT_IN_ROLES } from '../../../policy/terms.ts';
import {
  ChecklistInput,
  EditorContext,
  getAt,
  keyedOptions,
  ListInput,
  NumberInput,
  SelectInput,
  someWithoutKey,
  TextInput,
} from './editor.tsx';
import { lowerFirst, rowLabel } from './fields.ts';

const BUILT_IN_ROLE_LABELS: Record<(typeof BUILT_IN_ROLES)[number], string> = {
  chair: 'Chair',
  note_taker: 'Note-taker',
  observer: 'Observer',
};

const BUILT_IN_OPTIONS = BUILT_IN_ROLES.map((key) => [key, BUILT_IN_ROLE_LABELS[key]] as const);

/**
 * Tick boxes of the roles a group has: those every group has, then its own
 * other roles, and any role it names that is not one any more, to untick.
 */
export function RoleChoice({ path, hint }: { path: string; hint: string }) {
  const { doc } = useContext(EditorContext);
  const otherRoles = getAt(doc, 'roles.otherRoles');
  const options = keyedOptions(
    otherRoles,
    getAt(doc, path),
    (key) => `${key} (no longer a role of the group)`,
    BUILT_IN_OPTIONS,
  );
  return (
    <ChecklistInput
      path={path}
      options={options}
      hint={
        someWithoutKey(otherRoles)
          ? `${hint} Roles you have just added appear here once you save the draft.`
          : hint
      }
      empty="There are no roles to choose from."
    />
  );
}

/** Chairs, the group's other roles, and declaring interests. */
export function Roles() {
  return (
    <>
      <NumberInput
        path="roles.chairs.count"
        hint="From 1 to 4. Two or more share the role as co-chairs."
      />
      <SelectInput
        path="roles.chairs.selection"
        options={[
          ['elected_by_members', 'The members elect them'],
          ['agreed_by_consensus', 'The whole group agrees them, by consensus'],
          ['appointed', 'They are appointed, not elected'],
          ['rotating', 'People take the role in turn'],
        ]}
      />
      <NumberInput
        path="roles.chairs.termMonths"
        nullable
        hint="12 is a year. Leave it empty if there is no set term."
      />
      <NumberInput
        path="roles.chairs.maxConsecutiveTerms"
        nullable
        hint="Leave it empty if there is no limit."
      />
      <TextInput path="roles.chairs.note" nullable multiline />
      <ListInput
        path="roles.otherRoles"
        legend="Other roles"
        hint="Every group already has chairs, a note-taker and observers. Add any other role people hold, such as a treasurer or a staff adviser."
        addLabel="Add a role"
        removeLabel={(i) => `Remove ${lowerFirst(rowLabel('roles.otherRoles', i))}`}
        blank={() => ({ key: '', title: '', description: '' })}
      >
        {(i) => (
          <>
            <TextInput path={`roles.otherRoles.${i}.title`} hint="Such as: Treasurer." />
            <TextInput path={`roles.otherRoles.${i}.description`} multiline />
            <TextInput
              path={`roles.otherRoles.${i}.key`}
              hint="Accord uses this to name the role elsewhere in these terms, such as in who may call a vote. Lowercase letters, numbers and underscores, such as treasurer. Leave it empty and Accord makes one from the name."
            />
          </>
        )}
      </ListInput>
      <RoleChoice
        path="membership.nonVotingRoles"
        hint="People in these roles come to meetings and take part, but never vote, such as observers or a staff adviser."
      />
      <SelectInput
        path="roles.declareInterests"
        hint="An interest is a reason someone may not be neutral, such as working for an organisation the group is discussing."
        options={[
          ['each_agenda_item', 'At each agenda item, anyone with an interest in it says so first'],
          ['not_required', 'People are not asked to say, item by item'],
        ]}
      />
    </>
  );
}
