import { describe, expect, it } from 'vitest';
import { contentFingerprint, judgeReading } from '../../../../lib/capture/readiness';
import { extractFromHtml } from '../../../../lib/extract/node';

const A = '7512345678901234567';
const B = '7512345678901239999';
const NOW = new Date('2026-11-01T00:00:00Z');
const job = (title: string, duty: string, sections = true) =>
  `<main><div>Technology</div><h1>${title}</h1><div><span>Location</span><span>:</span><span>Singapore</span></div>` +
  (sections ? `<h2>Responsibilities</h2><ul><li>${duty}</li></ul><h2>Qualifications</h2><ul><li>Bachelor's degree.</li></ul>` : '') +
  '</main>';
const readAt = (id: string, html: string) => extractFromHtml(html, new URL(`https://lifeattiktok.com/search/${id}`), NOW);
const postingOf = (id: string, html: string) => {
  const result = readAt(id, html);
  if (!result.ok) throw new Error(result.reason);
  return result.posting;
};

describe('judgeReading', () => {
  it('is ready for a whole job at its URL, and new to a tab that recorded nothing', () => {
    const reading = judgeReading(readAt(A, job('Data Engineer Intern', 'Build pipelines.')), A, null, null);
    expect(reading).toMatchObject({ ready: true, again: false, posting: { jobId: A, title: 'Data Engineer Intern' } });
  });

  it("passes on the extractor's reason for a page it cannot read", () => {
    expect(judgeReading(readAt(A, '<main>Loading…</main>'), A, null, null)).toEqual({
      ready: false,
      reason: 'no label rows and no sections on the page',
    });
  });

  it('waits for a section while only the labels have rendered', () => {
    expect(judgeReading(readAt(A, job('Data Engineer Intern', '', false)), A, null, null)).toEqual({
      ready: false,
      reason: 'no sections yet',
    });
  });

  it('waits while the head names another job than the body, and takes a head that names this one', () => {
    const result = readAt(A, job('Data Engineer Intern', 'Build pipelines.'));
    expect(judgeReading(result, A, 'Backend Engineer Intern', null)).toEqual({
      ready: false,
      reason: 'the head and the body name different titles',
    });
    expect(judgeReading(result, A, 'data engineer intern', null).ready).toBe(true);
  });

  it("waits while a new job's URL shows the text the tab recorded for the previous job", () => {
    const html = job('Data Engineer Intern', 'Build pipelines.');
    const last = { jobId: A, fingerprint: contentFingerprint(postingOf(A, html)) };
    expect(judgeReading(readAt(B, html), B, null, last)).toEqual({ ready: false, reason: 'still showing the previous job' });
    expect(judgeReading(readAt(B, job('Backend Engineer Intern', 'Write services.')), B, null, last)).toMatchObject({
      ready: true,
      again: false,
    });
  });

  it('is ready but nothing new for the reading the tab last recorded', () => {
    const html = job('Data Engineer Intern', 'Build pipelines.');
    const last = { jobId: A, fingerprint: contentFingerprint(postingOf(A, html)) };
    expect(judgeReading(readAt(A, html), A, null, last)).toMatchObject({ ready: true, again: true, fingerprint: last.fingerprint });
    expect(judgeReading(readAt(A, job('Data Engineer Intern', 'Build and run pipelines.')), A, null, last)).toMatchObject({ again: false });
  });
});

describe('contentFingerprint', () => {
  it('follows the title, the code, the duties and the minimum qualifications, not where the job was read', () => {
    const base = postingOf(A, job('Data Engineer Intern', 'Build pipelines.'));
    const print = contentFingerprint(base);
    expect(contentFingerprint({ ...base, url: 'https://lifeattiktok.com/referral/tiktok/position/x/detail', extractedAt: 'later' })).toBe(
      print,
    );
    const variants = [
      { ...base, title: 'Data Engineer Intern II' },
      { ...base, jobCode: 'A1' },
      { ...base, responsibilities: ['Build pipelines!'] },
      { ...base, minimumQualifications: [...base.minimumQualifications, 'Python.'] },
      // The same texts split differently are different content.
      { ...base, responsibilities: ['Build', 'pipelines.'] },
    ];
    const prints = variants.map(contentFingerprint);
    expect(new Set([print, ...prints]).size).toBe(variants.length + 1);
    expect(print).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    expect(print.length).toBeLessThanOrEqual(40);
  });
});
