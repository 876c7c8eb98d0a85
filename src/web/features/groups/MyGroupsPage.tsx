import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import { createGroupBody, type groupList, type joined } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { Section } from '../../components/Section.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { roleLabel } from './roles.ts';

type Summary = z.infer<typeof groupList>['groups'][number];

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  newGroup: { id: 'groups.mine.newTitle', defaultMessage: 'Start a new group' },
});

export function MyGroupsPage() {
  const intl = useIntl();
  const groups = useResource<z.infer<typeof groupList>>('/api/v1/groups');
  const form = useFormState();

  async function create(values: FormValues) {
    const body = validate(createGroupBody, values);
    const { group } = await api.post<z.infer<typeof joined>>('/api/v1/groups', body);
    navigate(`/groups/${segment(group.id)}`, {
      notice: intl.formatMessage({
        id: 'groups.mine.created',
        defaultMessage:
          'Your group is ready, and you are its chair. Invite people with a link below.',
      }),
    });
  }

  return (
    <Page
      title={intl.formatMessage({ id: 'groups.mine.title', defaultMessage: 'My groups' })}
      busy={groups.loading}
    >
      {groups.error ? <LoadProblem error={groups.error} retry={groups.reload} /> : null}
      {groups.loading ? <Loading /> : null}
      {groups.data ? <GroupTree groups={groups.data.groups} /> : null}

      <Section id="new-group-title" heading={SECTIONS.newGroup}>
        <p>
          <FormattedMessage
            id="groups.mine.newIntro"
            defaultMessage="You will be its chair. You can invite people once it is made."
          />
        </p>
        <Form
          id="new-group"
          state={form}
          labels={{
            name: intl.formatMessage({ id: 'groups.details.name', defaultMessage: 'Group name' }),
            purpose: intl.formatMessage({
              id: 'groups.details.purpose',
              defaultMessage: 'What is the group working towards?',
            }),
          }}
          onSubmit={create}
          labelledBy="new-group-title"
        >
          <TextField
            name="name"
            autoComplete="off"
            hint={intl.formatMessage({
              id: 'groups.mine.nameHint',
              defaultMessage: 'For example “Carers’ steering group”.',
            })}
          />
          <TextArea
            name="purpose"
            optional
            hint={intl.formatMessage({
              id: 'groups.mine.purposeHint',
              defaultMessage:
                'One or two sentences that everyone can agree on. You can change it later.',
            })}
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="groups.mine.create" defaultMessage="Create group" />
          </SubmitButton>
        </Form>
      </Section>
    </Page>
  );
}

/** Steering groups, with their working groups listed under them. */
function GroupTree({ groups }: { groups: Summary[] }) {
  const intl = useIntl();
  if (groups.length === 0) {
    return (
      <p>
        <FormattedMessage
          id="groups.mine.none"
          defaultMessage="You are not in any groups yet. Start one below, or ask a group’s chair for an invitation link."
        />
      </p>
    );
  }
  const ids = new Set(groups.map((g) => g.id));
  const top = groups.filter((g) => !g.parentId || !ids.has(g.parentId));
  return (
    <ul
      className="card-list"
      aria-label={intl.formatMessage({
        id: 'groups.mine.listLabel',
        defaultMessage: 'Your groups',
      })}
    >
      {top.map((group) => {
        const workingGroups = groups.filter((g) => g.parentId === group.id);
        return (
          <li key={group.id} className="card">
            <GroupCard group={group} level={2} />
            {workingGroups.length > 0 ? (
              <>
                <p className="card-subtitle">
                  <FormattedMessage
                    id="groups.mine.workingGroups"
                    defaultMessage="Its working groups that you are in:"
                  />
                </p>
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
  const intl = useIntl();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading className="card-title">
        <Link to={`/groups/${segment(group.id)}`}>{group.name}</Link>
      </Heading>
      {group.purpose ? <p>{group.purpose}</p> : null}
      {group.myRole ? (
        <p className="muted">
          <FormattedMessage
            id="groups.home.yourRole"
            defaultMessage="Your role: {role}"
            values={{ role: roleLabel(intl, group.myRole) }}
          />
        </p>
      ) : null}
    </>
  );
}
