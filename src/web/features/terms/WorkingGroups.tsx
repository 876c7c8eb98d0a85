import { useContext } from 'react';
import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { CadenceFields } from './cadence.tsx';
import { EditorContext, getAt } from './editor.tsx';
import { ChecklistInput, keyedOptions, someWithoutKey, TextInput } from './inputs.tsx';
import { ListInput } from './ListInput.tsx';
import { lowerFirst, rowLabel } from './fields.ts';

const MESSAGES = defineMessages({
  titleHint: { id: 'terms.workingGroups.titleHint', defaultMessage: 'Such as: Day services.' },
  focusHint: {
    id: 'terms.workingGroups.focusHint',
    defaultMessage: 'A sentence or two about the part of the work it takes on.',
  },
  gone: { id: 'terms.workingGroups.gone', defaultMessage: '{key} (no longer in the remit)' },
  areasHint: {
    id: 'terms.workingGroups.areasHint',
    defaultMessage: 'Choose from the areas in the remit.',
  },
  areasJustAdded: {
    id: 'terms.workingGroups.areasJustAdded',
    defaultMessage:
      'Choose from the areas in the remit. Areas you have just added appear here once you save the draft.',
  },
  noAreas: {
    id: 'terms.workingGroups.noAreas',
    defaultMessage:
      'There are no areas in the remit to choose from yet. Add them above, then save the draft.',
  },
  howOften: {
    id: 'terms.workingGroups.howOften',
    defaultMessage: 'How often does {group} meet?',
  },
  keyHint: {
    id: 'terms.workingGroups.keyHint',
    defaultMessage:
      'Accord uses this to link the working group to its own space. Lowercase letters, numbers and underscores, such as day_services. Leave it empty and Accord makes one from the name. Once the working group has its own space, keep it the same.',
  },
  legend: { id: 'terms.workingGroups.legend', defaultMessage: 'The working groups' },
  hint: {
    id: 'terms.workingGroups.hint',
    defaultMessage: 'The group can add working groups later, as the work needs them.',
  },
  add: { id: 'terms.workingGroups.add', defaultMessage: 'Add a working group' },
  remove: { id: 'terms.editor.removeRow', defaultMessage: 'Remove {row}' },
});

/** Plain descriptors: the catalogue check, not the type, holds each message's arguments. */
const M: Record<keyof typeof MESSAGES, MessageDescriptor> = MESSAGES;

function WorkingGroup({ i }: { i: number }) {
  const intl = useIntl();
  const { doc } = useContext(EditorContext);
  const path = `workingGroups.${i}`;
  const inScope = getAt(doc, 'remit.inScope');
  const newAreas = someWithoutKey(inScope);
  return (
    <>
      <TextInput path={`${path}.title`} hint={intl.formatMessage(M.titleHint)} />
      <TextInput path={`${path}.focus`} multiline hint={intl.formatMessage(M.focusHint)} />
      <ChecklistInput
        path={`${path}.remitKeys`}
        // The in-scope areas, and any it names that are no longer in scope.
        options={keyedOptions(inScope, getAt(doc, `${path}.remitKeys`), (key) =>
          intl.formatMessage(M.gone, { key }),
        )}
        hint={intl.formatMessage(newAreas ? M.areasJustAdded : M.areasHint)}
        empty={intl.formatMessage(M.noAreas)}
      />
      <CadenceFields
        path={`${path}.cadence`}
        question={intl.formatMessage(M.howOften, {
          group: lowerFirst(rowLabel('workingGroups', i, intl)),
        })}
      />
      <TextInput path={`${path}.key`} hint={intl.formatMessage(M.keyHint)} />
    </>
  );
}

/** Working groups: each covers some of the in-scope areas, and meets on its own cadence. */
export function WorkingGroups() {
  const intl = useIntl();
  const { doc } = useContext(EditorContext);
  return (
    <ListInput
      path="workingGroups"
      legend={intl.formatMessage(M.legend)}
      hint={intl.formatMessage(M.hint)}
      addLabel={intl.formatMessage(M.add)}
      removeLabel={(i) =>
        intl.formatMessage(M.remove, { row: lowerFirst(rowLabel('workingGroups', i, intl)) })
      }
      // A new working group starts out meeting as the group does.
      blank={() => ({
        key: '',
        title: '',
        focus: '',
        remitKeys: [],
        cadence: structuredClone(doc.cadence ?? {}),
      })}
    >
      {(i) => <WorkingGroup i={i} />}
    </ListInput>
  );
}
