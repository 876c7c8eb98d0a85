import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import type { publicGroupPage, publicPageSettings } from '../../../contracts/join-requests.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { useAction } from '../../lib/action.ts';
import { api, segment } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import './groups.css';

type Settings = z.infer<typeof publicPageSettings>;

/**
 * For chairs: the link to the group's public page, and what it shows beyond
 * the purpose and asking to join: whether it is listed at all, and whether the
 * dates of the next meetings are on it.
 */
export function PublicPageSection({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const page = useResource<z.infer<typeof publicGroupPage>>(
    `/api/v1/public/groups/${segment(groupId)}/page`,
  );
  const save = useAction();
  const announce = useAnnounce();
  const settings = page.data?.settings;

  function change(next: Partial<Settings>, said: string) {
    save.run(
      () => api.put(`/api/v1/groups/${segment(groupId)}/public-page`, next),
      () => {
        announce(said);
        page.reload();
      },
    );
  }

  return (
    <section aria-labelledby="public-page-title" className="section">
      <h2 id="public-page-title">
        <FormattedMessage id="groups.publicPage.title" defaultMessage="Public page" />
      </h2>
      <p>
        <FormattedMessage
          id="groups.publicPage.intro"
          defaultMessage="Anyone can see the group’s name and purpose on its public page, ask to join there, and read what the group has released."
        />
      </p>
      <p>
        <Link to={`/public/groups/${segment(groupId)}`}>
          <FormattedMessage id="groups.publicPage.link" defaultMessage="See the public page" />
        </Link>
      </p>
      {page.error ? <LoadProblem error={page.error} retry={page.reload} /> : null}
      {page.loading ? <Loading /> : null}
      {settings ? (
        <fieldset className="choice-fieldset">
          <legend className="label">
            <FormattedMessage
              id="groups.publicPage.legend"
              defaultMessage="What the public page shows"
            />
          </legend>
          <div className="choice">
            <input
              id="public-page-meetings"
              type="checkbox"
              checked={settings.showMeetings}
              disabled={save.busy}
              onChange={(event) =>
                change(
                  { showMeetings: event.currentTarget.checked },
                  event.currentTarget.checked
                    ? intl.formatMessage({
                        id: 'groups.publicPage.meetingsOn',
                        defaultMessage:
                          'The dates of the next meetings are now on the public page.',
                      })
                    : intl.formatMessage({
                        id: 'groups.publicPage.meetingsOff',
                        defaultMessage: 'Meeting dates are no longer on the public page.',
                      }),
                )
              }
            />
            <label htmlFor="public-page-meetings">
              <FormattedMessage
                id="groups.publicPage.meetingsLabel"
                defaultMessage="Show the dates and times of our next meetings (never the place or the online link)"
              />
            </label>
          </div>
          <div className="choice">
            <input
              id="public-page-listed"
              type="checkbox"
              checked={settings.listed}
              disabled={save.busy}
              onChange={(event) =>
                change(
                  { listed: event.currentTarget.checked },
                  event.currentTarget.checked
                    ? intl.formatMessage({
                        id: 'groups.publicPage.listedOn',
                        defaultMessage: 'The public page is open to everyone.',
                      })
                    : intl.formatMessage({
                        id: 'groups.publicPage.listedOff',
                        defaultMessage:
                          'The public page is now closed: only what the group releases will open it.',
                      }),
                )
              }
            />
            <label htmlFor="public-page-listed">
              <FormattedMessage
                id="groups.publicPage.listedLabel"
                defaultMessage="Open the page to everyone, so people can find the group and ask to join"
              />
            </label>
          </div>
        </fieldset>
      ) : null}
      <Problem error={save.problem} />
    </section>
  );
}
