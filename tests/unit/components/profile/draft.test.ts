import { describe, expect, it } from 'vitest';
import {
  describePath,
  draftFromProfile,
  draftFromUnknown,
  emptyDraft,
  mergeProposals,
  newProposals,
  validateDraft,
  type ProfileDraft,
} from '../../../../components/profile/draft';
import { profileFileName, readProfileFile } from '../../../../components/profile/file';
import { buildSuggester, suggestSkill } from '../../../../components/profile/suggest';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { parseResume } from '../../../../lib/resume/parse';

const draft = (patch: Partial<ProfileDraft>): ProfileDraft => ({ ...emptyDraft(), ...patch });

describe('validateDraft', () => {
  it('passes a complete draft and turns typed years into numbers', () => {
    const result = validateDraft(
      draft({
        education: [{ level: 'Master', field: ' Data Science ', status: 'pursuing', graduation: '2026-12' }],
        publications: [{ venue: 'KDD', year: '2024', firstAuthor: true }],
        availability: [{ from: '2026-05-11', to: '2026-08-28' }],
      }),
    );
    expect(result).toEqual({
      ok: true,
      profile: ProfileSchema.parse({
        education: [{ level: 'Master', field: 'Data Science', status: 'pursuing', graduation: '2026-12' }],
        publications: [{ venue: 'KDD', year: 2024, firstAuthor: true }],
        availability: [{ from: '2026-05-11', to: '2026-08-28' }],
      }),
    });
  });

  it("names every invalid field by its path, with the schema's message or a plain one for types and limits", () => {
    const result = validateDraft(
      draft({
        education: [{ level: 'PhD', field: '  ', status: 'pursuing', graduation: '2026-13' }],
        availability: [{ from: '2026-09-01', to: '2026-06-01' }],
        publications: [
          { venue: 'NeurIPS', year: '', firstAuthor: false },
          { venue: 'ICML', year: '1850', firstAuthor: false },
          { venue: 'ICLR', year: '24a', firstAuthor: false },
        ],
        workAuthorization: [{ country: 'Singapore', status: 'tourist' }],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.errors)).toEqual({
      'education.0.field': 'must not be empty',
      'education.0.graduation': 'expected a year and month (YYYY-MM)',
      'availability.0.to': '`from` must not be after `to`',
      'publications.0.year': 'enter a number',
      'publications.1.year': 'must be 1950 or later',
      'publications.2.year': 'enter a number',
      'workAuthorization.0.status': 'choose one of the options',
    });
  });

  it('describes paths in words for the status line', () => {
    expect(describePath('education.0.graduation')).toBe('degree 1, graduation');
    expect(describePath('publications.2.firstAuthor')).toBe('publication 3, first author');
    expect(describePath('skills')).toBe('skill');
  });
});

describe('loading drafts', () => {
  it('round-trips a valid profile', () => {
    const profile = ProfileSchema.parse({
      education: [{ level: 'PhD', field: 'CS', status: 'pursuing', graduation: '2027-06' }],
      skills: ['Python'],
      publications: [{ venue: 'NeurIPS', year: 2024, firstAuthor: true }],
    });
    const result = validateDraft(draftFromProfile(profile));
    expect(result).toEqual({ ok: true, profile });
  });

  it('keeps what it can of a broken stored profile, so the user can repair it', () => {
    expect(
      draftFromUnknown({
        education: [{ level: 'Doctor', field: 'CS', graduation: 2027 }, 'junk'],
        skills: ['Go', 3, null],
        publications: [{ venue: 'KDD', year: 2023, firstAuthor: 'yes' }],
        extra: true,
      }),
    ).toEqual(
      draft({
        education: [{ level: 'Doctor', field: 'CS', status: '', graduation: '2027' }],
        skills: ['Go', '3'],
        publications: [{ venue: 'KDD', year: '2023', firstAuthor: false }],
      }),
    );
    expect(draftFromUnknown(undefined)).toEqual(emptyDraft());
  });
});

describe('merging résumé proposals', () => {
  const now = new Date('2025-11-15T00:00:00Z');
  const resume = `Sam Lee
Education
MSc Data Science, National University of Singapore, Dec 2026 (expected)
Skills: golang, Python, Spark, SQL
Publications
- Sam Lee, A. Tan. Fast joins. KDD 2024.`;

  it('offers only what the profile lacks: "golang" on the résumé is the Go already listed', () => {
    const current = draft({
      skills: ['Go', 'sql'],
      education: [{ level: 'Master', field: 'data science', status: 'pursuing', graduation: '' }],
    });
    const fresh = newProposals(current, parseResume(resume, now));
    expect(fresh.degrees).toEqual([]);
    expect(fresh.skills.map((s) => s.name)).toEqual(['Python', 'Spark']);
    expect(fresh.publications.map((p) => [p.venue, p.year, p.firstAuthor])).toEqual([['KDD', 2024, true]]);
  });

  it('appends accepted proposals after the existing entries, as draft values', () => {
    const current = draft({ skills: ['Go'] });
    const proposals = parseResume(resume, now);
    const merged = mergeProposals(current, proposals);
    expect(merged.skills).toEqual(['Go', 'Python', 'Spark', 'SQL']);
    expect(merged.education).toEqual([{ level: 'Master', field: 'Data Science', status: 'pursuing', graduation: '2026-12' }]);
    expect(merged.publications).toEqual([{ venue: 'KDD', year: '2024', firstAuthor: true }]);
    // Accepting the same proposals again adds nothing.
    expect(mergeProposals(merged, proposals)).toEqual(merged);
  });
});

describe('skill suggestions', () => {
  it('offers canonical names for aliases and says which alias matched', () => {
    expect(suggestSkill('golang')[0]).toEqual({ value: 'Go', matched: 'Golang' });
    expect(suggestSkill('ali cloud')[0]).toEqual({ value: 'Alibaba Cloud', matched: 'Ali Cloud' });
    expect(suggestSkill('tf')[0]).toEqual({ value: 'TensorFlow', matched: 'TF' });
  });

  it('puts an exact name first, then names starting with the text, and leaves out chosen skills', () => {
    const forC = suggestSkill('c').map((s) => s.value);
    expect(forC[0]).toBe('C');
    expect(forC).toContain('C++');
    expect(suggestSkill('py', ['Python']).map((s) => s.value)).not.toContain('Python');
    const forPy = suggestSkill('py').map((s) => s.value);
    expect(forPy).toContain('Python');
    expect(forPy.slice(0, 3).every((name) => name.toLowerCase().startsWith('py'))).toBe(true);
    // Shorter names first among equals: "Python" before "PySpark".
    expect(forPy.indexOf('Python')).toBeLessThan(forPy.indexOf('PySpark'));
    expect(suggestSkill('  ')).toEqual([]);
  });

  it('ranks deterministically over any list', () => {
    const suggest = buildSuggester({
      version: 1,
      groups: {},
      skills: [
        { name: 'Spark SQL', aliases: [], groups: [] },
        { name: 'Spark', aliases: ['Apache Spark'], groups: [] },
        { name: 'PySpark', aliases: [], groups: [] },
      ],
    });
    expect(suggest('spark').map((s) => s.value)).toEqual(['Spark', 'Spark SQL', 'PySpark']);
    expect(suggest('apache')).toEqual([{ value: 'Spark', matched: 'Apache Spark' }]);
  });
});

describe('profile files', () => {
  it('reads a profile file and the profile part of a full export, and names the first bad field', () => {
    const profile = { skills: ['Python'], education: [{ level: 'Bachelor', field: 'CS', status: 'pursuing', graduation: '2027-05' }] };
    expect(readProfileFile(JSON.stringify(profile))).toMatchObject({ ok: true, fromExport: false, profile: { skills: ['Python'] } });
    const exported = { format: 'job-lens-export', version: 1, profile: { id: 'me', data: profile, updatedAt: '2025-11-15T10:00:00.000Z' } };
    expect(readProfileFile(JSON.stringify(exported))).toMatchObject({ ok: true, fromExport: true });
    expect(readProfileFile(JSON.stringify({ ...exported, profile: null }))).toEqual({
      ok: false,
      reason: 'this Job Lens export has no profile in it',
    });
    expect(readProfileFile('{ not json')).toEqual({ ok: false, reason: 'the file is not JSON' });
    expect(readProfileFile(JSON.stringify({ skils: ['Python'] }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/skils|unrecognized/i),
    });
    expect(readProfileFile(JSON.stringify({ education: [{ ...profile.education[0], graduation: '2027' }] }))).toEqual({
      ok: false,
      reason: 'education.0.graduation: expected a year and month (YYYY-MM)',
    });
    // Named after the user's own day: at 11 pm it is still the 15th, whatever UTC says.
    expect(profileFileName(new Date('2025-11-15T23:00:00'))).toBe('job-lens-profile-2025-11-15.json');
  });
});
