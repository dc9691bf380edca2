-- What came with a submission besides its bytes (a spreadsheet's screening programme).
ALTER TABLE submissions ADD COLUMN meta jsonb;
