import { useState } from 'react';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { groupApi, publicPage, type ReleaseOffer, type ReleaseOfferList } from './types.ts';
import './public.css';

const STATUS: Record<ReleaseOffer['status'], string> = {
  offered: 'Waiting for a chair’s answer',
  accepted: 'Accepted: our people can read it',
  declined: 'Declined',
};

/**
 * On a group's home, for its chairs: items linked groups have offered to
 * this group. Nothing offered reaches the group's people until a chair
 * accepts it; a chair can decline it again later.
 */
export function ReleaseOffers({ groupId }: { groupId: string }) {
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
      announce(
        choice === 'accept'
          ? `Accepted: our people can now read “${offer.title}” from ${offer.fromGroup.name}.`
          : `Declined “${offer.title}” from ${offer.fromGroup.name}.`,
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
      <h2 id="release-offers-title">Offered to us by linked groups</h2>
      <p>Our people see an offered item only once a chair accepts it.</p>
      <Problem error={problem} />
      <ul className="item-list" aria-labelledby="release-offers-title">
        {offers.data.offers.map((offer) => (
          <li key={offer.releaseId} className="item release-item">
            <div className="item-main">
              <p>
                <strong>{offer.title}</strong> from{' '}
                <Link to={publicPage(offer.fromGroup.id)}>{offer.fromGroup.name}</Link>, offered{' '}
                {formatDate(offer.offeredAt)}. {STATUS[offer.status]}.
              </p>
            </div>
            <div className="actions">
              {offer.status !== 'accepted' ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy === offer.releaseId}
                  onClick={() => void answer(offer, 'accept')}
                  aria-label={`Accept “${offer.title}” from ${offer.fromGroup.name}`}
                >
                  Accept
                </button>
              ) : null}
              {offer.status !== 'declined' ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy === offer.releaseId}
                  onClick={() => void answer(offer, 'decline')}
                  aria-label={`Decline “${offer.title}” from ${offer.fromGroup.name}`}
                >
                  Decline
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
