-- Tasks say what a paper makes faster (LLM inference, NeRF rendering, MPI, ...),
-- so leaderboards can compare claims about the same workload. The vocabulary is
-- extract's task table (extract/tasks.go); a test checks this seed against it.
-- paper_tasks records who assigned each task: the extractor's are replaced when
-- a paper is re-extracted or its abstract changes, a human's stay.
-- paper_tasks (task_id, paper_id) serves the task filter: the leaderboard walks
-- its value index and probes this one per claim, or reads one task's papers.
-- +goose Up
CREATE TABLE tasks (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    area     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tasks (slug, name, area, position) VALUES
('llm-inference', 'LLM inference and serving', 'ML systems', 1),
('llm-training', 'LLM and large-model training', 'ML systems', 2),
('dnn-training', 'DNN training (general)', 'ML systems', 3),
('dnn-inference', 'DNN inference on edge and accelerators (general)', 'ML systems', 4),
('attention-kernels', 'Attention kernels', 'ML systems', 5),
('tensor-compilers', 'Tensor compilers and GPU kernel generation', 'ML systems', 6),
('dense-gemm', 'Dense matrix multiplication (GEMM)', 'ML systems', 7),
('sparse-linear-algebra', 'Sparse linear algebra and solvers', 'HPC', 8),
('collective-communication', 'Collective communication', 'Networking', 9),
('recommendation', 'Recommendation models', 'ML systems', 10),
('gnn', 'Graph neural networks', 'ML systems', 11),
('diffusion-sampling', 'Diffusion sampling and acceleration', 'ML systems', 12),
('video-generation', 'Video generation', 'ML systems', 13),
('federated-learning', 'Federated learning', 'ML systems', 14),
('serverless', 'Serverless computing', 'ML systems', 15),
('ml-data-loading', 'Training data loading, storage and checkpoint I/O', 'ML systems', 16),
('vector-search', 'Vector search (ANN)', 'Data systems', 17),
('rag', 'Retrieval-augmented generation', 'ML systems', 18),
('mpi', 'MPI', 'HPC', 19),
('molecular-dynamics', 'Molecular dynamics', 'HPC', 20),
('quantum-circuit-simulation', 'Quantum-circuit simulation', 'HPC', 21),
('cfd', 'Computational fluid dynamics', 'HPC', 22),
('climate-weather', 'Climate and weather models', 'HPC', 23),
('plasma-fusion', 'Plasma and fusion simulation', 'HPC', 24),
('astrophysics', 'Astrophysics and cosmology simulation', 'HPC', 25),
('lattice-qcd', 'Lattice QCD', 'HPC', 26),
('linpack', 'HPL / LINPACK', 'HPC', 27),
('fft', 'Fast Fourier transforms', 'HPC', 28),
('scientific-compression', 'Scientific data compression', 'HPC', 29),
('performance-portability', 'Performance portability', 'HPC', 30),
('nerf', 'Neural radiance fields', 'Graphics', 31),
('gaussian-splatting', 'Gaussian splatting', 'Graphics', 32),
('dynamic-scenes', 'Dynamic and 4D scene reconstruction', 'Graphics', 33),
('3d-generation', '3D and 4D content generation', 'Graphics', 34),
('ray-tracing', 'Ray tracing and real-time rendering', 'Graphics', 35),
('object-detection', 'Object detection', 'Vision', 36),
('autonomous-driving', 'Autonomous-driving perception', 'Vision', 37),
('video-analytics', 'Video analytics', 'Vision', 38),
('speech', 'Speech recognition and enhancement', 'Audio', 39),
('slam', 'SLAM and mapping', 'Robotics', 40),
('motion-planning', 'Motion planning', 'Robotics', 41),
('query-processing', 'Query processing and analytics', 'Data systems', 42),
('data-parsing', 'Data parsing (JSON, CSV)', 'Data systems', 43),
('graph-processing', 'Graph processing', 'Data systems', 44),
('datacenter-networking', 'Datacenter networking and transport', 'Networking', 45),
('in-network-computing', 'In-network computing and SmartNICs', 'Networking', 46);

CREATE TABLE paper_tasks (
    paper_id   INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    source     TEXT NOT NULL CHECK (source IN ('extractor', 'human')),
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (paper_id, task_id)
);
CREATE INDEX paper_tasks_task_paper_idx ON paper_tasks (task_id, paper_id);

-- +goose StatementBegin
CREATE TRIGGER tasks_insert_data_version AFTER INSERT ON tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_update_data_version AFTER UPDATE ON tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_delete_data_version AFTER DELETE ON tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_insert_data_version AFTER INSERT ON paper_tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_update_data_version AFTER UPDATE ON paper_tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_delete_data_version AFTER DELETE ON paper_tasks BEGIN
    UPDATE data_version SET version = version + 1, changed_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = 1;
END;
-- +goose StatementEnd

-- Counts kept by triggers, so task pages and task-filtered totals never count
-- a task's claims per view: tasks.papers is the task's paper count, and
-- task_metric_counts the live claims of each metric on the task's papers.
-- Either side can change: a claim is written, moved or retracted (claims),
-- or a paper gains or loses a task (paper_tasks). When a paper is deleted
-- its claims and tasks go in either order, and either order nets to zero.
ALTER TABLE tasks ADD COLUMN papers INTEGER NOT NULL DEFAULT 0;
CREATE TABLE task_metric_counts (
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    metric_id INTEGER NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
    live      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, metric_id)
);

-- +goose StatementBegin
CREATE TRIGGER claims_task_counts_insert AFTER INSERT ON claims WHEN NEW.status NOT IN ('retracted', 'superseded')
BEGIN
    INSERT INTO task_metric_counts (task_id, metric_id, live)
    SELECT task_id, NEW.metric_id, 1 FROM paper_tasks WHERE paper_id = NEW.paper_id
    ON CONFLICT (task_id, metric_id) DO UPDATE SET live = live + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_task_counts_delete AFTER DELETE ON claims WHEN OLD.status NOT IN ('retracted', 'superseded')
BEGIN
    UPDATE task_metric_counts SET live = live - 1
    WHERE metric_id = OLD.metric_id AND task_id IN (SELECT task_id FROM paper_tasks WHERE paper_id = OLD.paper_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER claims_task_counts_update AFTER UPDATE OF status, metric_id, paper_id ON claims
BEGIN
    UPDATE task_metric_counts SET live = live - 1
    WHERE OLD.status NOT IN ('retracted', 'superseded') AND metric_id = OLD.metric_id
      AND task_id IN (SELECT task_id FROM paper_tasks WHERE paper_id = OLD.paper_id);
    INSERT INTO task_metric_counts (task_id, metric_id, live)
    SELECT task_id, NEW.metric_id, 1 FROM paper_tasks WHERE paper_id = NEW.paper_id AND NEW.status NOT IN ('retracted', 'superseded')
    ON CONFLICT (task_id, metric_id) DO UPDATE SET live = live + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_counts_insert AFTER INSERT ON paper_tasks
BEGIN
    UPDATE tasks SET papers = papers + 1 WHERE id = NEW.task_id;
    INSERT INTO task_metric_counts (task_id, metric_id, live)
    SELECT NEW.task_id, metric_id, COUNT(*) FROM claims WHERE paper_id = NEW.paper_id AND status NOT IN ('retracted', 'superseded') GROUP BY metric_id
    ON CONFLICT (task_id, metric_id) DO UPDATE SET live = live + excluded.live;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_counts_delete AFTER DELETE ON paper_tasks
BEGIN
    UPDATE tasks SET papers = papers - 1 WHERE id = OLD.task_id;
    UPDATE task_metric_counts SET live = live - (SELECT COUNT(*) FROM claims c
        WHERE c.paper_id = OLD.paper_id AND c.metric_id = task_metric_counts.metric_id AND c.status NOT IN ('retracted', 'superseded'))
    WHERE task_id = OLD.task_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER paper_tasks_counts_update AFTER UPDATE OF paper_id, task_id ON paper_tasks
BEGIN
    UPDATE tasks SET papers = papers - 1 WHERE id = OLD.task_id;
    UPDATE task_metric_counts SET live = live - (SELECT COUNT(*) FROM claims c
        WHERE c.paper_id = OLD.paper_id AND c.metric_id = task_metric_counts.metric_id AND c.status NOT IN ('retracted', 'superseded'))
    WHERE task_id = OLD.task_id;
    UPDATE tasks SET papers = papers + 1 WHERE id = NEW.task_id;
    INSERT INTO task_metric_counts (task_id, metric_id, live)
    SELECT NEW.task_id, metric_id, COUNT(*) FROM claims WHERE paper_id = NEW.paper_id AND status NOT IN ('retracted', 'superseded') GROUP BY metric_id
    ON CONFLICT (task_id, metric_id) DO UPDATE SET live = live + excluded.live;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER paper_tasks_counts_update;
DROP TRIGGER paper_tasks_counts_delete;
DROP TRIGGER paper_tasks_counts_insert;
DROP TRIGGER claims_task_counts_update;
DROP TRIGGER claims_task_counts_delete;
DROP TRIGGER claims_task_counts_insert;
DROP TABLE task_metric_counts;
DROP TRIGGER tasks_insert_data_version;
DROP TRIGGER tasks_update_data_version;
DROP TRIGGER tasks_delete_data_version;
DROP TRIGGER paper_tasks_insert_data_version;
DROP TRIGGER paper_tasks_update_data_version;
DROP TRIGGER paper_tasks_delete_data_version;
DROP TABLE paper_tasks;
DROP TABLE tasks;
