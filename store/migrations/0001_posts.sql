-- posts: one row per (post, classification). The same post delivered twice,
-- or classified again, shares its sorting key (created_at, post_key), so
-- ReplacingMergeTree keeps one row per post: the one with the highest
-- version (the newest classification). Exact counts read it with FINAL.
-- Runs unchanged on ClickHouse 18.16 and current versions.
CREATE TABLE IF NOT EXISTS posts (
    post_key        String,
    id              String,
    source          String,
    created_at      DateTime('UTC'),
    ingested_at     DateTime('UTC'),
    author          String,
    author_name     String,
    author_location String,
    author_bio      String,
    text            String,
    source_lang     String,
    hashtags        Array(String),
    matched         Array(String),
    place           String,
    url             String,
    label           Enum8('outage_report' = 1, 'complaint' = 2, 'testimony' = 3, 'other' = 4),
    score_outage    Float32,
    score_complaint Float32,
    score_testimony Float32,
    score_other     Float32,
    evidence        Array(String),
    platform        String,
    region          String,
    region_source   String,
    lang            String,
    lang_confidence Float32,
    lang_source     String,
    role            String,
    sentiment       Float32,
    classifier      String,
    classified_at   DateTime('UTC'),
    version         UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_at)
ORDER BY (created_at, post_key);
