-- Office documents with macros are refused unless the organisation accepts them (issue 12):
-- a macro runs code on the official's computer. Off for every organisation until an admin
-- turns it on.
ALTER TABLE folder_policy ADD COLUMN allow_macros boolean NOT NULL DEFAULT false;
