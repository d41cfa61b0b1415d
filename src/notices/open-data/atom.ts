// The notice board as an Atom 1.0 feed (RFC 4287): one entry per document on the board now, in
// the organisation's own language (a feed is the same for every reader, so it caches). Pure.
import { localize, translator, type Lang } from '../../i18n/i18n.ts';
import type { OpenData } from '../public/service.ts';
import { boardUrls } from './ofn.ts';

// XML 1.0 allows no C0 controls but tab, LF and CR; a pasted text may carry one.
// eslint-disable-next-line no-control-regex -- matching the controls is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for XML content or attributes. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The summary: the text's start, cut at a word, so a reader sees what the document is about. */
export function summaryOf(body: string, max = 300): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** When the board last changed: a document went up or was corrected, or one came down. */
export function boardChangedAt(data: OpenData): Date {
  return data.changedAt;
}

/** The Atom document of the board. */
export function atomFeed(data: OpenData, publicUrl: URL): string {
  const org = data.organisation;
  const lang: Lang = org.defaultLanguage;
  const t = translator(lang);
  const urls = boardUrls(publicUrl, org.slug);
  const name = localize(org.name, lang, org.defaultLanguage);
  const entries = data.entries.map((e) => {
    const v = e.latest;
    const summary = summaryOf(data.bodies.get(e.id) ?? '');
    const category = translator(v.language)(`notices.category.${v.category}`);
    return `<entry xml:lang="${v.language}">
<id>${xmlText(urls.notice(e.number))}</id>
<title>${xmlText(v.title)}</title>
<updated>${v.from.toISOString()}</updated>
<published>${e.shown[0]!.from.toISOString()}</published>
<link rel="alternate" type="text/html" href="${xmlText(urls.notice(e.number))}"/>
<category term="${v.category}" label="${xmlText(category)}"/>
${summary ? `<summary>${xmlText(summary)}</summary>` : ''}
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<id>${xmlText(urls.page)}</id>
<title>${xmlText(t('notices.feed.title', { organisation: name }))}</title>
<updated>${boardChangedAt(data).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${xmlText(urls.atom)}"/>
<link rel="alternate" type="text/html" href="${xmlText(urls.page)}"/>
<author><name>${xmlText(name)}</name><uri>${xmlText(urls.page)}</uri></author>
${entries.join('\n')}
</feed>
`;
}
