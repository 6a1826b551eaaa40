-- Hashtag rollups: distinct posts per time bucket, hashtag and the rollups'
-- dimensions. A post counts once under each distinct hashtag it carries
-- (lower-cased), so summing over several hashtags can count a post more
-- than once: filter on one hashtag at a time. Recounted like the other
-- rollups (never incremented), read with FINAL and sum(posts).
-- Grains: 15 minutes, 1 hour, 1 day (midnight Paris time).

CREATE TABLE IF NOT EXISTS rollup_hashtags_15m (
    bucket        DateTime('UTC'),
    hashtag       String,
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
ORDER BY (bucket, hashtag, label, region, platform, role, lang, source);

CREATE TABLE IF NOT EXISTS rollup_hashtags_1h (
    bucket        DateTime('UTC'),
    hashtag       String,
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
ORDER BY (bucket, hashtag, label, region, platform, role, lang, source);

CREATE TABLE IF NOT EXISTS rollup_hashtags_1d (
    bucket        DateTime('UTC'),
    hashtag       String,
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
ORDER BY (bucket, hashtag, label, region, platform, role, lang, source);
