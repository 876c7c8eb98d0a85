import { useContext } from 'react';
import {
  EditorContext,
  getAt,
  ListInput,
  NumberInput,
  SelectInput,
  someWithoutKey,
  TextInput,
} from './editor.tsx';
import { lowerFirst, rowLabel } from './fields.ts';

type Question = { key?: unknown; text?: unknown };

/** The survey questions a mood goal can be measured by, and the one it names now. */
function questionOptions(questions: Question[], current: unknown): [string, string][] {
  const options = questions.flatMap((q): [string, string][] =>
    typeof q.key === 'string' && q.key
      ? [[q.key, typeof q.text === 'string' && q.text ? q.text : q.key]]
      : [],
  );
  if (typeof current !== 'string' || current === '') return [['', 'Choose a question'], ...options];
  if (!options.some(([key]) => key === current))
    return [...options, [current, `${current} (not one of the survey questions)`]];
  return options;
}

/** Goals for what will have been achieved, and for how people will feel. */
export function Impact() {
  const { doc } = useContext(EditorContext);
  const questions = (getAt(doc, 'surveys.questions') ?? []) as Question[];
  const firstQuestion = questions.find((q) => typeof q.key === 'string')?.key ?? '';
  return (
    <>
      <ListInput
        path="impact.realisticGoals"
        legend="What will have been achieved"
        addLabel="Add a goal for what will have been achieved"
        removeLabel={(i) => `Remove ${lowerFirst(rowLabel('impact.realisticGoals', i))}`}
        blank={() => ({ key: '', statement: '', measure: '' })}
      >
        {(i) => (
          <>
            <TextInput
              path={`impact.realisticGoals.${i}.statement`}
              multiline
              hint="Such as: the consultation decisions we are working on have been implemented."
            />
            <TextInput
              path={`impact.realisticGoals.${i}.measure`}
              multiline
              hint="Such as: progress on each decision, reported at every meeting."
            />
          </>
        )}
      </ListInput>
      <ListInput
        path="impact.moodGoals"
        legend="How people will feel"
        hint="Each is measured by a question in the surveys, which people answer without giving their name."
        addLabel="Add a goal for how people will feel"
        removeLabel={(i) => `Remove ${lowerFirst(rowLabel('impact.moodGoals', i))}`}
        blank={() => ({ key: '', statement: '', questionKey: firstQuestion, targetPercent: 80 })}
      >
        {(i) => (
          <>
            <TextInput
              path={`impact.moodGoals.${i}.statement`}
              multiline
              hint="Such as: people taking part will feel listened to."
            />
            <SelectInput
              path={`impact.moodGoals.${i}.questionKey`}
              hint={
                someWithoutKey(questions)
                  ? 'People are asked whether they agree with it. Questions you have just added appear here once you save the draft.'
                  : 'People are asked whether they agree with it.'
              }
              options={questionOptions(questions, getAt(doc, `impact.moodGoals.${i}.questionKey`))}
            />
            <NumberInput
              path={`impact.moodGoals.${i}.targetPercent`}
              hint="From 1 to 100. 80 means at least 8 in every 10 people who answer agree."
            />
          </>
        )}
      </ListInput>
    </>
  );
}
