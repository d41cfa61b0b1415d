import type { Db } from '../../db/db.ts';
import { changes, staffActor } from '../../audit/domain.ts';
import type { AuditService } from '../../audit/service.ts';
import type { StaffPrincipal } from '../../identity/domain.ts';
import { localize } from '../../i18n/i18n.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Organisation } from '../../tenants/domain.ts';
import type { TenantsService } from '../../tenants/service.ts';
import { newsDay, shownOn, type NewsItem } from './domain.ts';
import * as repo from './repo.ts';
import type { NewsInput } from './schema.ts';

/** What the audit log keeps of a news item: its title, languages and days, never its text. */
function auditShape(n: NewsItem | NewsInput) {
  return {
    title: n.title,
    textLanguages: Object.keys(n.body).sort().join(','),
    publishedOn: n.publishedOn,
    shownUntil: n.shownUntil,
  };
}

/**
 * The organisation's news: the public list and items, shown by the organisation's day (domain.ts),
 * and their administration by the organisation's admins. Public reads go through the tenant
 * catalogue first, so an unknown or suspended organisation is refused as everywhere else; every
 * admin use case checks the actor is an admin and touches only rows of the actor's organisation
 * (anything else is 404), and writes its audit entry in the transaction of the change.
 */
export function newsService(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  audit: AuditService;
}) {
  const { db, tenants } = deps;
  const today = (org: Organisation) => newsDay(deps.clock.now(), org.timeZone);

  async function adminContext(actor: StaffPrincipal) {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const { organisation } = await tenants.staffOverview(actor);
    return { organisation, today: today(organisation) };
  }

  async function ownItem(actor: StaffPrincipal, id: string) {
    const context = await adminContext(actor);
    const item = await repo.findNews(db, context.organisation.id, id);
    if (!item) throw new AppError('not_found', 'no such news item');
    return { ...context, item };
  }

  async function formContext(actor: StaffPrincipal, id: string | null) {
    if (id === null) return { ...(await adminContext(actor)), item: undefined };
    return ownItem(actor, id);
  }

  const audited = (
    tx: Db,
    actor: StaffPrincipal,
    org: Organisation,
    action: string,
    id: string,
    detail: Record<string, unknown>,
    title: NewsItem['title'],
  ) =>
    deps.audit.record(tx, {
      organisationId: org.id,
      actor: staffActor(actor),
      action,
      objectType: 'news',
      objectId: id,
      summary: localize(title, org.defaultLanguage, org.defaultLanguage),
      detail,
    });

  return {
    /** The news shown today at an organisation, newest first (all of them, or the first `limit`). */
    async current(orgSlug: string, limit = 100) {
      const view = await tenants.getOrganisation(orgSlug);
      const news = await repo.shownNews(db, view.organisation.id, today(view.organisation), limit);
      return { ...view, news };
    },

    /** The news an organisation shows on the day of `now` (the home page's first few). */
    async shownAt(organisation: Organisation, now: Date, limit: number): Promise<NewsItem[]> {
      return repo.shownNews(db, organisation.id, newsDay(now, organisation.timeZone), limit);
    },

    /** One news item, while it is shown; before its first day and after its last it is not found. */
    async item(orgSlug: string, id: string) {
      const view = await tenants.getOrganisation(orgSlug);
      const item = await repo.findNews(db, view.organisation.id, id);
      if (!item || !shownOn(item, today(view.organisation)))
        throw new AppError('not_found', `news ${id}`);
      return { ...view, item };
    },

    /** The admin's list: every news item of their organisation, shown or not, and today's day. */
    async adminList(actor: StaffPrincipal) {
      const context = await adminContext(actor);
      return { ...context, news: await repo.listNews(db, context.organisation.id) };
    },

    /** A news item of the admin's organisation (undefined for a new one) and today's day. */
    adminForm: formContext,

    /** Creates (id null) or changes a news item of the admin's organisation; its id. */
    async save(actor: StaffPrincipal, id: string | null, input: NewsInput): Promise<string> {
      const { organisation, item: before } = await formContext(actor, id);
      const now = deps.clock.now();
      return db.transaction().execute(async (tx) => {
        if (before) {
          await repo.updateNews(tx, organisation.id, before.id, input, now);
          const detail = changes(auditShape(before), auditShape(input));
          await audited(tx, actor, organisation, 'news.updated', before.id, detail, input.title);
          return before.id;
        }
        const created = await repo.insertNews(tx, organisation.id, input, actor.id, now);
        const detail = auditShape(input);
        await audited(tx, actor, organisation, 'news.created', created, detail, input.title);
        return created;
      });
    },

    /** Deletes a news item of the admin's organisation. */
    async remove(actor: StaffPrincipal, id: string): Promise<void> {
      const { organisation, item } = await ownItem(actor, id);
      await db.transaction().execute(async (tx) => {
        await repo.deleteNews(tx, organisation.id, id);
        await audited(tx, actor, organisation, 'news.deleted', id, auditShape(item), item.title);
      });
    },
  };
}

export type NewsService = ReturnType<typeof newsService>;
