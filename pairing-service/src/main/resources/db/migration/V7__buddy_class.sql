-- Buddy classes (友好班集体) between the two schools of a pairing, and how many study-buddy (学伴) pairs they formed.
-- Only class names, grades and counts: no personal data of minors is stored.
CREATE TABLE buddy_class (
    id                 UUID          PRIMARY KEY,
    pairing_id         UUID          NOT NULL REFERENCES pairing (id),
    supporting_class   VARCHAR(100)  NOT NULL,
    supporting_grade   INT           NOT NULL CHECK (supporting_grade BETWEEN 1 AND 12),
    supporting_students INT          NOT NULL CHECK (supporting_students >= 0),
    supported_class    VARCHAR(100)  NOT NULL,
    supported_grade    INT           NOT NULL CHECK (supported_grade BETWEEN 1 AND 12),
    supported_students INT           NOT NULL CHECK (supported_students >= 0),
    study_buddy_pairs  INT           NOT NULL CHECK (study_buddy_pairs >= 0
        AND study_buddy_pairs <= LEAST(supporting_students, supported_students)),
    created_at         TIMESTAMPTZ   NOT NULL,
    created_by         VARCHAR(100)  NOT NULL,
    UNIQUE (pairing_id, supporting_class, supported_class)
);
