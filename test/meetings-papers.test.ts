import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from './harness.ts';
import { expectError } from './support/errors.ts';
import { addMeeting } from './support/meetings.ts';
import { odtFile, onePagePdf, solidPng } from './support/paper-files.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const DAY = 24 * 3_600_000;

async function meetingWithPapers() {
  const chair = t.client();
  await chair.register('Chair Person');
  const groupId = await createGroup(chair);
  const member = t.client();
  await member.register('Member Person');
  await joinGroup(chair, member, groupId);
  const meetingId = await addMeeting(chair, groupId, new Date(Date.now() + 10 * DAY));
  const base = `/api/v1/groups/${groupId}/meetings/${meetingId}`;
  const upload = async (fileName: string, bytes: Uint8Array<ArrayBuffer>) => {
    const answer = await chair.request(
      'POST',
      `${base}/papers?title=${encodeURIComponent(fileName)}&fileName=${encodeURIComponent(fileName)}`,
      undefined,
      { raw: bytes, headers: { 'content-type': 'application/octet-stream' } },
    );
    expect(answer.status, answer.text).toBe(201);
    return answer.body.id as string;
  };
  return {
    chair,
    member,
    groupId,
    base,
    pdf: await upload('budget.pdf', onePagePdf()),
    png: await upload('map of the area.png', solidPng()),
    odt: await upload('minutes.odt', odtFile()),
  };
}

const preview = (client: Client, base: string, paperId: string) =>
  client.get(`${base}/papers/${paperId}/preview`);

describe('paper previews', () => {
  it('an image is shown inline, sandboxed so it can run nothing, and never sniffed', async () => {
    const { member, base, png } = await meetingWithPapers();
    const answer = await preview(member, base, png);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^inline; filename="map of the area\.png"/,
    );
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy.split(';').map((d) => d.trim())).toEqual(
      expect.arrayContaining([
        'sandbox',
        "default-src 'none'",
        "img-src 'self'",
        "style-src 'unsafe-inline'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(policy).not.toContain('script-src');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a PDF opens in the browser’s own viewer, which runs no script of ours and loads nothing else', async () => {
    const { member, base, pdf } = await meetingWithPapers();
    const answer = await preview(member, base, pdf);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toMatch(/^inline; filename="budget\.pdf"/);
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy.split(';').map((d) => d.trim())).toEqual(
      expect.arrayContaining(['sandbox', "default-src 'none'", "frame-ancestors 'none'"]),
    );
    expect(policy).not.toMatch(/script-src|object-src|'unsafe-eval'|connect-src/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.text.startsWith('%PDF-1.4')).toBe(true);
  });

  it('any other kind of paper is still a download, and the download itself stays one', async () => {
    const { member, base, odt, pdf } = await meetingWithPapers();
    const answer = await preview(member, base, odt);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="minutes\.odt"/,
    );
    const download = await member.get(`${base}/papers/${pdf}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('a paper of a group you are not in answers exactly as a missing one', async () => {
    const { base, png } = await meetingWithPapers();
    const stranger = t.client();
    await stranger.register('Someone Else');
    const hidden = await preview(stranger, base, png);
    const missing = await preview(stranger, base, '00000000-0000-4000-8000-000000000000');
    expectError(hidden, { status: 404, code: 'not_found' });
    expect(hidden.status).toBe(missing.status);
    expect(hidden.text).toBe(missing.text);
    expect(hidden.headers.get('content-type')).toBe(missing.headers.get('content-type'));
  });

  it('a paper of another meeting is not found, a malformed id is refused, and signing in comes first', async () => {
    const first = await meetingWithPapers();
    const second = await meetingWithPapers();
    const elsewhere = await preview(first.chair, first.base, second.png);
    expectError(elsewhere, { status: 404, code: 'not_found' });
    expectError(await preview(first.chair, first.base, 'not-an-id'), {
      status: 422,
      code: 'validation_failed',
    });
    const signedOut = await t.client().get(`${first.base}/papers/${first.png}/preview`);
    expect(signedOut.status).toBe(401);
  });
});
