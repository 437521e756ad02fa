import { describe, expect, it } from 'vitest';
import { degreeTeaching } from '../../../../lib/match/fields';
import { matchLine, matchPosting } from '../../../../lib/match/match';
import { ProfileSchema } from '../../../../lib/profile/schema';

const NOW = new Date('2026-12-07T10:00:00Z');

const student = (education: object[], skills: string[] = []) => ProfileSchema.parse({ education, skills });
const computerScience = { level: 'Bachelor', field: 'Computer Science', status: 'pursuing', graduation: '2027-06' };
const firstYear = { level: 'Bachelor', field: 'Software Engineering', status: 'pursuing', graduation: '2029-06' };
const doctorate = { level: 'PhD', field: 'Statistics', status: 'pursuing', graduation: '2028-06' };
const marketing = { level: 'Master', field: 'Marketing', status: 'pursuing', graduation: '2027-06' };
/** A Computer Science student free between two days. */
const availableFrom = (from: string, to: string) => ProfileSchema.parse({ education: [computerScience], availability: [{ from, to }] });
/** A Computer Science graduate of the given month. */
const graduated = (graduation: string) => student([{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation }]);

describe('subjects a degree teaches', () => {
  it('finds the degree by the line’s own words, in any case and spacing', () => {
    const education = [marketing, computerScience];
    expect(degreeTeaching('Data  Structures', education)).toBe(computerScience);
    expect(degreeTeaching('operating systems', education)).toBe(computerScience);
    expect(degreeTeaching('TCP/IP', education)).toBe(computerScience);
  });

  it('counts core courses only: no tools, no specialisms, nothing for a field it does not know', () => {
    expect(degreeTeaching('kernel', [computerScience])).toBeNull();
    expect(degreeTeaching('Kubernetes', [computerScience])).toBeNull();
    expect(degreeTeaching('operating systems', [marketing])).toBeNull();
    expect(degreeTeaching('statistics', [{ field: 'Underwater basket weaving' }])).toBeNull();
  });

  it('meets a fundamentals line with the degree as evidence when the skill list does not name it', () => {
    const result = matchLine('Solid grasp of data structures, algorithms and computer networks', student([computerScience], ['Java']), NOW);
    expect(result.verdict).toBe('met');
    expect(result.evidence.matched).toEqual([
      { requirement: 'data structures', profile: "Bachelor's in Computer Science, graduating Jun 2027" },
      { requirement: 'computer networks', profile: "Bachelor's in Computer Science, graduating Jun 2027" },
    ]);
    expect(result.evidence.notes).toContain('data structures: a subject every Computer Science degree teaches');
  });

  it('prefers a listed skill to the degree', () => {
    const result = matchLine('Knowledge of operating systems', student([computerScience], ['Linux']), NOW);
    expect(result.evidence.matched).toEqual([{ requirement: 'operating systems', profile: 'Linux' }]);
  });

  it('does not stretch the degree to what it does not teach', () => {
    const result = matchLine('Experience with OS kernels and Kubernetes', student([computerScience], ['Java']), NOW);
    expect(result.verdict).toBe('unmet');
  });

  it('with no skills listed, a line of taught subjects is met and any other stays unknown', () => {
    expect(matchLine('Strong knowledge of probability and linear algebra', student([doctorate]), NOW).verdict).toBe('met');
    const mixed = matchLine('Strong knowledge of probability and Python', student([doctorate]), NOW);
    expect(mixed.verdict).toBe('unknown');
    expect(mixed.evidence.notes).toContain('your profile lists no skills');
    expect(matchLine('Strong knowledge of probability', ProfileSchema.parse({}), NOW).verdict).toBe('unknown');
  });
});

describe('competitions and awards', () => {
  it('are never read for skills, and say why', () => {
    const result = matchLine(
      'A record of top finishes in Kaggle or data science competitions',
      student([computerScience], ['Python']),
      NOW,
    );
    expect(result).toMatchObject({ kind: 'soft', verdict: 'unknown' });
    expect(result.evidence.notes).toEqual(['competition results and awards are not in a profile; never counted against you']);
  });

  it('leave the rest of the line to be read', () => {
    const result = matchLine('Fluent in Go; hackathon prizes are a plus', student([computerScience], ['Java']), NOW);
    expect(result).toMatchObject({ kind: 'skill', verdict: 'unmet' });
    expect(result.evidence.missing).toEqual(['Go']);
  });
});

describe('years with a skill for a student who lists no roles', () => {
  it('are not told when the studies began long enough ago', () => {
    const result = matchLine('3+ years of hands-on experience with PyTorch', student([doctorate], ['PyTorch']), NOW);
    expect(result).toMatchObject({ kind: 'experience-years', verdict: 'unknown' });
  });

  it('cannot be more than the years since the studies began', () => {
    // Software Engineering from about June 2025 (four years before June 2029): a year and a half.
    const result = matchLine('2+ years of experience with Python', student([firstYear], ['Python']), NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toContain('at least 2 years with the skills named');
    expect(result.evidence.notes).toContain('your profile lists no roles, and your studies began about 1 year 6 months ago');
    expect(matchLine('1+ years of experience with Python', student([firstYear], ['Python']), NOW).verdict).toBe('unknown');
  });

  it('keep the skills’ own verdict when a skill is missing', () => {
    expect(matchLine('3+ years of experience with PyTorch and Go', student([doctorate], ['PyTorch']), NOW).verdict).toBe('partial');
  });

  it('are years of work when the line says work, industry or production', () => {
    for (const line of [
      '2+ years of work experience with Python',
      '2+ years of industry experience with Python',
      '2+ years of experience with Python in production',
    ]) {
      expect(matchLine(line, student([doctorate], ['Python']), NOW).verdict, line).toBe('unmet');
    }
  });
});

describe('internship experience', () => {
  const withRoles = (roles: object[]) => ProfileSchema.parse({ education: [computerScience], experience: roles });
  const internship = { title: 'Data Analyst Intern', organization: 'a travel site', from: '2025-06', to: '2025-08', internship: true };
  const job = { title: 'Shift supervisor', organization: 'a café', from: '2023-01', to: null };

  it('is met by a role marked as an internship, and says the kind is not checked', () => {
    const result = matchLine('Prior internship experience in data analytics', withRoles([job, internship]), NOW);
    expect(result).toMatchObject({ kind: 'experience-years', verdict: 'met' });
    expect(result.evidence.matched).toEqual([{ requirement: 'internship experience', profile: 'Data Analyst Intern, a travel site' }]);
    expect(result.evidence.notes).toContain('whether the internship was of the kind asked for is for you to judge');
  });

  it('is partly met by roles none of which is an internship, and not told by no roles', () => {
    expect(matchLine('Previous internship experience is a plus', withRoles([job]), NOW).verdict).toBe('partial');
    expect(matchLine('Previous internship experience is a plus', withRoles([]), NOW).verdict).toBe('unknown');
  });

  it('keeps the skills the line names', () => {
    const profile = ProfileSchema.parse({ education: [computerScience], skills: ['SQL'], experience: [internship] });
    expect(matchLine('Internship experience with SQL and Tableau', profile, NOW).verdict).toBe('partial');
  });
});

describe('parts that are a plus', () => {
  const speaker = ProfileSchema.parse({ education: [computerScience], languages: ['English (native)'], skills: ['Vue'] });

  it('ask nothing of a minimum line that asks for something else', () => {
    expect(matchLine('Fluent in English, Korean would be an advantage', speaker, NOW).verdict).toBe('met');
    expect(matchLine('Proficient in Vue; TypeScript is a strong plus', speaker, NOW).verdict).toBe('met');
  });

  it('leave a line that is all plus as it is, dots inside names included', () => {
    expect(matchLine('Experience with Vue.js is a plus', speaker, NOW).verdict).toBe('met');
    expect(matchLine('Experience with Svelte is a plus', speaker, NOW).verdict).toBe('unmet');
    expect(matchLine('Korean is a plus', speaker, NOW)).toMatchObject({ kind: 'language', verdict: 'unmet' });
  });

  it('need a subject of their own: a bare ", is a plus" is part of the sentence before it', () => {
    expect(matchLine('Knowledge of Svelte, e.g. SvelteKit, is a plus', speaker, NOW).verdict).toBe('unmet');
  });
});

describe('parts that are a plus, and lists', () => {
  const analyst = ProfileSchema.parse({ education: [computerScience], skills: ['SQL', 'NLP'] });

  it('do not split the last item off a list before "is preferred" or "is a plus"', () => {
    // Split, "NLP" would be dropped and "recommendation, advertising" asked for.
    expect(matchLine('Experience in recommendation, advertising, search or NLP is preferred', analyst, NOW).verdict).toBe('met');
    expect(matchLine('Experience in Tableau, Looker or SQL is a plus', analyst, NOW).verdict).toBe('met');
  });

  it('drop a parenthesis that is preferred', () => {
    expect(matchLine('Working knowledge of SQL (Spark SQL preferred)', analyst, NOW).verdict).toBe('met');
  });
});

describe('months given as a stretch', () => {
  const springOnly = availableFrom('2026-01-05', '2026-06-30');

  it('beside a duration, say where the duration lies, not that all of it is needed', () => {
    const line = 'Available for a 12-week internship between May and September 2026';
    expect(matchLine(line, availableFrom('2026-06-01', '2026-08-28'), NOW).verdict).toBe('met');
    const short = matchLine(line, springOnly, NOW);
    expect(short).toMatchObject({ kind: 'duration', verdict: 'unmet' });
    expect(short.evidence.missing).toEqual(['available 12 weeks during May to September 2026']);
    // Free all year: the months, not the line's other words, bound the weeks.
    expect(matchLine(line, availableFrom('2026-01-05', '2026-12-31'), NOW).verdict).toBe('met');
  });

  it('read a window "from … to" as a stretch only when a duration in it is shorter', () => {
    expect(matchLine('Available for 12 weeks from May to September 2026', availableFrom('2026-06-01', '2026-08-28'), NOW).kind).toBe(
      'duration',
    );
    const asLong = matchLine('Full-time for 6 months, from January to June 2026', availableFrom('2026-03-01', '2026-06-30'), NOW);
    expect(asLong).toMatchObject({ kind: 'internship-window', verdict: 'unmet' });
  });

  it('alone, are a window, across a new year too', () => {
    const winter = 'Available between November 2026 and February 2027';
    expect(matchLine(winter, availableFrom('2026-11-02', '2027-02-26'), NOW)).toMatchObject({ kind: 'internship-window', verdict: 'met' });
    expect(matchLine(winter, availableFrom('2026-11-02', '2026-12-31'), NOW).verdict).toBe('unmet');
    expect(matchLine('Internship period: July 2026 to December 2026', springOnly, NOW).evidence.missing).toEqual([
      'available July to December 2026',
    ]);
  });

  it('after a start word, say when to start: quarters and halves of a year included', () => {
    const summer = availableFrom('2026-06-01', '2026-12-31');
    const q1 = matchLine('Duration of at least 4 months, with a start date in Q1 2026', summer, NOW);
    expect(q1.verdict).toBe('unmet');
    expect(q1.evidence.missing).toEqual(['available 4 months starting between Jan and Mar 2026']);
    expect(matchLine('Open to a 6-month internship starting anytime in the second half of 2026', summer, NOW).verdict).toBe('met');
    expect(matchLine('Able to start in the third quarter of 2026 for 3 months', summer, NOW).verdict).toBe('met');
    expect(matchLine('Able to start in H1 2026 for 3 months', summer, NOW).verdict).toBe('met');
    expect(matchLine('Able to start in H1 2026 for 3 months', availableFrom('2026-07-01', '2026-12-31'), NOW).verdict).toBe('unmet');
  });

  it('are never read off a graduation line', () => {
    const result = matchLine('Expected graduation between Q4 2026 and Q2 2027', springOnly, NOW);
    expect(result.kind).not.toBe('internship-window');
    expect(result.verdict).toBe('unknown');
  });
});

describe('another language besides the named ones', () => {
  const speaker = (...languages: string[]) => ProfileSchema.parse({ languages });

  it('needs a language the line does not name, of the region it names', () => {
    const line = 'Fluency in English and at least one other European language';
    expect(matchLine(line, speaker('English (native)', 'German (fluent)'), NOW).verdict).toBe('met');
    expect(matchLine(line, speaker('English (native)', 'Korean (fluent)'), NOW).evidence.missing).toEqual(['one other European language']);
    expect(matchLine(line, speaker('English (native)', 'French (basic)'), NOW).verdict).toBe('partial');
  });

  it('does not count a named language again, under another of its names', () => {
    expect(matchLine('Fluent in Chinese and another Asian language', speaker('Mandarin (native)', 'English'), NOW).verdict).toBe('unmet');
    expect(matchLine('Fluent in Chinese and another Asian language', speaker('Mandarin (native)', 'Thai (fluent)'), NOW).verdict).toBe(
      'met',
    );
  });

  it('cannot tell about a language Job Lens does not know, and says so', () => {
    const result = matchLine('Fluent in English and another language', speaker('English (native)', 'Basque (fluent)'), NOW);
    expect(result.verdict).toBe('unknown');
    expect(result.evidence.notes).toContain(
      'Basque (fluent): not a language Job Lens knows, so whether it is another language cannot be checked',
    );
  });
});

describe('two ways in', () => {
  const line = "PhD in Computer Science or a related field, or a Master's degree with 3+ years of research experience";
  const bachelor = student([computerScience], ['Java']);

  it('counts the way that suits the profile, and names the other', () => {
    const result = matchLine(line, student([doctorate]), NOW);
    expect(result.verdict).toBe('met');
    expect(result.evidence.notes).toContain("the line also accepts: a Master's degree with 3+ years of research experience");
  });

  it('blocks only when both ways are blocked, with both reasons in one', () => {
    const report = matchPosting({ minimumQualifications: [line] }, bachelor, NOW);
    expect(report.minimum[0]!.verdict).toBe('unmet');
    expect(report.blockers).toHaveLength(1);
    expect(report.blockers[0]).toMatch(/PhD.*\(or: .*Master/);
    const either = "Master's degree or above, or Bachelor's degree with 2 years of relevant experience";
    expect(matchPosting({ minimumQualifications: [either] }, bachelor, NOW).blockers).toEqual([]);
  });

  it('takes graduates with little experience as a second way in after a graduation window', () => {
    const line =
      'Final year students graduating between December 2025 and August 2026, or graduates with less than 1 year of full-time work experience';
    const workedSince = (experience: object[]) =>
      ProfileSchema.parse({ education: [{ ...computerScience, status: 'completed', graduation: '2025-06' }], experience });
    const fresh = matchLine(line, workedSince([{ title: 'Analyst', from: '2026-07', to: null }]), NOW);
    expect(fresh).toMatchObject({ kind: 'degree-field', verdict: 'met' });
    const seasoned = matchLine(line, workedSince([{ title: 'Analyst', from: '2024-07', to: null }]), NOW);
    expect(seasoned.verdict).toBe('partial');
    // A first-year student is in neither window: a degree in progress is only partly a graduate's.
    const firstYearStudent = matchLine(line, student([firstYear]), NOW);
    expect(firstYearStudent.verdict).toBe('partial');
    expect(firstYearStudent.evidence.missing).toContain('a degree completed');
  });

  it('is not read into a field list, nor into degrees that share one requirement', () => {
    const fields = matchLine("Bachelor's degree in Computer Science, Statistics, or a related field", bachelor, NOW);
    expect(fields.evidence.notes.some((n) => n.startsWith('the line also accepts'))).toBe(false);
    // "currently pursuing" is asked of both: a finished bachelor's does not meet "Undergraduate".
    const graduate = student([{ ...computerScience, status: 'completed', graduation: '2025-06' }], ['Java']);
    const shared = matchLine('Undergraduate, or Postgraduate who is currently pursuing a degree in Computer Science', graduate, NOW);
    expect(shared.verdict).toBe('unmet');
  });
});

describe('who a line is for', () => {
  const finished = (level: string) => student([{ level, field: 'Computer Science', status: 'completed', graduation: '2024-06' }]);

  it('reads undergraduates and PhD candidates as degrees in progress', () => {
    expect(matchLine('Undergraduates in their second year or above', finished('Bachelor'), NOW).verdict).toBe('unmet');
    expect(matchLine('PhD candidates in machine learning or a related field', finished('PhD'), NOW).verdict).toBe('unmet');
    expect(matchLine('PhD candidates in machine learning or a related field', student([doctorate]), NOW).verdict).toBe('met');
  });

  it('reads a field’s people as a degree line, whose field is not also a skill', () => {
    const result = matchLine('Statistics majors are preferred', student([computerScience], ['statistics']), NOW);
    expect(result).toMatchObject({ kind: 'degree-field', verdict: 'partial' });
    expect(result.evidence.matched.map((m) => m.requirement)).toEqual(['Statistics majors']);
    expect(result.evidence.missing).toEqual(['a degree in Statistics']);
    expect(matchLine('Students majoring in Computer Science', student([computerScience]), NOW).verdict).toBe('met');
  });

  it('still reads who may apply from "… are welcome to apply", and nothing from what is not needed', () => {
    expect(matchLine('Final-year students are welcome to apply', student([firstYear]), NOW).kind).toBe('graduation');
    expect(matchLine('A PhD is not required; a Master’s in Statistics is', finished('Bachelor'), NOW).evidence.missing).toEqual([
      "a Master's degree",
    ]);
  });
});

describe('start months in a list', () => {
  const from = (start: string, end: string) => ProfileSchema.parse({ availability: [{ from: start, to: end }] });

  it('allow a start in any of them, and name each when none fits', () => {
    const line = 'Internship start dates: January, May, or September 2026';
    expect(matchLine(line, from('2026-09-01', '2026-12-18'), NOW).verdict).toBe('met');
    const none = matchLine(line, from('2026-06-01', '2026-08-21'), NOW);
    expect(none).toMatchObject({ kind: 'start-dates', verdict: 'unmet' });
    expect(none.evidence.missing).toEqual(['available starting in Jan 2026 or in May 2026 or in Sep 2026']);
  });

  it('need a year and a start word before them', () => {
    expect(matchLine('Start dates may vary by team', from('2026-06-01', '2026-08-21'), NOW).kind).toBe('soft');
    expect(matchLine('Teams in January, May and September 2026', from('2026-06-01', '2026-08-21'), NOW).kind).not.toBe('start-dates');
  });
});

describe('a language named twice', () => {
  it('is asked for once', () => {
    const profile = ProfileSchema.parse({ languages: ['English (native)'] });
    const result = matchLine('Good English reading and writing skills, able to read English technical documents', profile, NOW);
    expect(result).toMatchObject({ kind: 'language', verdict: 'met' });
    expect(result.evidence.matched).toEqual([{ requirement: 'English', profile: 'English (native)' }]);
  });
});

describe('examples in parentheses, one after another', () => {
  it('belong each to the word before its own parenthesis', () => {
    const docker = student([computerScience], ['Docker']);
    const result = matchLine('Experience with containerization (Docker) and orchestration (Kubernetes)', docker, NOW);
    expect(result.verdict).toBe('partial');
    expect(result.evidence.missing).toEqual(['Kubernetes']);
    const both = student([computerScience], ['Docker', 'Kubernetes']);
    expect(matchLine('Experience with containerization (Docker) and orchestration (Kubernetes)', both, NOW).verdict).toBe('met');
  });
});

describe('years and internships, counted', () => {
  const worked = (from: string, to: string, internship = false) =>
    ProfileSchema.parse({
      education: [{ ...computerScience, status: 'completed', graduation: '2025-06' }],
      skills: ['React'],
      experience: [{ title: internship ? 'Frontend Intern' : 'Frontend Engineer', from, to, internship }],
    });

  it('read half a year as six months', () => {
    expect(matchLine('Half a year or more of experience with React', worked('2026-01', '2026-07'), NOW).verdict).toBe('met');
    const short = matchLine('Half a year or more of experience with React', worked('2026-01', '2026-03'), NOW);
    expect(short.verdict).toBe('unmet');
    expect(short.evidence.missing).toContain('at least 6 months of work experience');
  });

  it('hold internships to the number and the months asked', () => {
    const intern = worked('2025-06', '2025-08', true);
    const months = matchLine('At least 6 months of internship experience', intern, NOW);
    expect(months.verdict).toBe('unmet');
    expect(months.evidence.notes).toContain('you list 1 internship, 3 months in all');
    expect(matchLine('At least 3 months of internship experience', intern, NOW).verdict).toBe('met');
    expect(matchLine('Two or more internships in software engineering', intern, NOW).evidence.missing).toEqual(['at least 2 internships']);
  });
});

describe('skills a role’s title shows', () => {
  it('count beside the skill list, with the role as evidence', () => {
    const engineer = ProfileSchema.parse({
      education: [{ ...computerScience, status: 'completed', graduation: '2025-06' }],
      skills: ['Go'],
      experience: [{ title: 'Backend Engineer', organization: 'a logistics company', from: '2025-07', to: null }],
    });
    const result = matchLine('Experience in backend development using Go or Java', engineer, NOW);
    expect(result.verdict).toBe('met');
    expect(result.evidence.matched).toContainEqual({ requirement: 'backend development', profile: 'Backend Engineer (your role)' });
  });

  it('never stand in for an empty skill list', () => {
    const noSkills = ProfileSchema.parse({ experience: [{ title: 'Java Developer', from: '2024-01', to: null }] });
    expect(matchLine('Proficient in Java', noSkills, NOW).verdict).toBe('unknown');
  });
});

describe('a choice by slashes through a name the list does not know', () => {
  it('stays open: met by a known one, else unknown', () => {
    const nlp = student([computerScience], ['NLP']);
    expect(matchLine('Familiarity with NLP/CV/ASR', nlp, NOW).verdict).toBe('met');
    const none = matchLine('Familiarity with NLP/CV/ASR', student([computerScience], ['Java']), NOW);
    expect(none.verdict).toBe('unknown');
    expect(none.evidence.notes).toContain('NLP or ASR is one choice; the others the line offers cannot be checked');
  });
});

describe('a ceiling on work experience, for graduates', () => {
  // Graduated in June 2026: a teaching assistant's post and two internships while studying, then
  // a job since August 2026 (five months by NOW).
  const graduate = (job: object | null) =>
    ProfileSchema.parse({
      education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2026-06' }],
      skills: ['Java'],
      experience: [
        { title: 'Teaching Assistant, Algorithms', organization: 'the school', from: '2023-09', to: '2024-05' },
        { title: 'Software Engineer Intern', organization: 'a bank', from: '2024-06', to: '2024-09', internship: true },
        { title: 'Data Engineer Intern', organization: 'a retailer', from: '2025-05', to: '2025-11', internship: true },
        ...(job ? [job] : []),
      ],
    });
  const newJob = { title: 'Software Engineer', organization: 'a start-up', from: '2026-08', to: null };

  it('does not count internships or the roles held while studying', () => {
    for (const line of [
      'Less than one year of full-time work experience after graduation',
      'Graduates with less than 1 year of work experience',
      'No more than one year of professional experience',
    ]) {
      const result = matchLine(line, graduate(newJob), NOW);
      expect(result.verdict, line).toBe('met');
      expect(result.evidence.matched, line).toContainEqual({
        requirement: 'less than 1 year of work experience',
        profile: '5 months of work outside internships and your studies',
      });
    }
    expect(matchLine('Less than 1 year of full-time working experience', graduate(null), NOW).verdict).toBe('met');
  });

  it('counts the work after the studies and between two degrees', () => {
    // Graduated a year earlier, in June 2025, and at work since July 2025: 18 months by NOW.
    const earlier = ProfileSchema.parse({
      education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2025-06' }],
      experience: [
        { title: 'Software Engineer Intern', organization: 'a bank', from: '2024-06', to: '2024-09', internship: true },
        { ...newJob, from: '2025-07' },
      ],
    });
    const result = matchLine('Less than 1 year of full-time work experience', earlier, NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.notes).toContain('you have 1 year 6 months of work outside internships and your studies');
    // Two years of work after a Bachelor's, then a Master's: the work counts.
    const returner = ProfileSchema.parse({
      education: [
        { level: 'Bachelor', field: 'Economics', status: 'completed', graduation: '2022-06' },
        { level: 'Master', field: 'Statistics', status: 'completed', graduation: '2026-06' },
      ],
      experience: [{ title: 'Analyst', organization: 'a bank', from: '2022-07', to: '2024-06' }],
    });
    expect(matchLine('Less than 1 year of full-time work experience', returner, NOW).verdict).toBe('unmet');
  });

  it('counts full-time floors the same way, and other floors with everything', () => {
    const full = matchLine('At least 1 year of full-time work experience', graduate(newJob), NOW);
    expect(full.verdict).toBe('unmet');
    expect(full.evidence.notes).toContain('you have 5 months of work outside internships and your studies');
    const any = matchLine('1+ years of industry experience in software development', graduate(newJob), NOW);
    expect(any.evidence.matched).toContainEqual({
      requirement: 'at least 1 year of work experience',
      profile: '2 years 1 month of experience in your profile',
    });
  });
});

describe('the kind after "or other", named in more than one word', () => {
  it('is one choice with the names before it', () => {
    const hive = student([computerScience], ['Hive']);
    const line = 'Experience with Hive, Presto or other big data query engines';
    const result = matchLine(line, hive, NOW);
    expect(result.verdict).toBe('met');
    expect(result.evidence.missing).toEqual([]);
    expect(matchLine(line, student([computerScience], ['Java']), NOW).evidence.missing).toEqual([
      'Hive, Presto, big data or query engines',
    ]);
  });

  it('stops at the next part of the list', () => {
    const result = matchLine('Proficient in Java, C++ and other programming languages, and databases', student([marketing], ['Java']), NOW);
    expect(result.verdict).toBe('partial');
    expect(result.evidence.missing).toEqual(['databases']);
  });
});

describe('a start by a month', () => {
  // Available for a winter term, from mid-December 2026 to the end of February 2027.
  const winter = availableFrom('2026-12-14', '2027-02-28');

  it('is met by any start from today to the end of that month', () => {
    for (const line of [
      'Able to start no later than March 2027',
      'Start date no later than March 2027',
      'Must be able to start by March 2027',
    ]) {
      const result = matchLine(line, winter, NOW);
      expect(result, line).toMatchObject({ kind: 'start-dates', verdict: 'met' });
    }
    expect(matchLine('Able to start in March 2027', winter, NOW).verdict).toBe('unmet');
  });

  it('is unmet when no day of the profile falls before it ends, and says by when', () => {
    const later = availableFrom('2027-04-01', '2027-09-30');
    const result = matchLine('Able to start no later than March 2027', later, NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['available starting by Mar 2027']);
  });

  it('reads a deadline already past (an old posting) as any start before it', () => {
    const spring = availableFrom('2026-01-05', '2026-06-30');
    expect(matchLine('Able to start no later than March 2026', spring, NOW).verdict).toBe('met');
    expect(matchLine('Start date no later than October 2026', spring, NOW).verdict).toBe('met');
    expect(matchLine('Able to start no later than March 2026', winter, NOW).verdict).toBe('unmet');
  });
});

describe('experience counted in months, and the time of internships in years', () => {
  const engineer = ProfileSchema.parse({
    education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2025-06' }],
    experience: [
      { title: 'Software Engineer Intern', organization: 'a bank', from: '2024-06', to: '2024-08', internship: true },
      { title: 'Software Engineer', organization: 'a start-up', from: '2025-07', to: null },
    ],
  });

  it('reads months as years are read', () => {
    const floor = matchLine('Minimum of 18 months of relevant work experience', engineer, NOW);
    expect(floor.verdict).toBe('met');
    expect(floor.evidence.matched).toContainEqual({
      requirement: 'at least 1 year 6 months of work experience',
      profile: '1 year 9 months of experience in your profile',
    });
    const ceiling = matchLine('Fewer than 12 months of full-time experience post-graduation', engineer, NOW);
    expect(ceiling.verdict).toBe('unmet');
    expect(ceiling.evidence.notes).toContain('you have 1 year 6 months of work outside internships and your studies');
    expect(matchLine('At least 24 months of work experience', engineer, NOW).verdict).toBe('unmet');
  });

  it('holds years of internships to the internships, not to all work', () => {
    for (const line of ['At least 1 year of internship experience', 'A year of internships in software engineering']) {
      const result = matchLine(line, engineer, NOW);
      expect(result, line).toMatchObject({ kind: 'experience-years', verdict: 'unmet' });
      expect(result.evidence.missing, line).toEqual(['at least 1 year of internships']);
    }
  });

  it('leaves a months-long availability to the availability reader', () => {
    expect(matchLine('Available for at least 6 months', engineer, NOW).kind).not.toBe('experience-years');
  });
});

describe('a language to read and write, or its skills', () => {
  const mandarin = ProfileSchema.parse({ languages: ['Mandarin (native)'] });

  it('asks for the language', () => {
    const result = matchLine('Able to read and write Simplified Chinese', mandarin, NOW);
    expect(result).toMatchObject({ kind: 'language', verdict: 'met' });
    expect(matchLine('Able to read Japanese technical documents', mandarin, NOW)).toMatchObject({ kind: 'language', verdict: 'unmet' });
  });

  it('reads "English skills" as English', () => {
    const line = 'Strong English skills are required as you will work with global teams';
    expect(matchLine(line, mandarin, NOW)).toMatchObject({ kind: 'language', verdict: 'unmet' });
    expect(matchLine(line, ProfileSchema.parse({ languages: ['English (fluent)'] }), NOW).verdict).toBe('met');
    expect(matchLine('Strong Korean ability', mandarin, NOW).evidence.missing).toEqual(['Korean']);
    expect(matchLine('Good communication skills', mandarin, NOW).kind).toBe('soft');
  });
});

describe('a graduation within a stated span', () => {
  it('counts back from now, without the word "recent"', () => {
    const result = matchLine('Graduated within the past 12 months', graduated('2026-06'), NOW);
    expect(result).toMatchObject({ kind: 'graduation', verdict: 'met' });
    expect(result.evidence.matched[0]!.requirement).toBe('graduation between Dec 2025 and Dec 2026');
    expect(matchLine('Graduated within the past 12 months', graduated('2025-06'), NOW).verdict).toBe('unmet');
    expect(matchLine('Graduated in the last 2 years', graduated('2025-06'), NOW).verdict).toBe('met');
  });

  it('takes the stated span over a bare "recent graduates"', () => {
    const result = matchLine('Recent graduates who graduated within the last 2 years', graduated('2025-06'), NOW);
    expect(result.verdict).toBe('met');
    expect(result.evidence.matched[0]!.requirement).toBe('graduation between Dec 2024 and Dec 2026');
  });

  it('joins the window after "or" to it', () => {
    const line = 'Graduated within the past 12 months or graduating by August 2027';
    const result = matchLine(line, graduated('2025-06'), NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['graduation between Dec 2025 and Aug 2027']);
    const student = ProfileSchema.parse({ education: [{ ...computerScience, graduation: '2027-06' }] });
    expect(matchLine(line, student, NOW).verdict).toBe('met');
    expect(matchLine(line, graduated('2026-06'), NOW).verdict).toBe('met');
  });
});

describe('years of study', () => {
  // NOW is December 2026: a Bachelor's student graduating in June 2027 is in the final (fourth)
  // year, one graduating in June 2028 in the third, in June 2029 in the second.
  const undergraduate = (graduation: string) => student([{ ...computerScience, graduation }]);

  it('are a graduation window counted back from the graduation', () => {
    const line = "Currently in the second or third year of a Bachelor's degree";
    expect(matchLine(line, undergraduate('2027-06'), NOW).verdict).toBe('unmet');
    expect(matchLine(line, undergraduate('2028-06'), NOW).verdict).toBe('met');
    expect(matchLine(line, undergraduate('2029-06'), NOW).verdict).toBe('met');
    expect(matchLine(line, undergraduate('2030-06'), NOW).verdict).toBe('unmet');
    const first = matchLine('First- or second-year undergraduates', undergraduate('2028-06'), NOW);
    expect(first.verdict).toBe('unmet');
    expect(first.evidence.missing).toEqual(['graduation between Dec 2028 and Dec 2030']);
    expect(matchLine('Year 2 or 3 university students', undergraduate('2029-06'), NOW).verdict).toBe('met');
  });

  it('take "or above" to the final year, and the program length from the level named', () => {
    expect(matchLine('Undergraduates in their second year or above', undergraduate('2027-06'), NOW).verdict).toBe('met');
    const phd = student([{ ...doctorate, graduation: '2027-06' }]);
    expect(matchLine('Third-year PhD students or above', phd, NOW).verdict).toBe('met');
    expect(matchLine('Third-year PhD students', phd, NOW).verdict).toBe('unmet');
    expect(matchLine("Second-year Master's students", student([{ ...marketing, graduation: '2027-06' }]), NOW).verdict).toBe('met');
  });

  it('are not read from a year of work or an author', () => {
    expect(matchLine('In your first year, you will learn our systems', undergraduate('2027-06'), NOW).kind).not.toBe('graduation');
    expect(matchLine('First-author papers at top venues', undergraduate('2027-06'), NOW).kind).toBe('publications');
  });
});

describe('a choice, then "and" another skill', () => {
  it('keeps the choice one item', () => {
    const java = student([marketing], ['Java']);
    const result = matchLine('Knowledge of Java, Scala or Go and distributed systems', java, NOW);
    expect(result.verdict).toBe('partial');
    expect(result.evidence.missing).toEqual(['distributed systems']);
    expect(matchLine('Proficient in Python, Java or C++ and SQL', student([marketing], ['Java', 'SQL']), NOW).verdict).toBe('met');
    // An "and" list before the choice still needs each of its items.
    expect(
      matchLine('Experience with Python, SQL and Tableau or Power BI', student([marketing], ['SQL', 'Tableau']), NOW).evidence.missing,
    ).toEqual(['Python']);
  });
});

describe('a degree completed within a window', () => {
  // A master's student whose Bachelor's was finished in June 2024.
  const masters = student([
    { ...marketing, graduation: '2027-06' },
    { level: 'Bachelor', field: 'Economics', status: 'completed', graduation: '2024-06' },
  ]);
  const bachelor = (graduation: string) => student([{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation }]);

  it('reads the degree named before the verb', () => {
    for (const line of ['Bachelor’s degree obtained after September 2024', "Bachelor's degree completed no earlier than January 2025"]) {
      expect(matchLine(line, bachelor('2026-06'), NOW), line).toMatchObject({ verdict: 'met' });
      const early = matchLine(line, bachelor('2024-06'), NOW);
      expect(early.verdict, line).toBe('unmet');
      expect(early.evidence.notes, line).toContain("yours: Bachelor's graduated Jun 2024");
    }
    expect(matchLine("Bachelor's degree conferred by June 2027", bachelor('2027-06'), NOW).verdict).toBe('met');
  });

  it('holds the window to the degree named, not a later one in progress', () => {
    expect(matchLine("Bachelor's degree obtained after September 2024", masters, NOW).verdict).toBe('unmet');
    expect(matchLine("Obtained a Bachelor's degree after September 2024", masters, NOW).verdict).toBe('unmet');
    expect(matchLine("Master's degree completed no earlier than June 2025", masters, NOW).verdict).not.toBe('unmet');
  });
});

describe('a part of a year', () => {
  it('is a graduation window', () => {
    const graduating = (graduation: string) => student([{ ...computerScience, graduation }]);
    const line = 'Expected to graduate in late 2027';
    expect(matchLine(line, graduating('2027-12'), NOW).verdict).toBe('met');
    const result = matchLine(line, graduating('2027-06'), NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['graduation between Sep 2027 and Dec 2027']);
    expect(matchLine('Graduating in mid-2027', graduating('2027-06'), NOW).verdict).toBe('met');
  });

  it('is when to start, beside a duration', () => {
    const line = 'Available to intern for 6 months starting in early 2027';
    const spring = availableFrom('2027-02-01', '2027-08-31');
    expect(matchLine(line, spring, NOW)).toMatchObject({ kind: 'duration', verdict: 'met' });
    const thisYear = availableFrom('2026-01-05', '2026-12-31');
    const result = matchLine(line, thisYear, NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['available 6 months starting between Jan and Apr 2027']);
  });
});

describe('years of study completed, and the American college years', () => {
  // December 2026: graduating in June 2027 is a senior (fourth year), 2028 a junior, 2029 a sophomore.
  const undergraduate = (graduation: string) => student([{ ...computerScience, graduation }]);

  it('reads years completed as the year after them or later, not as a degree held', () => {
    const line = 'Must have completed at least two years of undergraduate studies';
    expect(matchLine(line, undergraduate('2027-06'), NOW).verdict).toBe('met');
    expect(matchLine(line, undergraduate('2028-06'), NOW).verdict).toBe('met');
    const second = matchLine(line, undergraduate('2029-06'), NOW);
    expect(second.verdict).toBe('unmet');
    expect(second.evidence.missing).toEqual(['graduation by Dec 2028']);
    expect(matchLine('Completed one year of a Master’s program', student([{ ...marketing, graduation: '2027-06' }]), NOW).verdict).toBe(
      'met',
    );
  });

  it('reads sophomores, juniors and seniors as years of a Bachelor’s', () => {
    const line = 'Current sophomores or juniors';
    expect(matchLine(line, undergraduate('2027-06'), NOW)).toMatchObject({ kind: 'graduation', verdict: 'unmet' });
    expect(matchLine(line, undergraduate('2028-06'), NOW).verdict).toBe('met');
    expect(matchLine(line, undergraduate('2029-06'), NOW).verdict).toBe('met');
    expect(matchLine('Undergraduate seniors in Computer Science', undergraduate('2027-06'), NOW).verdict).toBe('met');
    expect(matchLine('Students in their junior year', undergraduate('2027-06'), NOW).verdict).toBe('unmet');
  });

  it('moves a rising student up a year only from the summer on', () => {
    const line = 'Open to rising seniors';
    expect(matchLine(line, undergraduate('2028-06'), NOW).verdict).toBe('met');
    expect(matchLine(line, undergraduate('2027-06'), NOW).verdict).toBe('unmet');
    // In July a rising senior has just finished the third year: the next graduation but one.
    const july = new Date('2027-07-01T10:00:00Z');
    expect(matchLine(line, undergraduate('2028-06'), july).verdict).toBe('met');
  });

  it('are not read from job levels', () => {
    for (const line of ['Mentor junior or senior engineers on the team', 'Work with senior stakeholders', 'Current senior managers']) {
      expect(matchLine(line, undergraduate('2027-06'), NOW).kind, line).not.toBe('graduation');
    }
  });
});

describe('a stretch of months too short for the duration', () => {
  it('is when the duration starts', () => {
    const line = 'Available in Q1 2027 for 6 months';
    const fromFebruary = availableFrom('2027-02-01', '2027-08-31');
    expect(matchLine(line, fromFebruary, NOW)).toMatchObject({ kind: 'duration', verdict: 'met' });
    const result = matchLine('Available in Summer 2027 for 6 months', fromFebruary, NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['available 6 months starting between May and Sep 2027']);
    // Twelve weeks fit in a summer: they lie anywhere in it.
    const summer = availableFrom('2027-06-01', '2027-08-31');
    expect(matchLine('Available for 12 weeks in Summer 2027', summer, NOW).verdict).toBe('met');
  });
});

describe('months without a year', () => {
  const june = availableFrom('2026-06-01', '2026-08-28');

  it('are a window in the posting’s year where the line is about the internship’s time', () => {
    for (const line of ['Available to work full time during summer break (June-August)', 'Internship period: June – August']) {
      const result = matchLine(line, june, NOW);
      expect(result, line).toMatchObject({ kind: 'internship-window', verdict: 'met' });
      expect(result.evidence.matched[0]!.requirement, line).toBe('June to August 2026');
    }
    expect(matchLine('Internship period: May - August', june, NOW).verdict).toBe('unmet');
  });

  it('are not read from other lines', () => {
    expect(matchLine('Led the Jan-Mar planning cycle for a product team', june, NOW).kind).not.toBe('internship-window');
  });
});

describe('the people of a country, as who may apply', () => {
  const citizen = ProfileSchema.parse({ workAuthorization: [{ country: 'Singapore', status: 'citizen' }] });
  const pass = ProfileSchema.parse({ workAuthorization: [{ country: 'Singapore', status: 'work-permit' }] });

  it('asks for that citizenship', () => {
    for (const line of ['Singaporeans only', 'This role is open to Singaporeans', 'Only Singaporeans may apply']) {
      expect(matchLine(line, citizen, NOW), line).toMatchObject({ kind: 'work-authorization', verdict: 'met' });
      expect(matchLine(line, pass, NOW).verdict, line).toBe('unmet');
    }
    expect(matchLine('Only Malaysians may apply', citizen, NOW).evidence.missing).toEqual([
      'citizenship or permanent residence in Malaysia',
    ]);
  });

  it('takes pass holders when the line does, and leaves other mentions of people alone', () => {
    expect(matchLine('Open to Singaporeans, PRs and Employment Pass holders', pass, NOW).verdict).toBe('met');
    expect(matchLine('Work with Americans and Canadians across time zones', citizen, NOW).kind).toBe('soft');
  });
});

describe('"master" the verb, singular level words, and any field', () => {
  const bachelor = student([{ ...computerScience, graduation: '2027-06' }]);
  const phd = student([{ ...doctorate, graduation: '2027-06' }]);

  it('reads "Master the basics of …" as what to know, not a degree', () => {
    const line = 'Master the basic principles of computer networks, operating systems and databases';
    const result = matchLine(line, bachelor, NOW);
    expect(result).toMatchObject({ kind: 'skill', verdict: 'met' });
    expect(matchLine('Able to quickly master new tools', bachelor, NOW).kind).toBe('soft');
    // The degree still reads, with or without its "'s".
    expect(matchLine('Master degree in Computer Science', bachelor, NOW)).toMatchObject({ kind: 'degree-field', verdict: 'unmet' });
    expect(matchLine('Master the craft; a Master’s degree in Statistics', phd, NOW).kind).toBe('degree-field');
  });

  it('reads "master students" as a degree in progress, of those levels only', () => {
    const line = 'Undergraduate or master students graduating in 2027';
    expect(matchLine(line, phd, NOW).verdict).toBe('unmet');
    expect(matchLine(line, bachelor, NOW).verdict).toBe('met');
    expect(matchLine('Bachelor students in Computer Science', phd, NOW).verdict).toBe('unmet');
  });

  it('asks no field of a degree "in any field", whatever the line adds as a plus', () => {
    const economics = student([{ level: 'Bachelor', field: 'History', status: 'completed', graduation: '2025-06' }]);
    const line = "Bachelor's degree in any field; a degree in Business or Economics is a plus";
    expect(matchLine(line, economics, NOW).verdict).toBe('met');
    expect(matchLine('University degree in any discipline', economics, NOW)).toMatchObject({ kind: 'degree-field', verdict: 'met' });
    expect(matchLine("Bachelor's degree in Business or Economics", economics, NOW).verdict).toBe('partial');
  });
});

describe('a kind of skill after a choice', () => {
  const python = student([marketing], ['Python', 'SQL']);

  it('names the choice before "at least one": the kind alone does not meet it', () => {
    const line = 'Familiar with Go/Java/C++ at least one programming language, with good coding habits';
    const result = matchLine(line, python, NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['Go, Java or C++']);
    expect(matchLine(line, student([marketing], ['Java']), NOW).verdict).toBe('met');
  });

  it('is another choice after "or another" and "or any other"', () => {
    for (const line of [
      'Proficient in Go/Java/C++ or another programming language',
      'Proficient in Go, Java, C++ or any other programming language',
    ]) {
      expect(matchLine(line, python, NOW).verdict, line).toBe('met');
    }
  });

  it('joins only what follows the last "and": what comes before is needed too', () => {
    for (const line of ['SQL and Tableau, or another BI tool', 'SQL and Tableau, or other BI tools']) {
      const result = matchLine(line, python, NOW);
      expect(result.verdict, line).toBe('partial');
      expect(result.evidence.missing, line).toEqual([expect.stringMatching(/^Tableau or BI tools?$/)]);
    }
    expect(matchLine('SQL and Tableau, or another BI tool', student([marketing], ['SQL', 'Power BI']), NOW).verdict).toBe('met');
  });
});

describe('experience as a named role', () => {
  const graduate = ProfileSchema.parse({
    education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2025-06' }],
    experience: [
      { title: 'Teaching Assistant, Data Structures', organization: 'a university', from: '2023-09', to: '2024-05' },
      { title: 'Software Engineer Intern', organization: 'a bank', from: '2024-06', to: '2024-08', internship: true },
      { title: 'Backend Engineer', organization: 'a start-up', from: '2025-07', to: null },
    ],
  });

  it('is met by a role of that title, or its initials', () => {
    for (const line of ['Experience as a teaching assistant is a plus', 'Experience working as a TA or tutor']) {
      const result = matchLine(line, graduate, NOW);
      expect(result, line).toMatchObject({ kind: 'experience-years', verdict: 'met' });
      expect(result.evidence.matched[0]!.profile, line).toBe('Teaching Assistant, Data Structures, a university');
    }
  });

  it('is unmet when no title says it, partly met by a title only like it', () => {
    const pm = matchLine('Experience as a product manager, preferably in consumer apps', graduate, NOW);
    expect(pm.verdict).toBe('unmet');
    expect(pm.evidence.notes).toContain("none of your roles' titles says product manager");
    const research = matchLine('Experience as a research assistant', graduate, NOW);
    expect(research.verdict).toBe('partial');
    expect(matchLine('Experience as a research assistant', ProfileSchema.parse({ education: [computerScience] }), NOW).verdict).toBe(
      'unknown',
    );
  });

  it('counts the years of that role only', () => {
    expect(matchLine('3+ years of experience as a data scientist', graduate, NOW).evidence.missing).toEqual([
      'at least 3 years as data scientist',
    ]);
    // The Backend Engineer post is like a software engineer's: enough years, partly.
    const swe = matchLine('1+ year of experience as a software engineer', graduate, NOW);
    expect(swe.verdict).toBe('partial');
    expect(swe.evidence.notes).toContain('counting Backend Engineer as software engineer: for you to judge');
    expect(matchLine('1+ year of experience as a backend engineer', graduate, NOW).verdict).toBe('met');
    expect(matchLine('Experience as an intern at a tech company', graduate, NOW).verdict).toBe('met');
  });
});

describe('a region named in a place line', () => {
  const dublin = ProfileSchema.parse({
    locations: ['Dublin'],
    workAuthorization: [{ country: 'Ireland', status: 'citizen' }],
  });
  const austin = ProfileSchema.parse({
    locations: ['United States'],
    workAuthorization: [{ country: 'United States', status: 'citizen' }],
  });

  it('is each of its countries', () => {
    for (const line of ['Candidates located in Europe are welcome to apply', 'Must reside in the EU']) {
      expect(matchLine(line, dublin, NOW), line).toMatchObject({ kind: 'location', verdict: 'met' });
      expect(matchLine(line, austin, NOW).verdict, line).toBe('unmet');
    }
    expect(matchLine('Eligible to work in the EU', dublin, NOW)).toMatchObject({ kind: 'work-authorization', verdict: 'met' });
    expect(matchLine('Eligible to work in the EU', austin, NOW).verdict).toBe('unmet');
  });

  it('says the region, not the country, when an office there may be in another city', () => {
    const result = matchLine('This role is based in the EU', dublin, NOW);
    expect(result.verdict).toBe('partial');
    expect(result.evidence.notes).toContain('Dublin is in Ireland, in EU; the line names the region, not the city');
  });

  it('reads remote candidates within a country as where they are', () => {
    const line = 'Open to remote candidates within the United States';
    expect(matchLine(line, austin, NOW)).toMatchObject({ kind: 'location', verdict: 'met' });
    expect(matchLine(line, dublin, NOW).verdict).toBe('unmet');
  });
});

describe('post-graduate experience', () => {
  it('is work after graduating, not a postgraduate degree', () => {
    const graduate = ProfileSchema.parse({
      education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2025-06' }],
      experience: [
        { title: 'Software Engineer Intern', organization: 'a bank', from: '2024-06', to: '2024-08', internship: true },
        { title: 'Software Engineer', organization: 'a start-up', from: '2025-07', to: null },
      ],
    });
    const line = 'At least 2 years of post-graduate experience in software engineering';
    const result = matchLine(line, graduate, NOW);
    expect(result).toMatchObject({ kind: 'experience-years', verdict: 'unmet' });
    expect(result.evidence.notes).toContain('you have 1 year 6 months of work outside internships and your studies');
    expect(matchLine('1+ years of postgraduate work experience', graduate, NOW).verdict).toBe('met');
    expect(matchLine('Postgraduate degree in Statistics', graduate, NOW).kind).toBe('degree-field');
  });
});

describe('a level word before a language, a plus after "and", "starts", college seniors', () => {
  const english = ProfileSchema.parse({ languages: ['English (native)'], skills: ['Python'] });

  it('reads "excellent English" as the language', () => {
    expect(matchLine('Must have excellent English; Mandarin is nice to have', english, NOW)).toMatchObject({
      kind: 'language',
      verdict: 'met',
    });
    expect(matchLine('Strong Mandarin', english, NOW)).toMatchObject({ kind: 'language', verdict: 'unmet' });
    expect(matchLine('Good Chinese market knowledge', english, NOW).kind).not.toBe('language');
  });

  it('leaves out a plus joined by ", and"', () => {
    const result = matchLine('Experience in Python is a must, and Java is a bonus', english, NOW);
    expect(result.verdict).toBe('met');
    expect(result.evidence.missing).toEqual([]);
    expect(matchLine('Strong Python skills, and Go or Rust is a plus', english, NOW).verdict).toBe('met');
  });

  it('reads "starts" as a start', () => {
    const summer2026 = availableFrom('2026-06-01', '2026-08-31');
    const result = matchLine('Internship starts May/June 2027 and lasts 12 weeks', summer2026, NOW);
    expect(result.verdict).toBe('unmet');
    expect(result.evidence.missing).toEqual(['available 12 weeks starting in May or Jun 2027']);
  });

  it('reads college seniors as students of a Bachelor’s', () => {
    expect(matchLine('Undergraduate seniors graduating by June 2027', graduated('2025-06'), NOW).verdict).toBe('unmet');
    expect(matchLine('Undergraduate seniors graduating by June 2027', student([computerScience]), NOW).verdict).toBe('met');
  });
});

describe('an academic year, a degree’s candidates, a broad field’s students', () => {
  it('reads an academic year as September to August', () => {
    for (const line of ['Expected graduation in the 2026-2027 academic year', 'Graduating in academic year 2026/27']) {
      const result = matchLine(line, graduated('2026-06'), NOW);
      expect(result.verdict, line).toBe('unmet');
      expect(result.evidence.missing, line).toEqual(['graduation between Sep 2026 and Aug 2027']);
      expect(matchLine(line, student([computerScience]), NOW).verdict, line).toBe('met');
    }
  });

  it('reads "MBA candidates" as the degree in progress', () => {
    const phd = student([{ ...doctorate, graduation: '2027-06' }]);
    expect(matchLine('MBA candidates graduating in 2027', phd, NOW).verdict).toBe('unmet');
  });

  it('reads "students in a STEM field" as a degree line', () => {
    const history = student([{ level: 'Bachelor', field: 'History', status: 'pursuing', graduation: '2027-06' }]);
    expect(matchLine('Students in a STEM field', student([computerScience]), NOW)).toMatchObject({ kind: 'degree-field', verdict: 'met' });
    expect(matchLine('Students in a STEM field', history, NOW).verdict).toBe('partial');
  });
});

describe('the tools of marketing, design, legal and HR roles', () => {
  const marketer = student([marketing], ['Canva', 'Google Analytics', 'Excel', 'HubSpot']);

  it('are skills, with their kinds', () => {
    expect(matchLine('Experience with Salesforce or other CRM tools', marketer, NOW)).toMatchObject({ kind: 'skill', verdict: 'met' });
    expect(matchLine('Proficiency in Google Analytics and Google Ads', marketer, NOW).evidence.missing).toEqual(['Google Ads']);
    expect(matchLine('Proficient in Excel and PowerPoint', marketer, NOW).verdict).toBe('partial');
    expect(matchLine('Basic video editing skills (Premiere Pro, Final Cut)', marketer, NOW).verdict).toBe('unmet');
    expect(matchLine('Familiarity with legal research tools such as Westlaw or LexisNexis', marketer, NOW).verdict).toBe('unmet');
    expect(matchLine('Proficient in 3D tools like Blender or Maya', student([marketing], ['Autodesk Maya']), NOW).verdict).toBe('met');
  });

  it('are not read from the domains that share their words', () => {
    for (const line of [
      'Experience building ads platforms at scale',
      'Experience in video editing technology such as effects and rendering',
      'Experience developing CRM systems',
      'Experience in e-commerce, payments or marketplace platforms',
      'Strong notion of product quality',
    ]) {
      expect(matchLine(line, marketer, NOW).verdict, line).toBe('unknown');
    }
  });
});

describe('full-width punctuation and a two-figure class year', () => {
  const python = student([computerScience], ['Python', 'Java']);

  it('reads "；", "，" and "、" as their ASCII twins', () => {
    const result = matchLine('- Proficiency in Python；experience with PyTorch is a plus', python, NOW);
    expect(result.verdict).toBe('met');
    expect(matchLine('2、Bachelor’s degree in Computer Science；graduating in 2027', python, NOW).verdict).toBe('met');
    const go = student([computerScience], ['Go']);
    const fullWidth = matchLine('Familiar with Java、Go，with solid coding skills', go, NOW);
    expect(fullWidth.evidence).toEqual(matchLine('Familiar with Java, Go, with solid coding skills', go, NOW).evidence);
    expect(fullWidth.evidence.missing).toEqual(['Java']);
  });

  it('reads "Class of ’27" as 2027', () => {
    expect(matchLine('Class of ’27', python, NOW)).toMatchObject({ kind: 'graduation', verdict: 'met' });
    expect(matchLine("Class of '28 students", python, NOW).evidence.missing).toEqual(['graduation between Jan 2028 and Dec 2028']);
  });
});

describe('windows to the day, a flexible start, a season barely touched', () => {
  const summer = availableFrom('2027-06-07', '2027-09-03');
  const july = availableFrom('2027-07-15', '2027-12-20');

  it('reads a window with its days, either way round', () => {
    for (const line of [
      'Must be available full-time from June 1 to August 21, 2027',
      'Internship runs from 8 June 2027 to 28 August 2027',
    ]) {
      expect(matchLine(line, summer, NOW), line).toMatchObject({ kind: 'internship-window', verdict: 'met' });
      expect(matchLine(line, july, NOW).verdict, line).toBe('unmet');
    }
    expect(matchLine('Internship runs from 8 June 2027 to 28 August 2027', july, NOW).evidence.missing).toEqual([
      'available 8 Jun 2027 to 28 Aug 2027',
    ]);
  });

  it('reads "Start date is flexible, between June and September 2027" as when to start', () => {
    expect(matchLine('Start date is flexible, between June and September 2027', july, NOW)).toMatchObject({
      kind: 'start-dates',
      verdict: 'met',
    });
  });

  it('does not call a few days of a season partly there', () => {
    const fall = matchLine('Fall 2027 co-op (September to December)', summer, NOW);
    expect(fall.verdict).toBe('unmet');
    expect(fall.evidence.notes.join(' ')).not.toContain('counts as partly met');
    // A month of it is partly there.
    const august = availableFrom('2027-06-01', '2027-10-01');
    expect(matchLine('Fall 2027 co-op (September to December)', august, NOW).verdict).toBe('partial');
  });
});

describe("a student's permission to work, Singapore's passes, a security clearance", () => {
  const f1 = ProfileSchema.parse({ workAuthorization: [{ country: 'United States', status: 'student-visa' }] });
  const singaporean = ProfileSchema.parse({ workAuthorization: [{ country: 'Singapore', status: 'citizen' }] });

  it('meets a line that accepts CPT, OPT or a student visa with one', () => {
    for (const line of ['Must be authorized to work in the US; CPT/OPT is acceptable', 'F-1 students must be eligible for CPT or OPT']) {
      expect(matchLine(line, f1, NOW), line).toMatchObject({ kind: 'work-authorization', verdict: 'met' });
    }
    // Without that, a student visa is for the candidate to check; "unrestricted" rules it out.
    expect(matchLine('Must be authorized to work in the US', f1, NOW).verdict).toBe('partial');
    expect(matchLine('Must have unrestricted work authorization in the U.S.', f1, NOW).verdict).toBe('unmet');
  });

  it('asks nothing of others in a line about student visa holders only', () => {
    const result = matchLine('International students on an F-1 visa are welcome to apply', singaporean, NOW);
    expect(result.verdict).toBe('unknown');
    expect(result.evidence.notes).toEqual(['the line is about student visa holders in United States; your profile has no such visa']);
  });

  it("reads Singapore's passes as papers to work in Singapore", () => {
    const line = 'Must hold a valid Employment Pass or be eligible for one';
    expect(matchLine(line, singaporean, NOW)).toMatchObject({ kind: 'work-authorization', verdict: 'met' });
    expect(matchLine(line, f1, NOW).evidence.missing).toEqual(['authorisation to work in Singapore']);
  });

  it('does not read a security clearance as the security skill', () => {
    const engineer = student([computerScience], ['Python']);
    expect(matchLine('Requires U.S. security clearance', engineer, NOW).kind).toBe('soft');
    expect(matchLine('Experience with network security', engineer, NOW).kind).toBe('skill');
  });
});

describe('who may not apply, students and recent graduates both, "undergraduate, graduate or PhD"', () => {
  const graduating = (graduation: string) => student([{ ...computerScience, graduation }]);

  it('turns a one-sided window round where the line says who is not eligible', () => {
    const spring = 'Students graduating in Spring 2027 or earlier are not eligible';
    expect(matchLine(spring, graduating('2027-05'), NOW).verdict).toBe('unmet');
    expect(matchLine(spring, graduating('2027-12'), NOW).verdict).toBe('met');
    expect(matchLine(spring, graduating('2027-05'), NOW).evidence.missing).toEqual(['graduation in or after Jul 2027']);
    const before = 'Must not have graduated before December 2026';
    expect(matchLine(before, graduated('2026-06'), NOW).verdict).toBe('unmet');
    expect(matchLine(before, graduating('2027-06'), NOW).verdict).toBe('met');
  });

  it('reads "recent graduates are not eligible" as students only', () => {
    const line = 'This internship is open to students only; recent graduates are not eligible';
    expect(matchLine(line, graduated('2026-06'), NOW).verdict).toBe('unmet');
    expect(matchLine(line, graduating('2027-06'), NOW).verdict).toBe('met');
    // Graduating this month is still a student.
    expect(matchLine(line, graduating('2026-12'), NOW).verdict).toBe('met');
  });

  it('takes students and recent graduates both, with no enrolment asked', () => {
    const line = 'Open to current students and recent graduates (graduated within the last 12 months)';
    expect(matchLine(line, graduating('2027-06'), NOW)).toMatchObject({ kind: 'graduation', verdict: 'met' });
    expect(matchLine(line, graduated('2026-06'), NOW).verdict).toBe('met');
    expect(matchLine(line, graduated('2025-06'), NOW).verdict).toBe('unmet');
  });

  it('reads "graduate" in a list after "undergraduate" as a graduate degree', () => {
    const masters = student([{ ...marketing, graduation: '2027-06' }]);
    expect(matchLine('Currently enrolled in a university program (undergraduate, graduate or PhD)', masters, NOW).verdict).toBe('met');
  });
});

describe('a graduation span said without "in the past"', () => {
  it('counts back from now', () => {
    for (const line of ['Graduated no more than 2 years ago', 'Within 2 years of graduation', 'Up to 24 months after graduation']) {
      const result = matchLine(line, graduated('2025-06'), NOW);
      expect(result, line).toMatchObject({ kind: 'graduation', verdict: 'met' });
      expect(result.evidence.matched[0]!.requirement, line).toBe('graduation between Dec 2024 and Dec 2026');
      expect(matchLine(line, graduated('2024-06'), NOW).verdict, line).toBe('unmet');
    }
    expect(matchLine('Graduated within 1 year', graduated('2025-06'), NOW).verdict).toBe('unmet');
    expect(matchLine('Graduated within a year', graduated('2026-06'), NOW).verdict).toBe('met');
  });

  it('is not read from years of experience after graduating', () => {
    expect(matchLine('Up to 24 months of experience after graduation', graduated('2024-06'), NOW).kind).toBe('experience-years');
  });
});

describe('so many of a list, and a kind before a colon', () => {
  it('meets "at least two of the following" with two, partly with one', () => {
    const line = 'Proficient in at least two of the following: Python, Java, Go, C++';
    expect(matchLine(line, student([computerScience], ['Java', 'Go']), NOW).verdict).toBe('met');
    const one = matchLine(line, student([computerScience], ['Python']), NOW);
    expect(one.verdict).toBe('partial');
    expect(one.evidence.missing).toEqual(['1 more of Java, Go or C++']);
    expect(matchLine(line, student([computerScience], ['Rust']), NOW).verdict).toBe('unmet');
  });

  it('ends the list with its clause', () => {
    const line = 'Experience with at least 2 of Python, Java, Go; and SQL';
    expect(matchLine(line, student([computerScience], ['Python', 'SQL']), NOW).verdict).toBe('partial');
    expect(matchLine(line, student([computerScience], ['Python', 'Go', 'SQL']), NOW).verdict).toBe('met');
  });

  it('reads the kind before a colon as the label of the choice after it', () => {
    const line = 'Deep learning frameworks: PyTorch or TensorFlow';
    const jax = matchLine(line, student([computerScience], ['JAX']), NOW);
    expect(jax.verdict).toBe('unmet');
    expect(jax.evidence.missing).toEqual(['PyTorch or TensorFlow']);
    expect(matchLine(line, student([computerScience], ['TensorFlow']), NOW).verdict).toBe('met');
    // An "and" list after it is still each of its items.
    expect(matchLine('Knowledge of databases: MySQL and Redis', student([computerScience], ['MySQL']), NOW).verdict).toBe('partial');
  });
});

describe('places said another way, and an office the list does not know', () => {
  const london = ProfileSchema.parse({ locations: ['London'] });
  const newYork = ProfileSchema.parse({ locations: ['New York'] });

  it('reads "based anywhere in" and "location flexible within" as where you are', () => {
    expect(matchLine('Open to candidates based anywhere in the United Kingdom', london, NOW)).toMatchObject({
      kind: 'location',
      verdict: 'met',
    });
    expect(matchLine('Location flexible within Europe', london, NOW).verdict).toBe('met');
    expect(matchLine('Location flexible within Europe', newYork, NOW).verdict).toBe('unmet');
  });

  it('takes NYC and New York City for New York', () => {
    expect(matchLine('Hybrid: 3 days per week in our NYC office', newYork, NOW).verdict).toBe('met');
    expect(matchLine('On-site in New York City', newYork, NOW).verdict).toBe('met');
  });

  it('does not put the posting’s location in place of an office it cannot place', () => {
    const result = matchLine('Hybrid: 3 days per week in our Raleigh office', london, NOW);
    expect(result.verdict).toBe('unknown');
    expect(result.evidence.notes).toEqual(['Raleigh: a place Job Lens does not know']);
  });
});

describe('experience of either kind', () => {
  it('counts every role for "full-time or internship experience", and is no availability', () => {
    const graduate = ProfileSchema.parse({
      education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2025-06' }],
      availability: [{ from: '2026-01-05', to: '2026-03-31' }],
      experience: [
        { title: 'Software Engineer Intern', organization: 'a bank', from: '2024-06', to: '2024-08', internship: true },
        { title: 'Software Engineer', organization: 'a start-up', from: '2025-07', to: null },
      ],
    });
    const line = 'At least 6 months of full-time or internship experience in software engineering';
    expect(matchLine(line, graduate, NOW)).toMatchObject({ kind: 'experience-years', verdict: 'met' });
    // Internship time alone is still the internships'.
    expect(matchLine('At least 6 months of internship experience', graduate, NOW).verdict).toBe('unmet');
  });
});

describe('a start deadline on a day or a stretch', () => {
  const may = availableFrom('2027-05-10', '2027-08-20');
  const june = availableFrom('2027-06-07', '2027-09-03');

  it('is any start from today to the day', () => {
    const line = 'Able to start on or before 1 June 2027';
    expect(matchLine(line, may, NOW)).toMatchObject({ kind: 'start-dates', verdict: 'met' });
    const late = matchLine(line, june, NOW);
    expect(late.verdict).toBe('unmet');
    expect(late.evidence.missing).toEqual(['available starting by 1 Jun 2027']);
    // Exactly on the day is still a day.
    expect(matchLine('Able to start on 1 June 2027', may, NOW).verdict).toBe('met');
    expect(matchLine('Able to start on 1 June 2027', june, NOW).verdict).toBe('unmet');
  });

  it('is any start to the end of a stretch after "no later than"', () => {
    const line = 'Availability to start no later than Q3 2027';
    // Free from March to June: a start in March is before the end of Q3.
    const spring = availableFrom('2027-03-01', '2027-06-30');
    expect(matchLine(line, spring, NOW).verdict).toBe('met');
    const autumn = availableFrom('2027-10-01', '2027-12-31');
    expect(matchLine(line, autumn, NOW).verdict).toBe('unmet');
  });
});

describe('an alternative in parentheses', () => {
  it('is an open choice, as "or similar" is', () => {
    const java = student([computerScience], ['Java']);
    const result = matchLine('Strong skills in Python (or a similar language)', java, NOW);
    expect(result.verdict).toBe('unknown');
    expect(result.evidence.notes).toContain('Python is one choice; the others the line offers cannot be checked');
    expect(matchLine('Strong skills in Python or similar', java, NOW).verdict).toBe('unknown');
    // A named alternative in parentheses is checked.
    expect(matchLine('Experience with Docker (or Podman)', java, NOW).verdict).toBe('unmet');
  });
});

describe('years in a named role', () => {
  const graduate = ProfileSchema.parse({
    education: [{ level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2026-06' }],
    availability: [{ from: '2026-09-01', to: '2027-12-31' }],
    experience: [
      { title: 'Data Engineer Intern', organization: 'a retailer', from: '2025-05', to: '2025-11', internship: true },
      { title: 'Software Engineer', organization: 'a start-up', from: '2026-08', to: null },
    ],
  });

  it('counts the roles whose titles name it, the field by its stem', () => {
    const six = matchLine('At least 6 months in a data engineering role', graduate, NOW);
    expect(six).toMatchObject({ kind: 'experience-years', verdict: 'met' });
    expect(six.evidence.matched[0]).toEqual({
      requirement: 'at least 6 months in a data engineering role',
      profile: '7 months in a data engineering role in your profile',
    });
    expect(matchLine('Minimum of 2 years in a data engineering role', graduate, NOW).verdict).toBe('unmet');
    expect(matchLine('Experience in a product management role', graduate, NOW).evidence.notes).toEqual([
      "none of your roles' titles says product management",
    ]);
  });

  it('leaves a kind of role to the years of all work', () => {
    expect(matchLine('One or more years of experience in a customer-facing role', graduate, NOW).verdict).toBe('met');
  });
});
