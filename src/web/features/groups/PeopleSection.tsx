import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import type { Me } from '../../../contracts/accounts.ts';
import type { GroupRoleName, peopleList } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem, useToProblem } from '../../components/Feedback.tsx';
import { Item } from '../../components/Item.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { JoinRequests } from './JoinRequests.tsx';
import { ROLE_ORDER, roleLabel } from './roles.ts';

type Person = z.infer<typeof peopleList>['people'][number];

type Props = {
  groupId: string;
  me: Me;
  /** Chairs (and administrators) can change roles and remove people. */
  canManage: boolean;
  /** Called after a role change, which may change what the viewer may do. */
  onRolesChanged: () => void;
  /** More about each person, from another feature (membership status). */
  aboutPerson?: ((userId: string) => ReactNode) | undefined;
  /** More about everyone, such as the rule for becoming a member. */
  aboutPeople?: ReactNode;
  /** Chairs answer requests to join from the public page. */
  canAnswerRequests?: boolean;
};

export function PeopleSection({
  groupId,
  me,
  canManage,
  onRolesChanged,
  aboutPerson,
  aboutPeople,
  canAnswerRequests = false,
}: Props) {
  const intl = useIntl();
  const toProblem = useToProblem();
  const people = useResource<z.infer<typeof peopleList>>(
    `/api/v1/groups/${segment(groupId)}/people`,
  );
  const announce = useAnnounce();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const base = `/api/v1/groups/${segment(groupId)}/people`;

  function failed(error: unknown) {
    setProblem(toProblem(error));
  }

  function changeRole(person: Person, role: GroupRoleName) {
    setProblem(null);
    api.put(`${base}/${segment(person.userId)}/role`, { role }).then(() => {
      announce(
        intl.formatMessage(
          {
            id: 'groups.people.roleChanged',
            defaultMessage:
              '{name} is now {role, select, chair {a chair} note_taker {a note-taker} observer {an observer} other {a participant}}.',
          },
          { name: person.name, role },
        ),
      );
      people.reload();
      onRolesChanged();
    }, failed);
  }

  function remove(person: Person) {
    const question = intl.formatMessage(
      { id: 'groups.people.removeConfirm', defaultMessage: 'Remove {name} from the group?' },
      { name: person.name },
    );
    if (!window.confirm(question)) return;
    setProblem(null);
    api.delete(`${base}/${segment(person.userId)}`).then(() => {
      announce(
        intl.formatMessage(
          { id: 'groups.people.removed', defaultMessage: '{name} is no longer in the group.' },
          { name: person.name },
        ),
      );
      // Their row (and the button just pressed) is gone: keep the keyboard in this section.
      heading.current?.focus();
      people.reload();
      onRolesChanged();
    }, failed);
  }

  const list = people.data?.people ?? [];
  return (
    <section aria-labelledby="people-title" className="section">
      <h2 id="people-title" ref={heading} tabIndex={-1}>
        <FormattedMessage id="groups.people.title" defaultMessage="People" />
      </h2>
      {canAnswerRequests ? (
        <JoinRequests
          groupId={groupId}
          onAccepted={() => {
            people.reload();
            onRolesChanged();
          }}
        />
      ) : null}
      {people.error ? <LoadProblem error={people.error} retry={people.reload} /> : null}
      {people.loading ? <Loading /> : null}
      {people.data ? (
        <>
          <p>
            <FormattedMessage
              id="groups.people.count"
              defaultMessage="{count, plural, one {There is # person in this group.} other {There are # people in this group.}} Everyone takes part; chairs run the meetings and note-takers write the notes."
              values={{ count: list.length }}
            />
          </p>
          {aboutPeople}
          <ul
            className="item-list"
            aria-label={intl.formatMessage({
              id: 'groups.people.listLabel',
              defaultMessage: 'People in this group',
            })}
          >
            {list.map((person) => (
              <Item
                key={person.userId}
                className="person"
                title={<PersonName name={person.name} isMe={person.userId === me.id} />}
                about={
                  <FormattedMessage
                    id="groups.people.roleAndJoined"
                    defaultMessage="{role} · joined {date}"
                    values={{
                      role: roleLabel(intl, person.role),
                      date: formatDate(person.joinedAt),
                    }}
                  />
                }
                more={aboutPerson?.(person.userId)}
              >
                {canManage ? (
                  <PersonControls
                    person={person}
                    isMe={person.userId === me.id}
                    onRole={(role) => changeRole(person, role)}
                    onRemove={() => remove(person)}
                  />
                ) : null}
              </Item>
            ))}
          </ul>
        </>
      ) : null}
      <Problem error={problem} />
    </section>
  );
}

type ControlsProps = {
  person: Person;
  isMe: boolean;
  onRole: (role: GroupRoleName) => void;
  onRemove: () => void;
};

function PersonControls({ person, isMe, onRole, onRemove }: ControlsProps) {
  const intl = useIntl();
  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;
  const id = `role-${person.userId}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const role = new FormData(event.currentTarget).get('role');
    if (typeof role === 'string' && role !== person.role) onRole(role as GroupRoleName);
  }

  return (
    <div className="person-controls">
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={id} className="label-inline">
          <FormattedMessage
            id="groups.people.roleLabel"
            defaultMessage="Role<hidden> of {name}</hidden>"
            values={{ name: person.name, hidden }}
          />
        </label>
        <select id={id} name="role" className="select" defaultValue={person.role}>
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>
              {roleLabel(intl, role)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary button-small">
          <FormattedMessage
            id="groups.people.changeRole"
            defaultMessage="Change role<hidden> of {name}</hidden>"
            values={{ name: person.name, hidden }}
          />
        </button>
      </form>
      {isMe ? null : (
        <button type="button" className="button button-link" onClick={onRemove}>
          <FormattedMessage
            id="groups.people.remove"
            defaultMessage="Remove {name}"
            values={{ name: person.name }}
          />
        </button>
      )}
    </div>
  );
}
