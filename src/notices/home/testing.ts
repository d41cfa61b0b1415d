// The front door's objects for the authorisation sweep (src/http/testing-authz-sweep.ts), in one
// place so the sweep's world stays a list: a victim's department and person (contacts) and news
// item, and the rows of contacts, news and the accessibility statement a swept request must not
// change.
import type { Okence } from '../../boot.ts';
import type { Db } from '../../db/db.ts';
import { contactIds, contactRows } from '../contacts/testing.ts';
import { noticeRows, seedNoticeObjects } from '../testing.ts';

/**
 * A victim's front-door objects: its department and published person, a news item shown since
 * before the sweep's day and a notice with its PDF, named by their titles (the markers).
 */
export async function seedFrontDoorObjects(
  okence: Okence,
  organisationId: string,
  now: Date,
  label: string,
) {
  const db = okence.handle.db;
  const title = `victim news ${label}`;
  const news = await db
    .insertInto('organisation_news')
    .values({
      organisation_id: organisationId,
      title: JSON.stringify({ sl: title, cs: title, en: title }),
      published_on: '2026-11-01',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notice = await seedNoticeObjects(okence, organisationId, label);
  return {
    ids: { ...(await contactIds(db, organisationId)), news: news.id, ...notice.ids },
    markers: [title, notice.title],
  };
}

/** The organisations' departments and people, news, accessibility statements and notices. */
export async function frontDoorRows(db: Db, organisationIds: string[]) {
  return {
    ...(await contactRows(db, organisationIds)),
    ...(await noticeRows(db, organisationIds)),
    organisation_news: await db
      .selectFrom('organisation_news')
      .selectAll()
      .where('organisation_id', 'in', organisationIds)
      .orderBy('id')
      .execute(),
    accessibility_statements: await db
      .selectFrom('accessibility_statements')
      .selectAll()
      .where('organisation_id', 'in', organisationIds)
      .orderBy('organisation_id')
      .execute(),
  };
}
