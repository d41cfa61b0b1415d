// How many uploads one person, and one group (a meeting, a form), may have in progress at once
// on an instance. Receiving a body takes no processing slot (a slow client costs a connection
// and a file handle), but each upload in progress is a connection and a spool file: a bound per
// person keeps one participant from opening hundreds, and a bound per group keeps a meeting's
// guests from doing it together. The folder page's script sends one file at a time.

/** Uploads in progress per person and per group, counted on this instance. */
export const UPLOADS_PER_PERSON = 2;
export const UPLOADS_PER_GROUP = 4;

export type UploadGate = {
  /** A place for one upload, and the function that gives it back; null when either bound is reached. */
  enter(groupId: string, personId: string): (() => void) | null;
};

export function uploadGate(
  limits = { perPerson: UPLOADS_PER_PERSON, perGroup: UPLOADS_PER_GROUP },
): UploadGate {
  const counts = new Map<string, number>();
  const add = (key: string, by: number) => {
    const n = (counts.get(key) ?? 0) + by;
    if (n === 0) counts.delete(key);
    else counts.set(key, n);
  };
  return {
    enter(groupId, personId) {
      const group = `group ${groupId}`;
      const person = `person ${groupId} ${personId}`;
      if (
        (counts.get(person) ?? 0) >= limits.perPerson ||
        (counts.get(group) ?? 0) >= limits.perGroup
      )
        return null;
      add(person, 1);
      add(group, 1);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        add(person, -1);
        add(group, -1);
      };
    },
  };
}
