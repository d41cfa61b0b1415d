-- Life situations (issue 17, decision 035): an organisation's guides to what people need to get
-- done ("I have a dog", "I need a certificate from official records"). Each guide says who it is
-- for, what to prepare, the fees, the deadlines, the legal basis and the responsible department,
-- in the organisation's languages; it names the services one can book about it, its help video
-- when there is one, and the national service register (RPP) codes the organisation gives.
CREATE TABLE life_situation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  title jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object'),
  summary jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(summary) = 'object'),
  -- The guide's parts, each a text per language; what to prepare is one item per line.
  audience jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(audience) = 'object'),
  preparation jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(preparation) = 'object'),
  fees jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(fees) = 'object'),
  deadlines jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(deadlines) = 'object'),
  legal_basis jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(legal_basis) = 'object'),
  department jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(department) = 'object'),
  -- A help video is a file Okence itself serves: a local path, never another origin (no
  -- third-party player, no tracker); its captions likewise (WebVTT).
  video_path text CHECK (video_path ~ '^/[A-Za-z0-9._/-]+$' AND video_path !~ '(//|\.\.)'),
  captions_path text CHECK (captions_path ~ '^/[A-Za-z0-9._/-]+$' AND captions_path !~ '(//|\.\.)'),
  CHECK (captions_path IS NULL OR video_path IS NOT NULL),
  -- National service register codes (Czech RPP: agenda, service or act codes such as A1028, S2036).
  rpp_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(rpp_codes) <= 20),
  -- The forms this situation offers, by their slugs in the form engine (src/forms). Kept as
  -- slugs, not foreign keys: a form is versioned by its own domain and may be published after
  -- the guide that points at it; the guide shows only the ones published (decision 035).
  form_slugs text[] NOT NULL DEFAULT '{}' CHECK (cardinality(form_slugs) <= 20),
  position smallint NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 999),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, slug)
);

-- The services one can book about a situation; a service of another organisation cannot be
-- named (the composite key), and a deleted service leaves its situations.
ALTER TABLE service ADD CONSTRAINT service_id_organisation_key UNIQUE (id, organisation_id);
ALTER TABLE life_situation
  ADD CONSTRAINT life_situation_id_organisation_key UNIQUE (id, organisation_id);
CREATE TABLE life_situation_service (
  situation_id uuid NOT NULL,
  service_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  position smallint NOT NULL DEFAULT 0,
  PRIMARY KEY (situation_id, service_id),
  FOREIGN KEY (situation_id, organisation_id)
    REFERENCES life_situation (id, organisation_id) ON DELETE CASCADE,
  FOREIGN KEY (service_id, organisation_id)
    REFERENCES service (id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX life_situation_service_service_idx ON life_situation_service (service_id);
