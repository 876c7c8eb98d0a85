import { useContext } from 'react';
import { CadenceFields } from './cadence.tsx';
import {
  ChecklistInput,
  EditorContext,
  getAt,
  keyedOptions,
  ListInput,
  someWithoutKey,
  TextInput,
} from './editor.tsx';
import { lowerFirst, rowLabel } from './fields.ts';

function WorkingGroup({ i }: { i: number }) {
  const { doc } = useContext(EditorContext);
  const path = `workingGroups.${i}`;
  const inScope = getAt(doc, 'remit.inScope');
  const newAreas = someWithoutKey(inScope);
  return (
    <>
      <TextInput path={`${path}.title`} hint="Such as: Day services." />
      <TextInput
        path={`${path}.focus`}
        multiline
        hint="A sentence or two about the part of the work it takes on."
      />
      <ChecklistInput
        path={`${path}.remitKeys`}
        // The in-scope areas, and any it names that are no longer in scope.
        options={keyedOptions(
          inScope,
          getAt(doc, `${path}.remitKeys`),
          (key) => `${key} (no longer in the remit)`,
        )}
        hint={
          newAreas
            ? 'Choose from the areas in the remit. Areas you have just added appear here once you save the draft.'
            : 'Choose from the areas in the remit.'
        }
        empty="There are no areas in the remit to choose from yet. Add them above, then save the draft."
      />
      <CadenceFields
        path={`${path}.cadence`}
        question={`How often does ${lowerFirst(rowLabel('workingGroups', i))} meet?`}
      />
      <TextInput
        path={`${path}.key`}
        hint="Accord uses this to link the working group to its own space. Lowercase letters, numbers and underscores, such as day_services. Leave it empty and Accord makes one from the name. Once the working group has its own space, keep it the same."
      />
    </>
  );
}

/** Working groups: each covers some of the in-scope areas, and meets on its own cadence. */
export function WorkingGroups() {
  const { doc } = useContext(EditorContext);
  return (
    <ListInput
      path="workingGroups"
      legend="The working groups"
      hint="The group can add working groups later, as the work needs them."
      addLabel="Add a working group"
      removeLabel={(i) => `Remove ${lowerFirst(rowLabel('workingGroups', i))}`}
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
