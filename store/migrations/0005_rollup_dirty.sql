-- Hours whose rollups must be recounted. The store stage marks the hours of
-- a batch here after inserting it and before committing its offsets (a crash
-- in between redelivers the batch, which is inserted and marked again); the
-- rollup refresher recounts marked hours, then marks them done. Versions:
-- a mark is 2*t, its done mark 2*t+1 (t in ns), so a later mark wins over
-- an earlier done mark and the hour is recounted again.
CREATE TABLE IF NOT EXISTS rollup_dirty (
    hour    DateTime('UTC'),
    done    UInt8,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY hour;
