CREATE TABLE ledger_entry (
    id          UUID         PRIMARY KEY,
    region_code VARCHAR(6)   NOT NULL,
    note        VARCHAR(200) NOT NULL
);
CREATE TABLE applied_effect (
    event_id    VARCHAR(100) NOT NULL,
    entry_id    VARCHAR(100) NOT NULL
);
