-- When a territory was labelled in each phase of the programme (the label date the issue asks for).
CREATE TABLE territory_label (
    territory_code VARCHAR(32) NOT NULL REFERENCES territory (code),
    phase          VARCHAR(9)  NOT NULL CHECK (phase IN ('2019-2022', '2023-2027')),
    labelled_on    DATE        NOT NULL,
    PRIMARY KEY (territory_code, phase)
);

-- Territories labelled before this table existed: their registration date stands for the label date.
INSERT INTO territory_label (territory_code, phase, labelled_on)
SELECT t.code, p.phase, t.created_at::date FROM territory t, unnest(t.phases) AS p(phase)
WHERE t.status <> 'CANDIDATE';
