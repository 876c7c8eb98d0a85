import { useState } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { createProposalBody } from '../../../contracts/decisions.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import {
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type SelectOption,
} from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { ClosingFields, closingTime } from './Closing.tsx';
import { proposalsApi, type Proposal, type RemitArea } from './types.ts';

type Props = {
  groupId: string;
  /** Raised in this meeting; null between meetings, when it has a closing time instead. */
  meetingId: string | null;
  remitAreas: RemitArea[];
  /** Where the group meets: the closing time is read on its clock. */
  timeZone: string;
  onRaised: () => void;
};

const LABELS = defineMessages({
  title: { id: 'decisions.raise.title', defaultMessage: 'Title of the proposal' },
  text: { id: 'decisions.raise.text', defaultMessage: 'What do you propose?' },
  remitKey: {
    id: 'decisions.raise.remit',
    defaultMessage: 'Which part of our remit does the proposal serve?',
  },
  closesAt: { id: 'decisions.raise.closesAt', defaultMessage: 'Closing date' },
  closesTime: { id: 'decisions.raise.closesTime', defaultMessage: 'Closing time' },
});

/** Anyone taking part can put a proposal to the group, for a consensus check. */
export function RaiseProposal({ groupId, meetingId, remitAreas, timeZone, onRaised }: Props) {
  const intl = useIntl();
  const form = useFormState();
  const announce = useAnnounce();
  // What was raised last, said under the form (the form is empty again for another).
  const [raised, setRaised] = useState<string | null>(null);
  const options: (SelectOption | { group: string; options: SelectOption[] })[] = [
    {
      value: '',
      label: intl.formatMessage({
        id: 'decisions.proposal.noRemit',
        defaultMessage: 'None in particular',
      }),
    },
    ...remitAreas.filter((a) => a.inScope).map((area) => ({ value: area.key, label: area.title })),
  ];

  async function raise(values: FormValues, element: HTMLFormElement) {
    const closesAt = meetingId === null ? closingTime(intl, values, timeZone) : undefined;
    const body = validate(createProposalBody, {
      title: values.title ?? '',
      text: values.text ?? '',
      remitKey: values.remitKey ? values.remitKey : null,
      ...(meetingId !== null ? { meetingId } : {}),
      ...(closesAt ? { closesAt } : {}),
    });
    const proposal = await api.post<Proposal>(proposalsApi(groupId), body);
    element.reset();
    const message = intl.formatMessage(
      {
        id: 'decisions.raise.done',
        defaultMessage: 'Your proposal “{title}” is raised. A chair opens the consensus check.',
      },
      { title: proposal.title },
    );
    setRaised(message);
    announce(message);
    onRaised();
  }

  return (
    <>
      <h3 id="raise-proposal-heading">
        <FormattedMessage id="decisions.raise.heading" defaultMessage="Raise a proposal" />
      </h3>
      <Form
        id="raise-proposal"
        state={form}
        labels={{
          title: intl.formatMessage(LABELS.title),
          text: intl.formatMessage(LABELS.text),
          remitKey: intl.formatMessage(LABELS.remitKey),
          closesAt: intl.formatMessage(LABELS.closesAt),
          closesTime: intl.formatMessage(LABELS.closesTime),
        }}
        onSubmit={raise}
        labelledBy="raise-proposal-heading"
      >
        <TextField name="title" autoComplete="off" />
        <TextArea
          name="text"
          hint={intl.formatMessage({
            id: 'decisions.raise.textHint',
            defaultMessage: 'Say what the group would agree to, in words it can adopt as they are.',
          })}
        />
        <SelectField name="remitKey" options={options} defaultValue="" optional />
        {meetingId === null ? (
          <ClosingFields
            timeZone={timeZone}
            hint={intl.formatMessage({
              id: 'decisions.raise.closingHint',
              defaultMessage:
                'Between meetings, answers and ballots close at this time. Leave empty and a chair closes them.',
            })}
          />
        ) : null}
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="decisions.raise.submit" defaultMessage="Raise the proposal" />
        </SubmitButton>
      </Form>
      {raised ? <p className="notice">{raised}</p> : null}
    </>
  );
}
