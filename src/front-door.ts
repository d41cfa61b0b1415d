// The organisation's front door (issue 19): the notice board, departments and contacts, news,
// the accessibility statement and help. Built here from the core services and handed back to the
// composition root (services.ts), which stays a list; its routes are registered by
// http/front-door-routes.ts.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/config.ts';
import type { Db } from './db/db.ts';
import type { Clock } from './lib/clock.ts';
import type { AuditService } from './audit/service.ts';
import type { FileSafety } from './files/service.ts';
import type { TenantsService } from './tenants/service.ts';
import type { SituationsService } from './situations/service.ts';
import { publicNoticeBoard } from './notices/public/service.ts';
import { noticeOpenData } from './notices/open-data/service.ts';
import { helpService } from './notices/help/service.ts';
import { contactsService } from './notices/contacts/service.ts';
import { newsService } from './notices/news/service.ts';
import { accessibilityService } from './notices/accessibility/service.ts';
import { homeService } from './notices/home/service.ts';
import { noticeBoard } from './notices/service.ts';

/** What the front door's services are built from. */
export type FrontDoorDeps = {
  config: Config;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  audit: AuditService;
  files: FileSafety;
  tenants: TenantsService;
  situations: SituationsService;
};

/** The front door's services, one per part. */
export function buildFrontDoor(deps: FrontDoorDeps) {
  const { db, clock, audit, files, config, tenants, situations } = deps;
  const publicNotices = publicNoticeBoard(deps);
  // Departments and contacts (decision 051).
  const contacts = contactsService({
    db,
    clock,
    audit,
    tenants,
    situations,
    publicUrl: deps.config.publicUrl,
  });
  const news = newsService({ db, clock, tenants, audit });
  const accessibility = accessibilityService({ db, clock, tenants, audit });
  const home = homeService({ clock, tenants, news, notices: publicNotices });
  return {
    /** The notice board as citizens and open data see it (latestNotices for the home page). */
    publicNotices,
    noticeOpenData: noticeOpenData({ board: publicNotices, publicUrl: deps.config.publicUrl }),
    /** The citizens' guides, their media and the staff manual (notices/help). */
    help: helpService(),
    /** Departments and contacts: the directory, its open data, and their administration. */
    contacts,
    /** The organisation's news, its accessibility statement and its home page. */
    news,
    accessibility,
    home,
    /** The official notice board, staff side (decision 049). */
    notices: noticeBoard({ db, clock, audit, files, maxFileBytes: config.files.maxFileBytes }),
  };
}

export type FrontDoor = ReturnType<typeof buildFrontDoor>;
