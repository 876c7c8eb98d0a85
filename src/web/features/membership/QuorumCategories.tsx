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
        ? `${name} is counted in no category.`
        : `${name} is counted as: ${chosen.map(words).join(', ')}.`,
    );
    list.reload();
  }

  return (
    <section aria-labelledby="categories-title" className="section">
      <h2 id="categories-title">Counted in the quorum as</h2>
      <p>
        Our Terms of Reference need some kinds of people at a quorate meeting or vote. Tick each
        that describes {name}. Only chairs see this.
      </p>
      <Form
        id="quorum-categories"
        labelledBy="categories-title"
        state={form}
        labels={{ categories: 'Categories' }}
        onSubmit={save}
      >
        <fieldset className="field choices" key={mine.join(',')}>
          <legend className="label">{name} is counted as</legend>
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
                {words(category)} (the quorum needs at least {min})
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitButton busy={form.busy}>Save the categories</SubmitButton>
      </Form>
    </section>
  );
}
