-- A phase-1 territory may have several phase-2 successors (issue #13): the succession is now derived
-- from shared communes, and a territory that split (Vosges → three territories) is continued by each
-- part. phase1_territory.successor_code keeps the main one (most communes shared), as before.
CREATE TABLE phase1_successor (
    territory_code VARCHAR(32) NOT NULL REFERENCES phase1_territory (code),
    successor_code VARCHAR(32) NOT NULL CHECK (successor_code ~ '^ti-[0-9A-Za-z-]+$'),
    rank           SMALLINT    NOT NULL CHECK (rank >= 1),
    PRIMARY KEY (territory_code, successor_code),
    UNIQUE (territory_code, rank)
);
CREATE INDEX phase1_successor_successor_idx ON phase1_successor (successor_code);

-- A registry loaded before keeps its links (by name); reset it to load the new ones (README).
INSERT INTO phase1_successor (territory_code, successor_code, rank)
SELECT code, successor_code, 1 FROM phase1_territory WHERE successor_code IS NOT NULL;
