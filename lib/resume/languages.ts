import { languageIn } from '../match/languages';
import { BULLET, type Line } from './lines';

/** Languages: the entries of a Languages section or of a "Languages:" line. */

export interface ProposedLanguage {
  /** As written, with its level: "Mandarin (fluent)", "Malay - conversational". */
  entry: string;
  source: string;
}

const LANGUAGES_LABEL = /^(?:languages?|spoken languages|language skills)\s*[:：–—-]\s*/i;
const LIST_SPLIT = /\s*(?:[,;|•·]|\s\/\s|\band\b)\s*/;

export function proposeLanguages(lines: Line[]): ProposedLanguage[] {
  const out: ProposedLanguage[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.isHeading) continue;
    const labelled = LANGUAGES_LABEL.exec(line.text);
    if (line.section !== 'languages' && !labelled) continue;
    const list = labelled ? line.text.slice(labelled[0].length) : line.text.replace(BULLET, '');
    for (const piece of list.split(LIST_SPLIT)) {
      const entry = piece.trim().replace(/[.]$/, '');
      const name = entry.length <= 100 ? languageIn(entry) : null;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      out.push({ entry, source: line.text });
    }
  }
  return out;
}
