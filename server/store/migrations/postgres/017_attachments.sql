-- Up Migration
-- The files a visitor sends with their complaint (photos, PDFs): one row per complaint and
-- content hash. The bytes are kept by the attachment storage under the hash; the row says what
-- they are, decided from the bytes, and an image's dimensions.
CREATE TABLE attachments (
  complaint_id text NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  sha256 text NOT NULL,
  type text NOT NULL,
  size bigint NOT NULL,
  width integer,
  height integer,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, sha256)
);
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- Down Migration
DROP TABLE attachments;
