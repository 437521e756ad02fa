/** Résumé text as lines, each with the section its heading ("Education", "Publications" …) put it in. */

export const BULLET = /^(?:[-–—•●◦▪■*·>]+|\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s*/;

type Section = 'education' | 'publications' | 'languages' | 'availability' | 'experience' | 'other' | null;

const SECTION_HEADINGS: [RegExp, Section][] = [
  [/^(?:education(?:al background)?|academic (?:background|history|qualifications)|degrees?)$/i, 'education'],
  [
    /^(?:(?:selected |peer[- ]reviewed |research )?(?:publications?|papers)(?:\s*(?:&|and)\s*(?:preprints|patents|presentations|talks))?|preprints)$/i,
    'publications',
  ],
  [/^(?:languages?|language skills|spoken languages)$/i, 'languages'],
  [/^(?:(?:work |professional |industry |relevant )?experiences?|employment(?: history)?|internships?|work history)$/i, 'experience'],
  [/^(?:availability|available|internship availability|availability for internships?)$/i, 'availability'],
  [
    /^(?:research experiences?|(?:technical |core |key )?skills(?:\s*(?:&|and)\s*\w+)?|(?:academic |selected |personal |research )?projects|awards?(?:\s*(?:&|and)\s*honou?rs)?|honou?rs(?:\s*(?:&|and)\s*awards)?|achievements|certifications?|activities|leadership|volunteering|interests|summary|profile|objective|contact|references|teaching(?: experience)?|service)$/i,
    'other',
  ],
];

function headingOf(line: string): Section {
  const text = line.replace(/[:：]\s*$/, '').trim();
  if (text.length === 0 || text.length > 48) return null;
  for (const [pattern, section] of SECTION_HEADINGS) if (pattern.test(text)) return section;
  return null;
}

export interface Line {
  text: string;
  section: Section;
  isHeading: boolean;
}

export function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let section: Section = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const textOfLine = raw
      .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
      .replace(/\*\*/g, '')
      .trim();
    if (!textOfLine) continue;
    const heading = headingOf(textOfLine);
    if (heading) section = heading;
    lines.push({ text: textOfLine, section, isHeading: heading !== null });
  }
  return lines;
}
