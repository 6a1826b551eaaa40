-- Rollups sorted by label first: every chart filters on a label (outages by
-- region, the outage share...), and with the bucket first a month of hourly
-- outages read every label's rows (measured on 10 million posts: 64-116 ms
-- with the bucket first, 16-27 ms with the label first, on 18.16 under
-- load). ReplacingMergeTree keys are the same columns in another order, so
-- counts and versions keep their meaning. Each table is rebuilt beside the
-- old one, swapped in by RENAME and the old one dropped; every step can run
-- again after a crash.

DROP TABLE IF EXISTS rollup_1m_prev;
DROP TABLE IF EXISTS rollup_1m_next;
CREATE TABLE rollup_1m_next (
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
ORDER BY (label, bucket, region, platform, role, lang, source);
INSERT INTO rollup_1m_next SELECT bucket, label, region, platform, role, lang, source, posts, sentiment_sum, version FROM rollup_1m;
RENAME TABLE rollup_1m TO rollup_1m_prev, rollup_1m_next TO rollup_1m;
DROP TABLE rollup_1m_prev;

DROP TABLE IF EXISTS rollup_15m_prev;
DROP TABLE IF EXISTS rollup_15m_next;
CREATE TABLE rollup_15m_next (
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
ORDER BY (label, bucket, region, platform, role, lang, source);
INSERT INTO rollup_15m_next SELECT bucket, label, region, platform, role, lang, source, posts, sentiment_sum, version FROM rollup_15m;
RENAME TABLE rollup_15m TO rollup_15m_prev, rollup_15m_next TO rollup_15m;
DROP TABLE rollup_15m_prev;

DROP TABLE IF EXISTS rollup_1h_prev;
DROP TABLE IF EXISTS rollup_1h_next;
CREATE TABLE rollup_1h_next (
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
ORDER BY (label, bucket, region, platform, role, lang, source);
INSERT INTO rollup_1h_next SELECT bucket, label, region, platform, role, lang, source, posts, sentiment_sum, version FROM rollup_1h;
RENAME TABLE rollup_1h TO rollup_1h_prev, rollup_1h_next TO rollup_1h;
DROP TABLE rollup_1h_prev;

DROP TABLE IF EXISTS rollup_1d_prev;
DROP TABLE IF EXISTS rollup_1d_next;
CREATE TABLE rollup_1d_next (
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
ORDER BY (label, bucket, region, platform, role, lang, source);
INSERT INTO rollup_1d_next SELECT bucket, label, region, platform, role, lang, source, posts, sentiment_sum, version FROM rollup_1d;
RENAME TABLE rollup_1d TO rollup_1d_prev, rollup_1d_next TO rollup_1d;
DROP TABLE rollup_1d_prev;
