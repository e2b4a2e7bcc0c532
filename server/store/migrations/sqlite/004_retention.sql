-- Retention finds resolved complaints by when they were resolved.
CREATE INDEX complaints_resolved ON complaints (resolved_ms) WHERE status = 'resolved';
CREATE INDEX ratings_complaint_at ON ratings (complaint_id, at);
