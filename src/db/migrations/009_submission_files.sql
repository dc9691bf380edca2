-- Large spreadsheet uploads (issue 3): the bytes stay in a file in the data folder, fsynced before
-- the 202 answer; `body` is then empty. The worker stores such a file in chunks of rows, each in
-- its own transaction with the checkpoint below, so a worker that dies resumes after the last
-- committed chunk.
ALTER TABLE submissions ADD COLUMN body_path text;

CREATE TABLE submission_progress (
  submission_id uuid PRIMARY KEY REFERENCES submissions,
  -- Record index (0-based, in file order) of the first record not yet stored: the checkpoint.
  next_index int NOT NULL DEFAULT 0,
  accepted int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  review int NOT NULL DEFAULT 0,
  rejected int NOT NULL DEFAULT 0,
  -- Findings about the file as a whole (header, extra sheets), known once reading started.
  file_findings jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now()
);
