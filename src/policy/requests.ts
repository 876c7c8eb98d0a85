/**
 * "Respecting the significant pressure already on public sector staff and
 * making reasonable requests for further information": whether a new
 * information request is reasonable under the ToR.
 */
import type { Terms } from './terms.ts';
import { daysBetween, type CalendarDate } from './time.ts';

export type InformationRequest = {
  organisationId: string;
  /** The person in the group who asks. */
  requestedBy: string;
  purpose: string;
  sentOn: CalendarDate;
  answerBy: CalendarDate;
};

/** A request already sent and not yet answered or withdrawn. */
export type OpenRequest = { organisationId: string; requestedBy: string };

export type RequestAssessment = { reasonable: boolean; reasons: string[] };

/**
 * Reasonable means: it says what it is for; it gives at least the ToR's
 * minimum number of calendar days to answer; and sending it would not take
 * the organisation, or the person asking, over the ToR's limit of open
 * requests. Every failing reason is listed.
 */
export function assessInformationRequest(
  request: InformationRequest,
  open: readonly OpenRequest[],
  terms: Pick<Terms, 'informationRequests'>,
): RequestAssessment {
  const rules = terms.informationRequests;
  const reasons: string[] = [];
  if (request.purpose.trim() === '') reasons.push('say what the information is for');

  const days = daysBetween(request.sentOn, request.answerBy);
  if (days < rules.minResponseDays) {
    reasons.push(
      `give at least ${rules.minResponseDays} days to answer (this gives ${Math.max(days, 0)})`,
    );
  }
  const forOrganisation = open.filter((r) => r.organisationId === request.organisationId).length;
  if (forOrganisation >= rules.maxOpenPerOrganisation) {
    reasons.push(
      `this organisation already has ${forOrganisation} open requests from the group; the limit is ${rules.maxOpenPerOrganisation}`,
    );
  }
  const byPerson = open.filter((r) => r.requestedBy === request.requestedBy).length;
  if (byPerson >= rules.maxOpenPerPerson) {
    reasons.push(
      `you already have ${byPerson} open requests; the limit is ${rules.maxOpenPerPerson} per person`,
    );
  }
  return { reasonable: reasons.length === 0, reasons };
}
