import { describe, expect, it } from 'vitest';
import data from '../../../../lib/skills/skills.json';
import { SkillListSchema } from '../../../../lib/skills/schema';
import { buildSkillIndex, canonicalSkill, findSkills, suggestSkills } from '../../../../lib/skills/lookup';

const names = (text: string) => findSkills(text).map((m) => (m.target.kind === 'skill' ? m.target.name : `[${m.target.id}]`));

describe('skills.json', () => {
  it('passes its schema', () => {
    const parsed = SkillListSchema.safeParse(data);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it("holds at least 300 skills across the postings' fields", () => {
    const list = SkillListSchema.parse(data);
    expect(list.skills.length).toBeGreaterThanOrEqual(300);
    const inGroup = (g: string) => list.skills.filter((s) => s.groups.includes(g)).length;
    for (const g of [
      'deep-learning-framework',
      'big-data',
      'stream-processing',
      'nosql',
      'cloud-platform',
      'network-protocol',
      'mobile',
      'frontend-framework',
      'security',
      'bi-tool',
    ]) {
      expect(inGroup(g), g).toBeGreaterThan(0);
    }
  });

  it('never gives one spelling to two skills', () => {
    const list = SkillListSchema.parse(data);
    const seen = new Map<string, string>();
    for (const s of list.skills) {
      for (const form of [s.name, ...s.aliases]) {
        const key = (s.caseSensitive ?? []).includes(form) ? form : form.toLowerCase();
        expect(seen.get(key) ?? s.name, form).toBe(s.name);
        seen.set(key, s.name);
      }
    }
  });

  it('refuses a skill pointing at an unknown group', () => {
    const broken = { version: 1, groups: {}, skills: [{ name: 'X', aliases: [], groups: ['nope'] }] };
    expect(SkillListSchema.safeParse(broken).success).toBe(false);
  });
});

describe('findSkills: word boundaries and context', () => {
  it.each([
    ['Go the language, not the verb', 'Proficient in Go, Python or Java', ['Go', 'Python', 'Java']],
    ['lowercase go is a verb', 'ready to go the extra mile', []],
    ['Go at a sentence start followed by a word', 'Go above and beyond for users', []],
    ['go-getter', 'A go-getter and a Go-getter', []],
    ['Golang in any case', 'golang microservices', ['Go', 'Microservices']],
    ['R, not R&D', 'R&D experience; R & D teams', []],
    ['"&" between two names', 'Experience with Hadoop&Spark, not AT&T', ['Hadoop', 'Spark']],
    ['R as a language', 'Python or R for statistics', ['Python', 'R', '[statistics]']],
    ['C, not C++', 'C++ and C#', ['C++', 'C#']],
    ['C/C++ is C and C++', 'Familiar with C/C++/ Python development', ['C', 'C++', 'Python']],
    ['"C ++" as written in a seed', 'Familiar with Java, C ++ and other programming languages.', ['Java', 'C++', '[programming-language]']],
    ['Grade C is not C', 'graduated with Grade C', []],
    ['Java, not JavaScript', 'JavaScript and TypeScript', ['JavaScript', 'TypeScript']],
    ['Java alone', 'Java, Scala', ['Java', 'Scala']],
    ['Spark, not sparked', 'This sparked our interest in sparks', []],
    ['Spark as a word', 'Hadoop/Spark jobs', ['Hadoop', 'Spark']],
    ['spark the verb after "to"', 'The ability to spark creativity and to excel in a team', []],
    ['Spark after "to" with its capital', 'Migrated the jobs from Hive to Spark', ['Hive', 'Spark']],
    ['Excel the verb', 'Excel in a fast-paced team', []],
    ['Excel the tool', 'Advanced skills in Excel and SQL', ['Excel', 'SQL']],
    ['Spring the season is not Spring Boot', 'Spring 2026 internship', []],
    ['React the verb', 'React quickly to incidents', []],
    [
      'e.g. glued to a name',
      'big data, e.g.Hadoop, Hive,Flink, FlinkSQL,Spark',
      ['[big-data]', 'Hadoop', 'Hive', 'Flink', 'FlinkSQL', 'Spark'],
    ],
    ['names with dots', 'Node.js, Vue.js, ASP.NET, .NET Core', ['Node.js', 'Vue', 'ASP.NET', 'ASP.NET']],
    ['Ali Cloud is Alibaba Cloud', 'Ali Cloud or Aliyun', ['Alibaba Cloud', 'Alibaba Cloud']],
    [
      'group: deep learning frameworks',
      'deep learning frameworks such as PyTorch, TensorFlow, JAX, PaddlePaddle',
      ['[deep-learning-framework]', 'PyTorch', 'TensorFlow', 'JAX', 'PaddlePaddle'],
    ],
    ['head noun shared across a slash', 'large-scale recommend/advertising systems', ['[recommendation]', '[advertising]']],
    ['hyphenated suffix', 'Python-based tooling', ['Python']],
    ['plural of an alias', 'LLMs and CNNs', ['[llm]', 'CNN']],
  ])('%s', (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('quotes the words as written', () => {
    const [m] = findSkills('Familiar with C ++');
    expect(m).toMatchObject({ text: 'C ++', target: { kind: 'skill', name: 'C++' } });
  });
});

describe('profile entries and suggestions', () => {
  it('resolves what a user types to canonical skills, ignoring case', () => {
    expect(canonicalSkill('golang')).toEqual({ kind: 'skill', name: 'Go' });
    expect(canonicalSkill('go')).toEqual({ kind: 'skill', name: 'Go' });
    expect(canonicalSkill('r')).toEqual({ kind: 'skill', name: 'R' });
    expect(canonicalSkill('k8s')).toEqual({ kind: 'skill', name: 'Kubernetes' });
    expect(canonicalSkill('Machine Learning')).toMatchObject({ kind: 'group', id: 'machine-learning' });
    expect(canonicalSkill('Underwater basket weaving')).toBeNull();
  });

  it('suggests names that start with, then contain, the typed text', () => {
    const found = suggestSkills('py', 10);
    expect(found.slice(0, 3)).toEqual(expect.arrayContaining(['Python', 'PyTorch', 'PySpark']));
    const firstInner = found.findIndex((n) => !n.toLowerCase().startsWith('py'));
    expect(firstInner).toBeGreaterThan(0);
    expect(found.slice(firstInner).every((n) => n.toLowerCase().includes('py') && !n.toLowerCase().startsWith('py'))).toBe(true);
    expect(found).toContain('NumPy');
    expect(suggestSkills('py', 2)).toHaveLength(2);
    expect(suggestSkills('', 5)).toEqual([]);
  });

  it('builds an index from any valid list (the bundled one is not special)', () => {
    const index = buildSkillIndex({
      version: 9,
      groups: { g: { label: 'gizmo', phrases: ['gizmo kit'] } },
      skills: [{ name: 'Widget', aliases: ['wdg'], groups: ['g'] }],
    });
    expect(findSkills('a wdg and gizmo kits', index).map((m) => m.text)).toEqual(['wdg', 'gizmo kits']);
  });
});
