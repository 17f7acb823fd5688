-- Statistics for CommentSearch straight after its backfill (hand-written): until autovacuum has
-- analysed the new table, the planner guesses that any search term is rare and may join a million
-- matches of a common word instead of walking the queue in page order.
ANALYZE "CommentSearch";
