-- Every result an assessor recorded for a request, in order: the first assessment, corrections (with the reason) and
-- re-assessments (复评). The request holds the latest, which recognition and the benefit follow.
CREATE TABLE ltc_assessment (
    id           UUID         PRIMARY KEY,
    request_id   UUID         NOT NULL REFERENCES ltc_request (id),
    kind         VARCHAR(12)  NOT NULL CHECK (kind IN ('ASSESSMENT', 'CORRECTION', 'REASSESSMENT')),
    daily_living INT          NOT NULL,
    cognition    INT          NOT NULL,
    perception   INT          NOT NULL,
    grade        INT          NOT NULL CHECK (grade BETWEEN 0 AND 5),
    reason       VARCHAR(500),
    assessed_by  VARCHAR(100) NOT NULL,
    assessed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ltc_assessment_request_idx ON ltc_assessment (request_id, assessed_at);
INSERT INTO ltc_assessment (id, request_id, kind, daily_living, cognition, perception, grade, assessed_by, assessed_at)
SELECT gen_random_uuid(), id, 'ASSESSMENT', daily_living, cognition, perception, grade, assessed_by, assessed_at
FROM ltc_request WHERE assessed_at IS NOT NULL;
