import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { addMeeting } from '../support/meetings.ts';
import { odtFile, onePagePdf, solidPng } from '../support/paper-files.ts';

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
  const meeting = { groupId, meetingId };
  const upload = async (fileName: string, bytes: Uint8Array) => {
    const answer = await chair.call('uploadPaper', {
      ...meeting,
      title: fileName,
      fileName,
      body: Buffer.from(bytes),
    });
    return expectSuccess(answer, 201).id;
  };
  return {
    chair,
    member,
    meeting,
    pdf: await upload('budget.pdf', onePagePdf()),
    png: await upload('map of the area.png', solidPng()),
    odt: await upload('minutes.odt', odtFile()),
  };
}

type Meeting = { groupId: string; meetingId: string };

const preview = (client: Client, meeting: Meeting, paperId: string) =>
  client.call('previewPaper', { ...meeting, paperId });

describe('paper previews', () => {
  it('an image is shown inline, sandboxed so it can run nothing, and never sniffed', async () => {
    const { member, meeting, png } = await meetingWithPapers();
    const answer = await preview(member, meeting, png);
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
    const { member, meeting, pdf } = await meetingWithPapers();
    const answer = await preview(member, meeting, pdf);
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
    const { member, meeting, odt, pdf } = await meetingWithPapers();
    const answer = await preview(member, meeting, odt);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="minutes\.odt"/,
    );
    const download = await member.call('downloadPaper', { ...meeting, paperId: pdf });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('a paper of a group you are not in answers exactly as a missing one', async () => {
    const { meeting, png } = await meetingWithPapers();
    const stranger = t.client();
    await stranger.register('Someone Else');
    const hidden = await preview(stranger, meeting, png);
    const missing = await preview(stranger, meeting, '00000000-0000-4000-8000-000000000000');
    expectError(hidden, { status: 404, code: 'not_found' });
    expect(hidden.status).toBe(missing.status);
    expect(hidden.text).toBe(missing.text);
    expect(hidden.headers.get('content-type')).toBe(missing.headers.get('content-type'));
  });

  it('a paper of another meeting is not found, a malformed id is refused, and signing in comes first', async () => {
    const first = await meetingWithPapers();
    const second = await meetingWithPapers();
    const elsewhere = await preview(first.chair, first.meeting, second.png);
    expectError(elsewhere, { status: 404, code: 'not_found' });
    expectError(await preview(first.chair, first.meeting, 'not-an-id'), {
      status: 422,
      code: 'validation_failed',
    });
    const signedOut = await preview(t.client(), first.meeting, first.png);
    expect(signedOut.status).toBe(401);
  });
});
