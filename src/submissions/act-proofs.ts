// SQL of the proofs that a submission's act was authorised by a fresh eID sign-in (migration 036,
// decision 042): stored in the submission's transaction, read for its receipt.
import type { Db } from '../db/db.ts';
import type { ActProof } from '../eid/act.ts';

/** Keeps the proof with the submission; a second use of the same answer breaks a unique key. */
export async function insertActProof(
  tx: Db,
  submissionId: string,
  proof: ActProof & { authnInstant: Date },
  at: Date,
): Promise<void> {
  await tx
    .insertInto('submission_act_authorisations')
    .values({
      submission_id: submissionId,
      method: proof.method,
      provider_id: proof.providerId,
      protocol: proof.protocol,
      authn_instant: proof.authnInstant,
      response_id: proof.responseId,
      loa: proof.loa === 'high' ? 'high' : 'substantial',
      response_sha256: proof.responseSha256,
      authorised_at: at,
    })
    .execute();
}

/** Whether a submission already holds this answer as its proof (by its id or its hash). */
export async function actProofUsed(db: Db, proof: ActProof): Promise<boolean> {
  const row = await db
    .selectFrom('submission_act_authorisations')
    .select('submission_id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('provider_id', '=', proof.providerId),
          eb('response_id', '=', proof.responseId),
        ]),
        eb('response_sha256', '=', proof.responseSha256),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** A submission's proof, for its receipt and the API; undefined when its act needed none. */
export async function actProofOf(db: Db, submissionId: string) {
  return db
    .selectFrom('submission_act_authorisations')
    .select(['provider_id', 'protocol', 'authn_instant', 'response_id', 'loa', 'response_sha256'])
    .select('authorised_at')
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
}
