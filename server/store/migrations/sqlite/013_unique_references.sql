-- A reference names one complaint. Complaints that share one keep it on the first received; each
-- other gets a fresh one in the widget's format (HRD- and six of Crockford's base32), and its
-- receipt says so, so a retry is answered with the reference it is now stored under. In the
-- unlikely case a fresh one is itself taken, the index below fails, this migration is undone,
-- and the next start tries again with other fresh ones.
UPDATE complaints
SET reference = 'HRD-' || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 32) + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 32) + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 32) + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 32) + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 32) + 1, 1) || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (abs(random()) % 32) + 1, 1)
WHERE EXISTS (
  SELECT 1 FROM complaints first
  WHERE first.reference = complaints.reference
    AND (first.received_at < complaints.received_at OR (first.received_at = complaints.received_at AND first.id < complaints.id))
);

UPDATE receipts
SET receipt = json_set(receipt, '$.reference', (SELECT c.reference FROM complaints c WHERE c.id = receipts.id))
WHERE kind = 'complaint' AND json_valid(receipt)
  AND EXISTS (SELECT 1 FROM complaints c WHERE c.id = receipts.id AND c.reference IS NOT json_extract(receipts.receipt, '$.reference'));

CREATE UNIQUE INDEX complaints_reference_unique ON complaints (reference);
