import { useContext } from 'react';
import { defineMessages, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { EditorContext, getAt } from './editor.tsx';
import { NumberInput, SelectInput, someWithoutKey, TextInput } from './inputs.tsx';
import { ListInput } from './ListInput.tsx';
import { lowerFirst, rowLabel } from './fields.ts';

const MESSAGES = defineMessages({
  choose: { id: 'terms.impact.chooseQuestion', defaultMessage: 'Choose a question' },
  notAQuestion: {
    id: 'terms.impact.notAQuestion',
    defaultMessage: '{key} (not one of the survey questions)',
  },
  realisticLegend: {
    id: 'terms.impact.realisticLegend',
    defaultMessage: 'What will have been achieved',
  },
  addRealistic: {
    id: 'terms.impact.addRealistic',
    defaultMessage: 'Add a goal for what will have been achieved',
  },
  remove: { id: 'terms.editor.removeRow', defaultMessage: 'Remove {row}' },
  statementHint: {
    id: 'terms.impact.statementHint',
    defaultMessage: 'Such as: the consultation decisions we are working on have been implemented.',
  },
  measureHint: {
    id: 'terms.impact.measureHint',
    defaultMessage: 'Such as: progress on each decision, reported at every meeting.',
  },
  moodLegend: { id: 'terms.impact.moodLegend', defaultMessage: 'How people will feel' },
  moodHint: {
    id: 'terms.impact.moodHint',
    defaultMessage:
      'Each is measured by a question in the surveys, which people answer without giving their name.',
  },
  addMood: { id: 'terms.impact.addMood', defaultMessage: 'Add a goal for how people will feel' },
  moodStatementHint: {
    id: 'terms.impact.moodStatementHint',
    defaultMessage: 'Such as: people taking part will feel listened to.',
  },
  questionHint: {
    id: 'terms.impact.questionHint',
    defaultMessage: 'People are asked whether they agree with it.',
  },
  questionJustAdded: {
    id: 'terms.impact.questionJustAdded',
    defaultMessage:
      'People are asked whether they agree with it. Questions you have just added appear here once you save the draft.',
  },
  targetHint: {
    id: 'terms.impact.targetHint',
    defaultMessage: 'From 1 to 100. 80 means at least 8 in every 10 people who answer agree.',
  },
});

/** Plain descriptors: the catalogue check, not the type, holds each message's arguments. */
const M: Record<keyof typeof MESSAGES, MessageDescriptor> = MESSAGES;

type Question = { key?: unknown; text?: unknown };

/** The survey questions a mood goal can be measured by, and the one it names now. */
function questionOptions(
  questions: Question[],
  current: unknown,
  intl: IntlShape,
): [string, string][] {
  const options = questions.flatMap((q): [string, string][] =>
    typeof q.key === 'string' && q.key
      ? [[q.key, typeof q.text === 'string' && q.text ? q.text : q.key]]
      : [],
  );
  if (typeof current !== 'string' || current === '')
    return [['', intl.formatMessage(M.choose)], ...options];
  if (!options.some(([key]) => key === current))
    return [...options, [current, intl.formatMessage(M.notAQuestion, { key: current })]];
  return options;
}

/** Goals for what will have been achieved, and for how people will feel. */
export function Impact() {
  const intl = useIntl();
  const { doc } = useContext(EditorContext);
  const questions = (getAt(doc, 'surveys.questions') ?? []) as Question[];
  const firstQuestion = questions.find((q) => typeof q.key === 'string')?.key ?? '';
  return (
    <>
      <ListInput
        path="impact.realisticGoals"
        legend={intl.formatMessage(M.realisticLegend)}
        addLabel={intl.formatMessage(M.addRealistic)}
        removeLabel={(i) =>
          intl.formatMessage(M.remove, {
            row: lowerFirst(rowLabel('impact.realisticGoals', i, intl)),
          })
        }
        blank={() => ({ key: '', statement: '', measure: '' })}
      >
        {(i) => (
          <>
            <TextInput
              path={`impact.realisticGoals.${i}.statement`}
              multiline
              hint={intl.formatMessage(M.statementHint)}
            />
            <TextInput
              path={`impact.realisticGoals.${i}.measure`}
              multiline
              hint={intl.formatMessage(M.measureHint)}
            />
          </>
        )}
      </ListInput>
      <ListInput
        path="impact.moodGoals"
        legend={intl.formatMessage(M.moodLegend)}
        hint={intl.formatMessage(M.moodHint)}
        addLabel={intl.formatMessage(M.addMood)}
        removeLabel={(i) =>
          intl.formatMessage(M.remove, { row: lowerFirst(rowLabel('impact.moodGoals', i, intl)) })
        }
        blank={() => ({ key: '', statement: '', questionKey: firstQuestion, targetPercent: 80 })}
      >
        {(i) => (
          <>
            <TextInput
              path={`impact.moodGoals.${i}.statement`}
              multiline
              hint={intl.formatMessage(M.moodStatementHint)}
            />
            <SelectInput
              path={`impact.moodGoals.${i}.questionKey`}
              hint={intl.formatMessage(
                someWithoutKey(questions) ? M.questionJustAdded : M.questionHint,
              )}
              options={questionOptions(
                questions,
                getAt(doc, `impact.moodGoals.${i}.questionKey`),
                intl,
              )}
            />
            <NumberInput
              path={`impact.moodGoals.${i}.targetPercent`}
              hint={intl.formatMessage(M.targetHint)}
            />
          </>
        )}
      </ListInput>
    </>
  );
}
