-- Up Migration
-- A reference names one complaint. Complaints that share one keep it on the first received; each
-- other gets a fresh one in the widget's format (HRD- and six of Crockford's base32), and its
-- receipt says so, so a retry is answered with the reference it is now stored under. In the
-- unlikely case a fresh one is itself taken, the index below fails, this migration is undone,
-- and the next start tries again with other fresh ones. The unique index is what lets instances
-- storing complaints at the same moment never give one reference to two.
WITH later AS (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY reference ORDER BY received_at, id COLLATE "C") AS n FROM complaints
  ) ranked WHERE n > 1
)
UPDATE complaints c
SET reference = 'HRD-' || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', floor(random() * 32)::int + 1, 1)
FROM later WHERE later.id = c.id;

UPDATE receipts r
SET receipt = (r.receipt::jsonb || jsonb_build_object('reference', c.reference))::json
FROM complaints c
WHERE r.kind = 'complaint' AND c.id = r.id AND r.receipt->>'reference' IS DISTINCT FROM c.reference;

CREATE UNIQUE INDEX complaints_reference_unique ON complaints (reference);

-- Down Migration
DROP INDEX complaints_reference_unique;
