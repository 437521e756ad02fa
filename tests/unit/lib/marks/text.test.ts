import { describe, expect, it } from 'vitest';
import { lineView, markView, shortDay, statusText } from '../../../../lib/marks/text';
import type { JobMark } from '../../../../lib/marks/types';
import { local } from '../../support/local-time';

const now = new Date(local('2026-06-20T10:00:00'));
const mark = (over: Partial<JobMark> = {}): JobMark => ({
  jobId: '7400000000000000001',
  status: 'seen',
  appliedAt: null,
  score: null,
  eligible: null,
  blocker: null,
  program: null,
  ...over,
});

describe('mark texts', () => {
  it('says applied with the local day, the match and the reason it is not eligible', () => {
    const view = markView(
      mark({ status: 'applied', appliedAt: local('2026-06-02T23:30:00'), score: 82, eligible: false, blocker: 'needs a PhD in progress' }),
      now,
    );
    expect(view.label).toBe('Job Lens: Applied on 2 Jun · match 82 · not eligible: needs a PhD in progress');
    expect(view.text).toBe('Applied on 2 Jun · 82% · Not eligible');
    expect(view.tip).toBe('needs a PhD in progress');
    expect(view.tone).toBe('bad');
  });

  it('shows only the status for a job seen and not scored, with no tooltip', () => {
    expect(markView(mark(), now)).toEqual({ text: 'Viewed', label: 'Job Lens: Viewed', tip: null, tone: '' });
    expect(markView(mark({ status: 'saved', score: 64, eligible: true }), now).label).toBe('Job Lens: Saved · match 64');
  });

  it('names the places left only at or near the program limit', () => {
    const program = (used: number) => ({ label: 'Early Careers', used, limit: 2 });
    expect(markView(mark({ program: program(0) }), now).label).toBe('Job Lens: Viewed');
    const last = markView(mark({ program: program(1) }), now);
    expect([last.label, last.tone]).toEqual(['Job Lens: Viewed · 1 place left in Early Careers', 'warn']);
    const none = markView(mark({ program: program(2) }), now);
    expect([none.text, none.tone]).toEqual(['Viewed · No places left', 'bad']);
    expect(none.label).toContain('no places left in Early Careers (2 of 2 used)');
  });

  it('writes later statuses with their application day, and the year only when it is not this one', () => {
    expect(statusText(mark({ status: 'interviewing', appliedAt: local('2025-12-01T12:00:00') }), now)).toBe(
      'Interviewing, applied on 1 Dec 2025',
    );
    expect(shortDay('not a date', now)).toBe('');
  });

  it('clips a long blocker for the tooltip, never mid-way without saying so', () => {
    const view = markView(mark({ eligible: false, blocker: 'x '.repeat(200) }), now);
    expect(view.tip!.length).toBeLessThanOrEqual(160);
    expect(view.tip!.endsWith('…')).toBe(true);
  });

  it('makes the job page line: not eligible with the first blocker, places, status, and details to expand', () => {
    const line = lineView(
      mark({
        status: 'saved',
        score: 40,
        eligible: false,
        blocker: 'needs a PhD in progress',
        program: { label: 'Early Careers', used: 1, limit: 2 },
      }),
      'Research Scientist Intern',
      now,
    );
    expect(line.text).toBe('Not eligible: needs a PhD in progress · 1 place left in Early Careers · Saved');
    expect(line.title).toBe('Research Scientist Intern');
    expect(line.details).toEqual([
      'Match score: 40 of 100',
      'First blocker: needs a PhD in progress',
      'Early Careers: 1 of 2 applications used, 1 left',
      'Status: Saved',
    ]);
    expect(lineView(mark({ score: 77, eligible: true }), 't', now).text).toBe('Match 77% · Viewed');
  });
});
