// The citizens' pages of departments and contacts: the directory (a tree, with its search) and one
// department. No JavaScript: the search is a GET form, so a result has its own address.
import type { Page, PageContext } from '../../../http/page.ts';
import type { Lang } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import type { Organisation, Service } from '../../../tenants/domain.ts';
import type { Department, Person, TreeEntry } from '../domain.ts';
import type { PublicPerson, SituationLink } from '../reader.ts';
import { contactDetails, inLang, langAttr, shown } from './parts.ts';

type Ctx = PageContext;

function orgName(ctx: Ctx, org: Organisation): string {
  return shown(org.name, ctx.lang, org.defaultLanguage).value;
}

/** A person as a card: name, role, contact details, and booking with them where they take it. */
function personCard(
  ctx: Ctx,
  org: Organisation,
  p: Person & { bookable?: Service[] },
  department?: Department,
): Html {
  const fb = org.defaultLanguage;
  return html`<li class="card person"><h3>${p.fullName}</h3>
  ${shown(p.role, ctx.lang, fb).value ? html`<p>${inLang(ctx, p.role, fb)}</p>` : ''}
  ${department ? html`<p>${ctx.t('contacts.in_department')} <a href="/o/${org.slug}/contacts/${department.slug}">${inLang(ctx, department.name, fb)}</a></p>` : ''}
  ${contactDetails(ctx, p, org)}
  ${(p.bookable ?? []).map((s) => html`<p><a href="/o/${org.slug}/s/${s.slug}">${ctx.t('contacts.person.book', { service: shown(s.name, ctx.lang, fb).value })}</a></p>`)}
</li>`;
}

/** A department in the directory: its name (linking to its page), contact details and published people. */
function departmentEntry(
  ctx: Ctx,
  org: Organisation,
  e: TreeEntry,
  people: readonly Person[],
): Html {
  const d = e.department;
  const fb = org.defaultLanguage;
  const mine = people.filter((p) => p.departmentId === d.id);
  const level = Math.min(e.depth, 3);
  return html`<li class="card department depth-${level}">
  <h2><a href="/o/${org.slug}/contacts/${d.slug}">${inLang(ctx, d.name, fb)}</a></h2>
  ${contactDetails(ctx, d, org)}
  ${mine.length ? html`<ul class="people" aria-label="${ctx.t('contacts.people')}">${mine.map((p) => personCard(ctx, org, p))}</ul>` : ''}
</li>`;
}

function searchForm(ctx: Ctx, base: string, q: string): Html {
  const { t } = ctx;
  return html`<form method="get" action="${base}" role="search" class="stack">
  <div><label for="q">${t('contacts.search.label')}</label> <span class="hint" id="q-hint">${t('contacts.search.hint')}</span>
  <input type="search" id="q" name="q" value="${q}" maxlength="200" aria-describedby="q-hint"></div>
  <div><button type="submit">${t('contacts.search.button')}</button></div>
</form>`;
}

function results(
  ctx: Ctx,
  org: Organisation,
  data: { tree: TreeEntry[]; people: Person[]; q: string },
  found: { departments: Department[]; people: Person[] },
): Html {
  const { t } = ctx;
  const base = `/o/${org.slug}/contacts`;
  const count = found.departments.length + found.people.length;
  const departmentOf = (p: Person) => data.tree.find((e) => e.department.id === p.departmentId);
  return html`<p role="status" id="results">${
    count
      ? t('contacts.search.results', { query: data.q, count })
      : t('contacts.search.none', { query: data.q })
  } <a href="${base}">${t('contacts.search.all')}</a></p>
${
  found.departments.length
    ? html`<h2>${t('contacts.search.departments')}</h2><ul class="cards">${found.departments.map(
        (d) =>
          html`<li class="card"><h3><a href="${base}/${d.slug}">${inLang(ctx, d.name, org.defaultLanguage)}</a></h3>${contactDetails(ctx, d, org)}</li>`,
      )}</ul>`
    : ''
}
${
  found.people.length
    ? html`<h2>${t('contacts.search.people')}</h2><ul class="cards">${found.people.map((p) =>
        personCard(ctx, org, p, departmentOf(p)?.department),
      )}</ul>`
    : ''
}`;
}

/** The directory: every department as a tree with contact details and published people, or a search's result. */
export function directoryPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    tree: TreeEntry[];
    people: Person[];
    results: { departments: Department[]; people: Person[] } | null;
    query: string;
  },
): Page {
  const { t } = ctx;
  const org = data.organisation;
  const name = orgName(ctx, org);
  const base = `/o/${org.slug}/contacts`;
  const q = data.query;
  return {
    title: `${t('contacts.title')} – ${name}`,
    body: html`<p><a href="/o/${org.slug}">${t('contacts.back_to_org', { organisation: name })}</a></p>
<h1>${t('contacts.title')}</h1>
<p class="lead">${t('contacts.lead', { organisation: name })}</p>
${
  data.tree.length === 0
    ? html`<p>${t('contacts.empty')}</p>`
    : html`${searchForm(ctx, base, q)}
${
  data.results
    ? results(ctx, org, { tree: data.tree, people: data.people, q }, data.results)
    : html`<ul class="cards contacts-tree" aria-label="${t('contacts.title')}">${data.tree.map(
        (e) => departmentEntry(ctx, org, e, data.people),
      )}</ul>`
}
<p><a href="${base}.jsonld" type="application/ld+json">${t('contacts.open_data')}</a></p>`
}`,
  };
}

function links(ctx: Ctx, items: { href: string; text: Html }[]): Html {
  return html`<ul>${items.map((i) => html`<li><a href="${i.href}">${i.text}</a></li>`)}</ul>`;
}

/** One department: where it sits, its contact details, people, sections, and what it handles. */
export function departmentPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    department: Department;
    parents: Department[];
    children: Department[];
    people: PublicPerson[];
    services: Service[];
    situations: SituationLink[];
  },
): Page {
  const { t } = ctx;
  const { organisation: org, department: d } = data;
  const fb: Lang = org.defaultLanguage;
  const base = `/o/${org.slug}/contacts`;
  const title = shown(d.name, ctx.lang, fb);
  const description = shown(d.description, ctx.lang, fb);
  return {
    title: `${title.value} – ${orgName(ctx, org)}`,
    body: html`<p><a href="${base}">${t('contacts.department.back', { organisation: orgName(ctx, org) })}</a></p>
<h1${langAttr(ctx, title.lang)}>${title.value}</h1>
${data.parents.length ? html`<p>${t('contacts.department.part_of')}: ${data.parents.map((p, i) => html`${i ? ' › ' : ''}<a href="${base}/${p.slug}">${inLang(ctx, p.name, fb)}</a>`)}</p>` : ''}
${description.value ? html`<p class="lead pre-line"${langAttr(ctx, description.lang)}>${description.value}</p>` : ''}
${contactDetails(ctx, d, org)}
<section aria-labelledby="part-people"><h2 id="part-people">${t('contacts.people')}</h2>
${data.people.length ? html`<ul class="cards">${data.people.map((p) => personCard(ctx, org, p))}</ul>` : html`<p>${t('contacts.no_people')}</p>`}
</section>
${
  data.children.length
    ? html`<section aria-labelledby="part-children"><h2 id="part-children">${t('contacts.department.children')}</h2>${links(
        ctx,
        data.children.map((c) => ({ href: `${base}/${c.slug}`, text: inLang(ctx, c.name, fb) })),
      )}</section>`
    : ''
}
${
  data.situations.length
    ? html`<section aria-labelledby="part-situations"><h2 id="part-situations">${t('contacts.department.situations')}</h2>${links(
        ctx,
        data.situations.map((s) => ({
          href: `/o/${org.slug}/situations/${s.slug}`,
          text: inLang(ctx, s.title, fb),
        })),
      )}</section>`
    : ''
}
${
  data.services.length
    ? html`<section aria-labelledby="part-services"><h2 id="part-services">${t('contacts.department.services')}</h2><p>${t('contacts.department.services_lead')}</p>${links(
        ctx,
        data.services.map((s) => ({
          href: `/o/${org.slug}/s/${s.slug}`,
          text: inLang(ctx, s.name, fb),
        })),
      )}</section>`
    : ''
}`,
  };
}
