-- Reference numbers of submissions (issue 17): each organisation's pattern, and a counter per
-- organisation and year. The counter is moved inside the transaction that stores the
-- submission (submissions/counter.ts), so a number is taken exactly when its submission is
-- stored: unique, and without gaps, since a transaction that fails takes its number back.
ALTER TABLE organisation
  ADD COLUMN reference_pattern text NOT NULL DEFAULT '{year}/{seq:5}'
  CHECK (length(reference_pattern) BETWEEN 1 AND 40);

CREATE TABLE submission_counter (
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  year smallint NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  last integer NOT NULL CHECK (last >= 1),
  PRIMARY KEY (organisation_id, year)
);
