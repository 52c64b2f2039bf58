-- Components the reference data marks "(nếu có)" are required only in the situation they name; the
-- completeness check at intake does not demand them (V7 added the column with every row required).
UPDATE procedure_document SET required = FALSE, condition_note = 'Nếu có'
 WHERE name LIKE '%(nếu có)%';
