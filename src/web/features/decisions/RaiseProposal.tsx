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

const LABELS = {
  title: 'Title of the proposal',
  text: 'What do you propose?',
  remitKey: 'Which part of our remit does the proposal serve?',
  closesAt: 'Closing date',
  closesTime: 'Closing time',
};

/** Anyone taking part can put a proposal to the group, for a consensus check. */
export function RaiseProposal({ groupId, meetingId, remitAreas, timeZone, onRaised }: Props) {
  const form = useFormState();
  const announce = useAnnounce();
  const options: (SelectOption | { group: string; options: SelectOption[] })[] = [
    { value: '', label: 'None in particular' },
    ...remitAreas.filter((a) => a.inScope).map((area) => ({ value: area.key, label: area.title })),
  ];

  async function raise(values: FormValues, element: HTMLFormElement) {
    const closesAt = meetingId === null ? closingTime(values, timeZone) : undefined;
    const body = validate(createProposalBody, {
      title: values.title ?? '',
      text: values.text ?? '',
      remitKey: values.remitKey ? values.remitKey : null,
      ...(meetingId !== null ? { meetingId } : {}),
      ...(closesAt ? { closesAt } : {}),
    });
    const proposal = await api.post<Proposal>(proposalsApi(groupId), body);
    element.reset();
    announce(`Your proposal “${proposal.title}” is raised. A chair opens the consensus check.`);
    onRaised();
  }

  return (
    <>
      <h3 id="raise-proposal-heading">Raise a proposal</h3>
      <Form
        id="raise-proposal"
        state={form}
        labels={LABELS}
        onSubmit={raise}
        labelledBy="raise-proposal-heading"
      >
        <TextField name="title" autoComplete="off" />
        <TextArea
          name="text"
          hint="Say what the group would agree to, in words it can adopt as they are."
        />
        <SelectField name="remitKey" options={options} defaultValue="" optional />
        {meetingId === null ? (
          <ClosingFields
            timeZone={timeZone}
            hint="Between meetings, answers and ballots close at this time. Leave empty and a chair closes them."
          />
        ) : null}
        <SubmitButton busy={form.busy}>Raise the proposal</SubmitButton>
      </Form>
    </>
  );
}
