import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';

/** SQL of the one-time set-password links (table `invitation`). */

export type InvitationRow = {
  tokenHash: string;
  operatorId: string | null;
  staffId: string | null;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
};

export async function insertInvitation(db: Db, row: Omit<InvitationRow, 'usedAt'>): Promise<void> {
  await db
    .insertInto('invitation')
    .values({
      token_hash: row.tokenHash,
      operator_id: row.operatorId,
      staff_id: row.staffId,
      invited_by: row.invitedBy.slice(0, 200) || '?',
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Ends every live link of an account (a new one is being sent): they expire now. */
export async function expireOpenInvitations(
  db: Db,
  who: { operatorId: string } | { staffId: string },
  now: Date,
): Promise<void> {
  let q = db
    .updateTable('invitation')
    .set({ expires_at: now })
    .where('used_at', 'is', null)
    .where('expires_at', '>', now);
  q =
    'operatorId' in who
      ? q.where('operator_id', '=', who.operatorId)
      : q.where('staff_id', '=', who.staffId);
  await q.execute();
}

export async function findInvitation(
  db: Db,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const row = await db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      tokenHash: row.token_hash,
      operatorId: row.operator_id,
      staffId: row.staff_id,
      invitedBy: row.invited_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
    }
  );
}

/** Marks a live link used; false when it was used, expired or replaced meanwhile (only one use wins). */
export async function useInvitation(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invitation')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** The staff member a link is for, with what the mail and the page say about their organisation. */
export async function staffForInvitation(db: Db, staffId: string) {
  return db
    .selectFrom('staff')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select([
      'staff.id',
      'staff.organisation_id as organisationId',
      'staff.email',
      'staff.display_name as name',
      'staff.role',
      'staff.active',
      'staff.password_hash as passwordHash',
      'organisation.name as organisationName',
      'organisation.default_language as language',
      'organisation.time_zone as timeZone',
    ])
    .where('staff.id', '=', staffId)
    .executeTakeFirst();
}

export async function operatorForInvitation(db: Db, operatorId: string) {
  return db
    .selectFrom('operator')
    .select(['id', 'email', 'active', 'password_hash as passwordHash'])
    .where('id', '=', operatorId)
    .executeTakeFirst();
}

export type NewStaff = {
  organisationId: string;
  email: string;
  name: string;
  role: 'admin' | 'official';
  title?: Localized;
  officeIds?: string[];
  serviceIds?: string[];
};

export async function staffEmailTaken(db: Db, email: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst(),
  );
}

/** Creates a staff account without a password (it is set through the link). */
export async function insertInvitedStaff(db: Db, s: NewStaff): Promise<string> {
  const row = await db
    .insertInto('staff')
    .values({
      organisation_id: s.organisationId,
      email: s.email,
      display_name: s.name,
      title: JSON.stringify(s.title ?? {}),
      role: s.role,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.officeIds?.length)
    await db
      .insertInto('staff_office')
      .values(s.officeIds.map((office_id) => ({ staff_id: row.id, office_id })))
      .execute();
  if (s.serviceIds?.length)
    await db
      .insertInto('service_official')
      .values(s.serviceIds.map((service_id) => ({ staff_id: row.id, service_id })))
      .execute();
  return row.id;
}

export async function setStaffPassword(db: Db, staffId: string, hash: string): Promise<void> {
  await db.updateTable('staff').set({ password_hash: hash }).where('id', '=', staffId).execute();
}

export async function setOperatorPassword(db: Db, operatorId: string, hash: string): Promise<void> {
  await db
    .updateTable('operator')
    .set({ password_hash: hash })
    .where('id', '=', operatorId)
    .execute();
}
