// The routes of the organisation's front door (issue 19; src/front-door.ts builds its services).
import type { FastifyInstance } from 'fastify';
import type { FrontDoor } from '../front-door.ts';
import { noticeBoardPages } from '../notices/public/routes.ts';
import { noticeOpenDataRoutes } from '../notices/open-data/routes.ts';
import { helpRoutes } from '../notices/help/routes.ts';
import { contactsPages } from '../notices/contacts/routes.ts';
import { contactsAdminRoutes } from '../notices/contacts/admin-routes.ts';
import { homeRoutes } from '../notices/home/routes.ts';
import { newsAdminRoutes, newsPages } from '../notices/news/routes.ts';
import { accessibilityRoutes } from '../notices/accessibility/routes.ts';
import { noticeAdminRoutes } from '../notices/admin-routes.ts';

/** Registers the notice board, contacts, news, accessibility statement and help pages. */
export function frontDoorRoutes(frontDoor: FrontDoor) {
  return async (app: FastifyInstance) => {
    await app.register(noticeBoardPages(frontDoor.publicNotices));
    await app.register(noticeOpenDataRoutes(frontDoor.noticeOpenData));
    await app.register(helpRoutes(frontDoor.help));
    // Departments and contacts (decision 051).
    await app.register(contactsPages(frontDoor.contacts));
    await app.register(contactsAdminRoutes(frontDoor.contacts));
    await app.register(homeRoutes(frontDoor.home));
    await app.register(newsPages(frontDoor.news));
    await app.register(newsAdminRoutes(frontDoor.news));
    await app.register(accessibilityRoutes(frontDoor.accessibility));
    await app.register(noticeAdminRoutes(frontDoor.notices));
  };
}
