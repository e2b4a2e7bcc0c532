-- Kept free for a migration another change brings; it does nothing.
SELECT 1;
