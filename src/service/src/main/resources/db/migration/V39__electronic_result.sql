-- Issue 15 §2: which procedures issue their result electronically as well (true unless an administrator turns it
-- off for a procedure whose result is not a document), and the return record's pointer to the electronic result
-- handed over with the paper one.
ALTER TABLE procedure ADD COLUMN electronic_result BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE dossier ADD COLUMN result_file_id BIGINT;
ALTER TABLE dossier ADD CONSTRAINT dossier_result_file FOREIGN KEY (result_file_id) REFERENCES dossier_file (id);
