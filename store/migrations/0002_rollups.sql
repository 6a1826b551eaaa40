-- Rollups: distinct posts per time bucket and dimensions, one table per
-- grain. They are not fed by materialized views (a view sees insert blocks,
-- so a redelivered or reclassified post would count twice): the store stage
-- recounts the hours a batch touched from posts FINAL, then commits. A
-- recount writes the new counts with a higher version, and a zero row for
-- every key it no longer has, so a post that changed label leaves its old
-- one. Read with FINAL and sum(posts). Day buckets start at midnight Paris time.

CREATE TABLE IF NOT EXISTS rollup_1m (
    bucket        DateTime('UTC'),
    label         Enum8('outage_report' = 1, 'complaint' = 2, 'testimony' = 3, 'other' = 4),
    region        String,
    platform      String,
    role          String,
    lang          String,
    source        String,
    posts         UInt64,
    sentiment_sum Float64,
    version       UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (bucket, label, region, platform, role, lang, source);

CREATE TABLE IF NOT EXISTS rollup_15m (
    bucket        DateTime('UTC'),
    label         Enum8('outage_report' = 1, 'complaint' = 2, 'testimony' = 3, 'other' = 4),
    region        String,
    platform      String,
    role          String,
    lang          String,
    source        String,
    posts         UInt64,
    sentiment_sum Float64,
    version       UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (bucket, label, region, platform, role, lang, source);

CREATE TABLE IF NOT EXISTS rollup_1h (
    bucket        DateTime('UTC'),
    label         Enum8('outage_report' = 1, 'complaint' = 2, 'testimony' = 3, 'other' = 4),
    region        String,
    platform      String,
    role          String,
    lang          String,
    source        String,
    posts         UInt64,
    sentiment_sum Float64,
    version       UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (bucket, label, region, platform, role, lang, source);

CREATE TABLE IF NOT EXISTS rollup_1d (
    bucket        DateTime('UTC'),
    label         Enum8('outage_report' = 1, 'complaint' = 2, 'testimony' = 3, 'other' = 4),
    region        String,
    platform      String,
    role          String,
    lang          String,
    source        String,
    posts         UInt64,
    sentiment_sum Float64,
    version       UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(bucket)
ORDER BY (bucket, label, region, platform, role, lang, source);

-- Coverage: windows during which a live source may have missed posts.
CREATE TABLE IF NOT EXISTS source_gaps (
    source      String,
    gap_start   DateTime('UTC'),
    gap_end     DateTime('UTC'),
    reason      String,
    recorded_at DateTime('UTC')
) ENGINE = ReplacingMergeTree(recorded_at)
PARTITION BY toYYYYMM(gap_start)
ORDER BY (source, gap_start, reason);
