import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Me } from '../../../contracts/accounts.ts';
import type { GroupRoleName, peopleList } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { aRole, ROLE_LABELS, ROLE_ORDER } from './roles.ts';

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
};

export function PeopleSection({
  groupId,
  me,
  canManage,
  onRolesChanged,
  aboutPerson,
  aboutPeople,
}: Props) {
  const people = useResource<z.infer<typeof peopleList>>(
    `/api/v1/groups/${segment(groupId)}/people`,
  );
  const announce = useAnnounce();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const base = `/api/v1/groups/${segment(groupId)}/people`;

  function failed(error: unknown) {
    setProblem(
      error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.'),
    );
  }

  function changeRole(person: Person, role: GroupRoleName) {
    setProblem(null);
    api.put(`${base}/${segment(person.userId)}/role`, { role }).then(() => {
      announce(`${person.name} is now ${aRole(role)}.`);
      people.reload();
      onRolesChanged();
    }, failed);
  }

  function remove(person: Person) {
    if (!window.confirm(`Remove ${person.name} from the group?`)) return;
    setProblem(null);
    api.delete(`${base}/${segment(person.userId)}`).then(() => {
      announce(`${person.name} is no longer in the group.`);
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
        People
      </h2>
      {people.error ? <LoadProblem error={people.error} retry={people.reload} /> : null}
      {people.loading ? <Loading /> : null}
      {people.data ? (
        <>
          <p>
            {list.length === 1
              ? 'There is 1 person in this group.'
              : `There are ${list.length} people in this group.`}{' '}
            Everyone takes part; chairs run the meetings and note-takers write the notes.
          </p>
          {aboutPeople}
          <ul className="item-list" aria-label="People in this group">
            {list.map((person) => (
              <li key={person.userId} className="item person">
                <div className="item-main">
                  <p className="item-title">
                    {person.name}
                    {person.userId === me.id ? ' (you)' : ''}
                  </p>
                  <p className="muted">
                    {ROLE_LABELS[person.role]} · joined {formatDate(person.joinedAt)}
                  </p>
                  {aboutPerson?.(person.userId)}
                </div>
                {canManage ? (
                  <PersonControls
                    person={person}
                    isMe={person.userId === me.id}
                    onRole={(role) => changeRole(person, role)}
                    onRemove={() => remove(person)}
                  />
                ) : null}
              </li>
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
          Role<span className="visually-hidden"> of {person.name}</span>
        </label>
        <select id={id} name="role" className="select" defaultValue={person.role}>
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary button-small">
          Change role<span className="visually-hidden"> of {person.name}</span>
        </button>
      </form>
      {isMe ? null : (
        <button type="button" className="button button-link" onClick={onRemove}>
          Remove {person.name}
        </button>
      )}
    </div>
  );
}
