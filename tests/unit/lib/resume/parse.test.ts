import { describe, expect, it } from 'vitest';
import { MAX_RESUME_CHARS, parseResume, ResumeTooLongError } from '../../../../lib/resume/parse';

// Hand-written résumés in the shapes text takes when copied out of a PDF or a Word file: columns
// collapsed into runs of spaces or tabs, headings in capitals or with colons, bullets of every kind.
const NOW = new Date('2025-11-15T09:00:00Z');

const PHD_RESUME = `JANE DOE
jane.doe@example.com | +1 650 555 0100 | San Jose, CA

EDUCATION
Stanford University                                   Stanford, CA
Ph.D. in Computer Science                             Sep 2022 – Jun 2027 (expected)
Tsinghua University, Beijing
B.S. in Mathematics and Physics, 2018 – 2022. GPA 3.9/4.0
Exchange term: Harvard University, Cambridge, MA 02138

EXPERIENCE
Research Intern, ByteDance AI Lab — May 2024 – Aug 2024
- Built a recommendation model in PyTorch and JAX; served with C++ and CUDA on Kubernetes.
- Mentored two MS students; worked with PhD researchers on R&D for the Go-to-market team.

SKILLS
Languages: Python, C/C++, golang, SQL. Tools: Spark, Hadoop, Docker, Git.

PUBLICATIONS
[1] Jane Doe, John Smith, Wei Zhang. "Scaling Sparse Mixtures for Recommendation." NeurIPS 2024.
[2] J. Smith, J. Doe. Graph Learning at Scale. In Proceedings of the 29th ACM SIGKDD Conference
    (KDD '23), 2023.
[3] Doe, J., Lee, K. Efficient LLM Serving with Paged Caches. ICML 2025.
`;

const MASTERS_RESUME = `Wei Ming Tan
Singapore · tan.wm@example.sg

Education:
National University of Singapore\tAug 2024 – Dec 2026
MSc Data Science
Nanyang Technological University — BEng (Computer Engineering), 2020–2024

Work Experience:
Data Analyst Intern, Shopee (Jul 2023 – Dec 2023)
• Automated reporting in Excel and Tableau; wrote Hive and Spark SQL queries; A/B testing.
• Go above and beyond for stakeholders. Used R and scikit-learn for churn models.
`;

describe('parseResume: degrees', () => {
  it('reads level, field, status and graduation from an education section, dates from the same line or a neighbour', () => {
    expect(parseResume(PHD_RESUME, NOW).degrees.map(({ source: _, ...degree }) => degree)).toEqual([
      { level: 'PhD', field: 'Computer Science', status: 'pursuing', graduation: '2027-06' },
      // Only a year is given: the month is left for the user, not invented.
      { level: 'Bachelor', field: 'Mathematics and Physics', status: 'completed', graduation: '2022' },
    ]);
    expect(parseResume(MASTERS_RESUME, NOW).degrees.map(({ source: _, ...degree }) => degree)).toEqual([
      { level: 'Master', field: 'Data Science', status: 'pursuing', graduation: '2026-12' },
      { level: 'Bachelor', field: 'Computer Engineering', status: 'completed', graduation: '2024' },
    ]);
  });

  it('quotes the lines a degree came from, including the neighbour that held its dates', () => {
    const [msc] = parseResume(MASTERS_RESUME, NOW).degrees;
    expect(msc!.source).toBe('MSc Data Science · National University of Singapore\tAug 2024 – Dec 2026');
  });

  it('does not take a state ("Cambridge, MA"), other people\'s degrees or software for the candidate\'s degree', () => {
    const levels = parseResume(PHD_RESUME, NOW).degrees.map((d) => d.level);
    expect(levels).toEqual(['PhD', 'Bachelor']);
    const noHeadings = `Alex Kim
BS Computer Science, University of Texas at Austin, Spring 2027
Worked at a startup in Austin, TX. MS Office, Java, JavaScript, React.
PhD researchers collaborated with me.
Bachelor of Engineering, 2019`;
    expect(parseResume(noHeadings, NOW).degrees.map(({ source: _, ...d }) => d)).toEqual([
      { level: 'Bachelor', field: 'Computer Science', status: 'pursuing', graduation: '2027-05' },
      { level: 'Bachelor', field: 'Engineering', status: 'completed', graduation: '2019' },
    ]);
  });

  it('splits shared and separate degrees on one line', () => {
    const text = `Education
B.S./M.S. in Computer Science, Carnegie Mellon University, May 2024
BS Physics 2020, MS Statistics 2022`;
    expect(parseResume(text, NOW).degrees.map(({ source: _, ...d }) => d)).toEqual([
      { level: 'Bachelor', field: 'Computer Science', status: 'completed', graduation: '2024-05' },
      { level: 'Master', field: 'Computer Science', status: 'completed', graduation: '2024-05' },
      { level: 'Bachelor', field: 'Physics', status: 'completed', graduation: '2020' },
      { level: 'Master', field: 'Statistics', status: 'completed', graduation: '2022' },
    ]);
  });

  it('decides pursuing from the words and from the date compared with now', () => {
    const text = (line: string) => `Education\n${line}`;
    const one = (line: string, now = NOW) => parseResume(text(line), now).degrees[0];
    expect(one('Master of Computing (Artificial Intelligence), Feb 2025 – Present')).toMatchObject({
      level: 'Master',
      field: 'Computing',
      status: 'pursuing',
      graduation: '',
    });
    expect(one("Master's degree in Statistics — expected May 2026")).toMatchObject({ status: 'pursuing', graduation: '2026-05' });
    expect(one('Doctor of Philosophy, Machine Learning, 09/2019 - 06/2024')).toMatchObject({
      level: 'PhD',
      field: 'Machine Learning',
      status: 'completed',
      graduation: '2024-06',
    });
    expect(one('M.S. in Statistics, Jun 2025', new Date('2025-01-10T00:00:00Z'))).toMatchObject({ status: 'pursuing' });
    expect(one('M.S. in Statistics, Jun 2025', new Date('2025-07-10T00:00:00Z'))).toMatchObject({ status: 'completed' });
    expect(one('BSc Economics, Fall 2026')).toMatchObject({
      level: 'Bachelor',
      field: 'Economics',
      graduation: '2026-12',
      status: 'pursuing',
    });
  });
});

describe('parseResume: skills', () => {
  it('proposes canonical skills in the order they appear, with the words as written', () => {
    const skills = parseResume(PHD_RESUME, NOW).skills;
    expect(skills.map((s) => s.name)).toEqual([
      'PyTorch',
      'JAX',
      'C++',
      'CUDA',
      'Kubernetes',
      'Python',
      'C',
      'Go',
      'SQL',
      'Spark',
      'Hadoop',
      'Docker',
      'Git',
    ]);
    expect(skills.find((s) => s.name === 'Go')!.source).toBe('golang');
  });

  it('keeps the word-boundary traps out: R&D, go-to-market, "Go above", Java in JavaScript', () => {
    const text = 'Led R&D on a go-to-market plan. Go above and beyond. Built JavaScript apps. Sparked interest.';
    expect(parseResume(text, NOW).skills.map((s) => s.name)).toEqual(['JavaScript']);
    expect(parseResume(MASTERS_RESUME, NOW).skills.map((s) => s.name)).toEqual([
      'Excel',
      'Tableau',
      'Hive',
      'Spark SQL',
      'A/B testing',
      'R',
      'scikit-learn',
    ]);
  });

  it('does not read skills out of paper titles', () => {
    const names = parseResume(PHD_RESUME, NOW).skills.map((s) => s.name);
    expect(names).not.toContain('LLM');
    expect(names).not.toContain('GNN');
  });
});

describe('parseResume: publications', () => {
  it('reads venue, year and first authorship against the name on the first line', () => {
    const parsed = parseResume(PHD_RESUME, NOW);
    expect(parsed.name).toBe('Jane Doe');
    expect(parsed.publications.map(({ source: _, ...p }) => p)).toEqual([
      { venue: 'NeurIPS', year: 2024, firstAuthor: true },
      { venue: 'KDD', year: 2023, firstAuthor: false },
      { venue: 'ICML', year: 2025, firstAuthor: true },
    ]);
    // A numbered entry that wraps onto the next line is one entry.
    expect(parsed.publications[1]!.source).toContain("(KDD '23), 2023.");
  });

  it('without a name, only an explicit "first author" counts; entries without a venue are left out', () => {
    const text = `Selected Publications
- Priya Nair and Sam Ortiz. Robust speech models. Interspeech 2023.
- S. Ortiz (first author), P. Nair. Fast retrieval. arXiv preprint, 2024.
- Some workshop paper without a venue we can read`;
    const parsed = parseResume(text, NOW);
    expect(parsed.name).toBeNull();
    expect(parsed.publications.map(({ source: _, ...p }) => p)).toEqual([
      { venue: 'Interspeech', year: 2023, firstAuthor: false },
      { venue: 'arXiv', year: 2024, firstAuthor: true },
    ]);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(parseResume('', NOW)).toEqual({
      name: null,
      degrees: [],
      skills: [],
      publications: [],
      languages: [],
      locations: [],
      availability: [],
      experience: [],
    });
    expect(parseResume('Dear hiring manager, I am excited to apply.', NOW).degrees).toEqual([]);
  });
});

// A student's résumé with the parts a profile also needs: where they can work, languages with
// levels, and when they are free (as candidates are asked to state it).
const STUDENT_RESUME = `Wei Ling Tan
Singapore | weiling.tan@example.com | +65 9123 4567
Location: Singapore (open to relocating to Sydney or London)

EDUCATION
National University of Singapore
Bachelor of Computing in Computer Science, expected 2027
Master's degree, expected May 2029

EXPERIENCE
Software Engineer Intern, a payments start-up, Singapore — May 2025 – Aug 2025
Teaching Assistant, School of Computing
Jan 2024 – present
- Ran tutorials for 40 students, from Jan 2024 to May 2024
Research Assistant at a robotics lab | 2023 – 2024

SKILLS
Python, Go, SQL

LANGUAGES
English (native), Mandarin (fluent), Malay - conversational

AVAILABILITY
Available for a summer internship from 11 May 2026 to 28 August 2026
`;

describe('parseResume: languages, locations, availability', () => {
  const parsed = parseResume(STUDENT_RESUME, NOW);

  it('proposes each language with its level as written, from a Languages section or a "Languages:" line', () => {
    expect(parsed.languages.map((l) => l.entry)).toEqual(['English (native)', 'Mandarin (fluent)', 'Malay - conversational']);
    expect(parseResume('Skills: Python\nLanguages: Japanese (JLPT N2); Korean', NOW).languages.map((l) => l.entry)).toEqual([
      'Japanese (JLPT N2)',
      'Korean',
    ]);
  });

  it('proposes where the candidate can work, not where a past employer was', () => {
    expect(parsed.locations.map((l) => l.name)).toEqual(['Singapore', 'Sydney', 'London']);
    expect(parseResume('Alex Kim\nEXPERIENCE\nIntern, Acme, Berlin — 2024', NOW).locations).toEqual([]);
  });

  it('proposes availability periods with both ends, days as given and months as whole months', () => {
    expect(parsed.availability.map(({ from, to }) => ({ from, to }))).toEqual([{ from: '2026-05-11', to: '2026-08-28' }]);
    expect(parseResume('Availability: June 2026 – September 2026', NOW).availability.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: '2026-06-01', to: '2026-09-30' },
    ]);
    // One end only is not a period: nothing is proposed rather than an end invented.
    expect(parseResume('Available from June 2026', NOW).availability).toEqual([]);
  });

  it('accepts a graduation given as a year, and leaves a field it cannot read empty', () => {
    expect(parsed.degrees.map(({ level, field, status, graduation }) => ({ level, field, status, graduation }))).toEqual([
      { level: 'Bachelor', field: 'Computer Science', status: 'pursuing', graduation: '2027' },
      { level: 'Master', field: '', status: 'pursuing', graduation: '2029-05' },
    ]);
  });
});

describe('parseResume: experience', () => {
  it('proposes roles with their months, an open end while it goes on, internships marked, and leaves a month it is not given empty', () => {
    expect(parseResume(STUDENT_RESUME, NOW).experience.map(({ source: _source, ...x }) => x)).toEqual([
      { title: 'Software Engineer Intern', organization: 'a payments start-up', from: '2025-05', to: '2025-08', internship: true },
      { title: 'Teaching Assistant', organization: 'School of Computing', from: '2024-01', to: null, internship: false },
      { title: 'Research Assistant', organization: 'a robotics lab', from: '', to: '', internship: false },
    ]);
  });

  it('reads no roles outside an Experience section', () => {
    expect(parseResume('PROJECTS\nChess engine, personal project — May 2025 – Aug 2025', NOW).experience).toEqual([]);
  });
});

describe('parseResume: bounded time', () => {
  it('refuses text over the limit with a message for the user, and reads text at the limit', () => {
    expect(() => parseResume('a'.repeat(MAX_RESUME_CHARS + 1), NOW)).toThrow(ResumeTooLongError);
    expect(() => parseResume('a'.repeat(MAX_RESUME_CHARS + 1), NOW)).toThrow(/characters long; Job Lens reads up to 100,000/);
    expect(parseResume(`${STUDENT_RESUME}\n${' '.repeat(MAX_RESUME_CHARS - STUDENT_RESUME.length - 1)}`, NOW).languages).toHaveLength(3);
  });
});

describe('parseResume: employers', () => {
  it('does not propose an employer as a skill, though a bullet under the role can name it as one', () => {
    const text = `Work Experience:
Product Designer Intern, Canva (Jun 2024 – Aug 2024)
• Kept customer records in Salesforce; drew mock-ups in Figma
Marketing Intern — Shopee, Jan 2024 – May 2024
`;
    const parsed = parseResume(text, NOW);
    expect(parsed.experience.map((r) => r.organization)).toEqual(['Canva', 'Shopee']);
    expect(parsed.skills.map((s) => s.name)).toEqual(['Salesforce', 'Figma']);
  });
});
