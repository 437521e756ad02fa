import { describe, expect, it } from 'vitest';
import { readLines } from '../../../lib/extract/lines';
import { parseDocument } from '../../../lib/extract/node';

const read = (body: string) => readLines(parseDocument(body).body);
const texts = (body: string) => read(body).map((l) => l.text);

// What the line reader must keep doing whatever its walk looks like inside.
describe('readLines', () => {
  it('skips elements hidden by attribute or inline style, in any letter case, and keeps other styles', () => {
    const body = `<p>one</p><p hidden>two</p><p style="Display : NONE">three</p><p style="visibility:hidden">four</p>
      <p style="color: red">five</p><p style="display:block">six</p><div style="display:none"><p>seven</p></div>`;
    expect(texts(body)).toEqual(['one', 'five', 'six']);
  });

  it('skips scripts, styles, svg and form controls', () => {
    expect(texts('<p>a<script>x()</script>b</p><svg><text>s</text></svg><style>p{}</style><textarea>t</textarea><p>c</p>')).toEqual([
      'ab',
      'c',
    ]);
  });

  it('joins inline elements on one line, one segment each, and breaks at blocks, custom elements and <br>', () => {
    const lines = read('<div><span>Location</span><span>:</span><span>San Jose</span></div><job-row>x</job-row><p>a<br>b</p>');
    expect(lines.map((l) => l.text)).toEqual(['Location: San Jose', 'x', 'a', 'b']);
    expect(lines[0]!.segments).toEqual(['Location', ':', 'San Jose']);
  });

  it('keeps entity-split text of one element as one segment', () => {
    const lines = read('<p><b>R&amp;D</b> <i>Team</i></p>');
    expect(lines.map((l) => [l.text, l.segments])).toEqual([['R&D Team', ['R&D', 'Team']]]);
  });

  it('normalises white space and cuts line-broken text into soft lines, the first piece included', () => {
    const lines = read('<div>First\u00a0 line\n\n  Second\tline  \n</div><p>next</p>');
    expect(lines.map((l) => [l.text, l.soft])).toEqual([
      ['First line', true],
      ['Second line', true],
      ['next', false],
    ]);
  });

  it('marks list items, nested content included', () => {
    const lines = read('<ul><li>one <b>bold</b></li><li><p>two</p></li></ul><p>after</p>');
    expect(lines.map((l) => [l.text, l.listItem])).toEqual([
      ['one bold', true],
      ['two', true],
      ['after', false],
    ]);
  });
});
