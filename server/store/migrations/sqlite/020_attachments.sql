-- The files a visitor sends with their complaint (photos, PDFs): one row per complaint and
-- content hash. The bytes are kept by the attachment storage under the hash; the row says what
-- they are, decided from the bytes, and an image's dimensions.
CREATE TABLE attachments (
  complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL,
  type TEXT NOT NULL,
  size INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  created_at TEXT NOT NULL,
  PRIMARY KEY (complaint_id, sha256)
);
CREATE INDEX attachments_sha256 ON attachments (sha256);
-- Foreign keys are not enforced on this connection: a purged complaint takes its files' rows here.
CREATE TRIGGER attachments_purge AFTER DELETE ON complaints
BEGIN
  DELETE FROM attachments WHERE complaint_id = OLD.id;
END;
