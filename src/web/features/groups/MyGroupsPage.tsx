import type { z } from 'zod';
import { createGroupBody, type groupList, type joined } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { ROLE_LABELS } from './roles.ts';

type Summary = z.infer<typeof groupList>['groups'][number];

export function MyGroupsPage() {
  const groups = useResource<z.infer<typeof groupList>>('/api/v1/groups');
  const form = useFormState();

  async function create(values: FormValues) {
    const body = validate(createGroupBody, values);
    const { group } = await api.post<z.infer<typeof joined>>('/api/v1/groups', body);
    navigate(`/groups/${segment(group.id)}`, {
      notice: 'Your group is ready, and you are its chair. Invite people with a link below.',
    });
  }

  return (
    <Page title="My groups" busy={groups.loading}>
      {groups.error ? <LoadProblem error={groups.error} retry={groups.reload} /> : null}
      {groups.loading ? <Loading /> : null}
      {groups.data ? <GroupTree groups={groups.data.groups} /> : null}

      <section aria-labelledby="new-group-title" className="section">
        <h2 id="new-group-title">Start a new group</h2>
        <p>You will be its chair. You can invite people once it is made.</p>
        <Form
          id="new-group"
          state={form}
          labels={{ name: 'Group name', purpose: 'What is the group working towards?' }}
          onSubmit={create}
          labelledBy="new-group-title"
        >
          <TextField name="name" autoComplete="off" hint="For example “Carers’ steering group”." />
          <TextArea
            name="purpose"
            optional
            hint="One or two sentences that everyone can agree on. You can change it later."
          />
          <SubmitButton busy={form.busy}>Create group</SubmitButton>
        </Form>
      </section>
    </Page>
  );
}

/** Steering groups, with their working groups listed under them. */
function GroupTree({ groups }: { groups: Summary[] }) {
  if (groups.length === 0) {
    return (
      <p>
        You are not in any groups yet. Start one below, or ask a group’s chair for an invitation
        link.
      </p>
    );
  }
  const ids = new Set(groups.map((g) => g.id));
  const top = groups.filter((g) => !g.parentId || !ids.has(g.parentId));
  return (
    <ul className="card-list" aria-label="Your groups">
      {top.map((group) => {
        const workingGroups = groups.filter((g) => g.parentId === group.id);
        return (
          <li key={group.id} className="card">
            <GroupCard group={group} level={2} />
            {workingGroups.length > 0 ? (
              <>
                <p className="card-subtitle">Its working groups that you are in:</p>
                <ul className="sub-list">
                  {workingGroups.map((wg) => (
                    <li key={wg.id}>
                      <GroupCard group={wg} level={3} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function GroupCard({ group, level }: { group: Summary; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading className="card-title">
        <Link to={`/groups/${segment(group.id)}`}>{group.name}</Link>
      </Heading>
      {group.purpose ? <p>{group.purpose}</p> : null}
      {group.myRole ? <p className="muted">Your role: {ROLE_LABELS[group.myRole]}</p> : null}
    </>
  );
}
