import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findCards, jobIdOfLink, MAX_CARDS, titleElement, titleOf } from '../../../../lib/marks/cards';

const RESULTS = readFileSync(join(import.meta.dirname, '../../../fixtures/tiktok-search-results.html'), 'utf8');
const LIST = readFileSync(join(import.meta.dirname, '../../../fixtures/tiktok-search-list.html'), 'utf8');
const BASE = new URL('https://www.lifeattiktok.com/search?keyword=intern&limit=12&offset=0');
const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('which links are job cards', () => {
  it('finds the twelve server-rendered cards of the search results, in order, and not the header links', () => {
    const cards = findCards(doc(RESULTS), BASE);
    expect(cards.size).toBe(12);
    expect([...cards.keys()][0]).toBe('7400000000000000001');
    for (const [id, a] of cards) expect(a.getAttribute('href')).toBe(`/search/${id}`);
  });

  it('finds the cards of the other list page too (the same rule, not the same markup)', () => {
    const cards = findCards(doc(LIST), new URL('https://lifeattiktok.com/search?keyword=engineer'));
    expect(cards.size).toBe(12);
  });

  it('reads job links of both boards, old and new, with tracking queries, and nothing else', () => {
    expect(jobIdOfLink('/search/7540219387564830981?spread=5MWH5CQ', BASE)).toBe('7540219387564830981');
    expect(jobIdOfLink('https://careers.tiktok.com/position/7540219387564830981/detail', BASE)).toBe('7540219387564830981');
    expect(jobIdOfLink('https://jobs.bytedance.com/en/position/7412345678901234567/detail', BASE)).toBe('7412345678901234567');
    expect(jobIdOfLink('https://careers.tiktok.com/position/7540219387564830981', BASE)).toBeNull();
    expect(jobIdOfLink('/search?keyword=intern', BASE)).toBeNull();
    expect(jobIdOfLink('https://example.com/search/7540219387564830981', BASE)).toBeNull();
    expect(jobIdOfLink('http://[bad', BASE)).toBeNull();
    expect(jobIdOfLink(null, BASE)).toBeNull();
  });

  it("marks one link per job (a title link and a button link to the same job), and never the page's own job", () => {
    const d = doc(`<main><a href="/search/7400000000000000001"><h3>A</h3></a><a href="/search/7400000000000000001">Apply</a>
      <a href="/search/7400000000000000002"><h3>B</h3></a><a href="/search/7400000000000000003">C</a></main>`);
    const cards = findCards(d, BASE, '7400000000000000003');
    expect([...cards.keys()]).toEqual(['7400000000000000001', '7400000000000000002']);
    expect(cards.get('7400000000000000001')!.textContent).toBe('A');
  });

  it('stops at a bounded number of cards', () => {
    const links = Array.from({ length: MAX_CARDS + 50 }, (_, i) => `<a href="/search/${7100000000000000000 + i * 1000}">j</a>`);
    expect(findCards(doc(`<main>${links.join('')}</main>`), BASE).size).toBe(MAX_CARDS);
  });

  it('puts the mark in the card title: a heading, else the element of its first text, never an icon', () => {
    const d = doc(
      '<a id="h" href="/search/1"><span>Tag</span><h3>T</h3></a>' +
        '<a id="d" href="/search/2"><div>Title</div><div>Place</div></a>' +
        // An icon before the title: an <img> shows no children and HTML inside an <svg> is not drawn.
        '<a id="i" href="/search/3"><img src="logo.png" alt=""><div class="t">With an image first</div><div>Place</div></a>' +
        '<a id="s" href="/search/4"><svg viewBox="0 0 8 8"><title>Open</title><path d="M0 0h8v8z"/></svg> <p class="t">With an icon first</p></a>' +
        // One wrapper holding title, place and summary: the title, not the end of the card.
        '<a id="w" href="/search/5"><div class="item">\n  <div class="row"><span class="t">Wrapped title</span><span>New</span></div><div>Singapore</div></div></a>' +
        '<a id="b" href="/search/6">Bare link text</a><a id="e" href="/search/7"><img src="x.png" alt="Empty"></a>',
    );
    expect(titleOf(d.getElementById('h')!).localName).toBe('h3');
    expect(titleOf(d.getElementById('d')!).textContent).toBe('Title');
    for (const id of ['i', 's', 'w']) expect(titleOf(d.getElementById(id)!).className, id).toBe('t');
    expect(titleOf(d.getElementById('b')!).id).toBe('b');
    expect(titleOf(d.getElementById('e')!).id).toBe('e');
  });

  it('finds the job page title as a heading or as the innermost element with its text', () => {
    const title = 'Data Engineer Intern (Payments) - 2026 Start (BS/MS)';
    const h1 = doc(`<html><head><title>${title}</title></head><body><div>Data</div><h1>${title}</h1></body></html>`);
    expect(titleElement(h1, title)?.localName).toBe('h1');
    const div = doc(
      `<html><head><title>${title}</title></head><body><div class="x"><div class="t">Data  Engineer Intern (Payments) -\n 2026 Start (BS/MS)</div></div></body></html>`,
    );
    expect(titleElement(div, title)?.className).toBe('t');
    expect(titleElement(div, 'Another job')).toBeNull();
  });
});
