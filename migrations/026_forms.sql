-- Forms as data (issue 17, decision 033): an organisation's forms and the versions of each one's
-- definition (src/forms/definition.ts). A submission will name the version it was filled in, so a
-- published version never changes and is never deleted; admins edit one draft per form, which
-- becomes the next version when it is published.
CREATE TABLE forms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  created_at timestamptz NOT NULL,
  UNIQUE (organisation_id, slug)
);

CREATE TABLE form_versions (
  form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version BETWEEN 1 AND 1000000),
  -- Checked by checkDefinition before it is written; the limit here is a last line (256 KiB).
  definition jsonb NOT NULL CHECK (
    jsonb_typeof(definition) = 'object' AND octet_length(definition::text) <= 1048576
  ),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  -- Staff rows go only with their organisation, which takes the versions with it: checked at
  -- commit, since within the deletion the staff row may go before the version does.
  published_by uuid REFERENCES staff (id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (form_id, version),
  CHECK ((published_at IS NULL) = (published_by IS NULL))
);
-- One draft per form at most: two admins editing edit the same one.
CREATE UNIQUE INDEX form_versions_one_draft ON form_versions (form_id) WHERE published_at IS NULL;

-- A published version is immutable: no UPDATE, no DELETE, whoever asks. The one exception is the
-- deletion of the form itself (an organisation's deletion cascades to its forms): by the time the
-- cascade reaches a version, its form's row is already gone.
CREATE FUNCTION form_versions_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM forms WHERE id = OLD.form_id) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'version % of form % is published and cannot be changed', OLD.version, OLD.form_id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER form_versions_published_immutable
  BEFORE UPDATE OR DELETE ON form_versions
  FOR EACH ROW EXECUTE FUNCTION form_versions_published_immutable();
