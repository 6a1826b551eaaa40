-- Incidents found by the detector (package incident). An incident keeps its
-- id (its platform, region and start) while it grows; every detection pass
-- writes it again with a higher version, so FINAL shows its latest state.
CREATE TABLE IF NOT EXISTS incidents (
    id               String,
    level            Enum8('watch' = 1, 'incident' = 2, 'major' = 3),
    region           String,
    platform         String,
    start            DateTime('UTC'),
    end              DateTime('UTC'),
    open             UInt8,
    peak             UInt64,
    peak_at          DateTime('UTC'),
    expected_at_peak Float64,
    posts            UInt64,
    example_keys     Array(String),
    example_texts    Array(String),
    updated_at       DateTime('UTC'),
    version          UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(start)
ORDER BY (start, id);
