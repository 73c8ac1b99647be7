-- The activity ledger: what paired schools actually do together (研学, 实训, 跟岗, 名师讲堂, …).
CREATE TABLE activity (
    id          UUID          PRIMARY KEY,
    pairing_id  UUID          NOT NULL REFERENCES pairing (id),
    kind        VARCHAR(16)   NOT NULL CHECK (kind IN ('STUDY_TRIP', 'TEACHER_TRAINING', 'SHADOWING', 'LECTURE',
                                                      'STUDENT_VISIT', 'LABOR_PRACTICE', 'READING', 'OTHER')),
    mode        VARCHAR(8)    CHECK (mode IN ('ONLINE', 'OFFLINE')),
    start_date  DATE          NOT NULL,
    end_date    DATE          NOT NULL CHECK (end_date >= start_date),
    place       VARCHAR(200),
    students    INT           CHECK (students >= 0),
    teachers    INT           CHECK (teachers >= 0),
    classes     INT           CHECK (classes >= 0),
    summary     VARCHAR(4000),
    created_at  TIMESTAMPTZ   NOT NULL,
    created_by  VARCHAR(100)  NOT NULL
);
CREATE INDEX activity_pairing_idx ON activity (pairing_id, end_date);

CREATE TABLE activity_school (
    activity_id UUID          NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    school_code VARCHAR(10)   NOT NULL,
    PRIMARY KEY (activity_id, school_code)
);

-- When both sides approved: dormancy is measured from here when a pairing has no activity yet.
ALTER TABLE pairing ADD COLUMN activated_at TIMESTAMPTZ;
