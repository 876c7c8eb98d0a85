import { FormattedMessage, useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, type FormValues } from '../../lib/forms.ts';
import { useResource } from '../../lib/resource.ts';
import { groupApi, type QuorumCategoryList } from './types.ts';

/** "lived_experience" as "lived experience". */
function words(category: string): string {
  return category.replaceAll('_', ' ');
}

type Props = { groupId: string; userId: string; name: string };

/**
 * For chairs, where the Terms of Reference's quorum names categories ("at
 * least 2 carers"): which of them this person is counted in. Nobody else
 * sees it (the server answers them 403), so for them it shows nothing.
 */
export function QuorumCategories({ groupId, userId, name }: Props) {
  const intl = useIntl();
  const list = useResource<QuorumCategoryList>(groupApi(groupId, '/quorum-categories'));
  const form = useFormState();
  const announce = useAnnounce();
  if (!list.data || list.data.categories.length === 0) return null;
  const { categories } = list.data;
  const mine = list.data.people.find((p) => p.userId === userId)?.categories ?? [];

  async function save(_values: FormValues, element: HTMLFormElement) {
    const chosen = [
      ...element.querySelectorAll<HTMLInputElement>('input[name="categories"]:checked'),
    ].map((input) => input.value);
    await api.put(groupApi(groupId, `/people/${segment(userId)}/categories`), {
      categories: chosen,
    });
    announce(
      chosen.length === 0
        ? intl.formatMessage(
            {
              id: 'membership.categories.none',
              defaultMessage: '{name} is counted in no category.',
            },
            { name },
          )
        : intl.formatMessage(
            {
              id: 'membership.categories.saved',
              defaultMessage: '{name} is counted as: {categories}.',
            },
            { name, categories: intl.formatList(chosen.map(words), { type: 'unit' }) },
          ),
    );
    list.reload();
  }

  return (
    <section aria-labelledby="categories-title" className="section">
      <h2 id="categories-title">
        <FormattedMessage
          id="membership.categories.heading"
          defaultMessage="Counted in the quorum as"
        />
      </h2>
      <p>
        <FormattedMessage
          id="membership.categories.intro"
          defaultMessage="Our Terms of Reference need some kinds of people at a quorate meeting or vote. Tick each that describes {name}. Only chairs see this."
          values={{ name }}
        />
      </p>
      <Form
        id="quorum-categories"
        labelledBy="categories-title"
        state={form}
        labels={{
          categories: intl.formatMessage({
            id: 'membership.categories.label',
            defaultMessage: 'Categories',
          }),
        }}
        onSubmit={save}
      >
        <fieldset className="field choices" key={mine.join(',')}>
          <legend className="label">
            <FormattedMessage
              id="membership.categories.legend"
              defaultMessage="{name} is counted as"
              values={{ name }}
            />
          </legend>
          {categories.map(({ category, min }) => (
            <div key={category} className="choice">
              <input
                id={`category-${category}`}
                type="checkbox"
                name="categories"
                value={category}
                defaultChecked={mine.includes(category)}
              />
              <label htmlFor={`category-${category}`} className="choice-label">
                <FormattedMessage
                  id="membership.categories.choice"
                  defaultMessage="{category} (the quorum needs at least {min})"
                  values={{ category: words(category), min }}
                />
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitButton busy={form.busy}>
          <FormattedMessage
            id="membership.categories.submit"
            defaultMessage="Save the categories"
          />
        </SubmitButton>
      </Form>
    </section>
  );
}
