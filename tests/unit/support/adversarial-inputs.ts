/**
 * Strings built to make a super-linear pattern show itself: long runs of what quantifiers repeat
 * (spaces, dots, commas, dashes, digits, "@", letters), the same runs after a word a pattern keys on
 * (a heading, a label, "Start Dates"), and tag soup. Each is about 64k characters.
 */
const ADVERSARIAL_LENGTH = 65_536;

const run = (unit: string, length = ADVERSARIAL_LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export function adversarialStrings(): Record<string, string> {
  const spaces = run(' ');
  return {
    spaces,
    'spaces then a letter': `${spaces}x`,
    'no-break spaces and spaces': run('\u00a0 '),
    'tabs and newlines': run('\t\n '),
    dots: run('.'),
    commas: run(','),
    'dots, semicolons and commas then a letter': `${run('.;,')}x`,
    dashes: run('-'),
    'dash space': run('- '),
    'dashes then a capital': `${run('-')} A`,
    digits: run('1'),
    'numbered markers': run('1. '),
    years: run('2026 '),
    '@': run('@'),
    letters: run('a'),
    'a.a.a.': run('a.'),
    'a@a@': run('a@'),
    'a.a@': run('a.a@'),
    'word-hyphen': run('a-'),
    'open parentheses': run('('),
    '(a(a': run('(a'),
    '(BS/BS/': `(${run('BS/')}`,
    '<b> tags': run('<b>'),
    'nested tags': run('<div><span>'),
    'heading then spaces': `Responsibilities${spaces}x`,
    'sentence, spaces, sub-heading': `x.${spaces}Key Responsibilities`,
    'sub-heading, spaces, bullet': `Minimum qualifications:${spaces}- A`,
    'repeated sub-headings': run('Preferred Qualifications '),
    'label then spaces': `Location:${spaces};`,
    'list separators': `${run(', ')}a`,
    'Start Dates then separators': `Start Dates: ${run(',;')}`,
    'Start Dates then spaces': `Start Dates${spaces}:`,
    'window without a close': `From May to June (${run('a')}`,
    commitments: `at least ${run('3 ')}months`,
    'days per week': run('3 days per week '),
    'limit sentence': run('apply to a maximum of 2 '),
    'boilerplate starts': run('By submitting '),
    'title suffix after spaces': `Intern${spaces}x- TikTok`,
  };
}
