import { useState, type ReactNode } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { groupApi, publicPage, type ReleaseOffer, type ReleaseOfferList } from './types.ts';
import './public.css';

const STATUS = defineMessages({
  offered: { id: 'releases.offers.offered', defaultMessage: 'Waiting for a chair’s answer' },
  accepted: { id: 'releases.offers.accepted', defaultMessage: 'Accepted: our people can read it' },
  declined: { id: 'releases.offers.declined', defaultMessage: 'Declined' },
}) satisfies Record<ReleaseOffer['status'], unknown>;

/**
 * On a group's home, for its chairs: items linked groups have offered to
 * this group. Nothing offered reaches the group's people until a chair
 * accepts it; a chair can decline it again later.
 */
export function ReleaseOffers({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const offers = useResource<ReleaseOfferList>(groupApi(groupId, '/release-offers'));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (offers.error) return <LoadProblem error={offers.error} retry={offers.reload} />;
  if (!offers.data) return <Loading />;
  if (offers.data.offers.length === 0) return null;

  async function answer(offer: ReleaseOffer, choice: 'accept' | 'decline') {
    setBusy(offer.releaseId);
    setProblem(null);
    try {
      await api.post(groupApi(groupId, `/release-offers/${segment(offer.releaseId)}`), {
        answer: choice,
      });
      const what = { title: offer.title, group: offer.fromGroup.name };
      announce(
        choice === 'accept'
          ? intl.formatMessage(
              {
                id: 'releases.offers.acceptedNow',
                defaultMessage: 'Accepted: our people can now read “{title}” from {group}.',
              },
              what,
            )
          : intl.formatMessage(
              {
                id: 'releases.offers.declinedNow',
                defaultMessage: 'Declined “{title}” from {group}.',
              },
              what,
            ),
      );
      offers.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error : null);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="release-offers-title" className="section">
      <h2 id="release-offers-title">
        <FormattedMessage
          id="releases.offers.heading"
          defaultMessage="Offered to us by linked groups"
        />
      </h2>
      <p>
        <FormattedMessage
          id="releases.offers.lead"
          defaultMessage="Our people see an offered item only once a chair accepts it."
        />
      </p>
      <Problem error={problem} />
      <ul className="item-list" aria-labelledby="release-offers-title">
        {offers.data.offers.map((offer) => (
          <li key={offer.releaseId} className="item release-item">
            <div className="item-main">
              <p>
                <FormattedMessage
                  id="releases.offers.line"
                  defaultMessage="<b>{title}</b> from <link>{group}</link>, offered {date}. {status}."
                  values={{
                    title: offer.title,
                    group: offer.fromGroup.name,
                    date: formatDate(offer.offeredAt),
                    status: intl.formatMessage(STATUS[offer.status]),
                    b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
                    link: (chunks: ReactNode[]) => (
                      <Link to={publicPage(offer.fromGroup.id)}>{chunks}</Link>
                    ),
                  }}
                />
              </p>
            </div>
            <div className="actions">
              {offer.status !== 'accepted' ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy === offer.releaseId}
                  onClick={() => void answer(offer, 'accept')}
                  aria-label={intl.formatMessage(
                    {
                      id: 'releases.offers.acceptLabel',
                      defaultMessage: 'Accept “{title}” from {group}',
                    },
                    { title: offer.title, group: offer.fromGroup.name },
                  )}
                >
                  <FormattedMessage id="releases.offers.accept" defaultMessage="Accept" />
                </button>
              ) : null}
              {offer.status !== 'declined' ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy === offer.releaseId}
                  onClick={() => void answer(offer, 'decline')}
                  aria-label={intl.formatMessage(
                    {
                      id: 'releases.offers.declineLabel',
                      defaultMessage: 'Decline “{title}” from {group}',
                    },
                    { title: offer.title, group: offer.fromGroup.name },
                  )}
                >
                  <FormattedMessage id="releases.offers.decline" defaultMessage="Decline" />
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
