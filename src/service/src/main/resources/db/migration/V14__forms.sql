-- Procedure 1.010038 "Tách hộ" (splitting a household in the residence register) had no required
-- documents: dossiers were received with none and the receipt slip printed an empty table. Its dossier
-- is set by the Law on Residence 68/2020/QH14 art. 25 cl. 2 (change-of-residence declaration, form CT01
-- of Circular 55/2021/TT-BCA, with the consent of the household head and the owner of the lawful
-- residence; after a divorce, proof of the divorce and of the continued right to use the residence);
-- art. 25 cl. 3 gives 5 working days, as the catalogue already says. Runs on PostgreSQL and H2.
--
-- Ids: the JPA sequences start at 50 and hand out blocks (V1, case C22), so no generated id is ever
-- below 1; these hand-written rows take negative ids and cannot collide with the sequence. Nothing is
-- added when an administrator has already given the procedure documents (rows with generated ids).
INSERT INTO procedure_document (id, procedure_id, position, name, document_form, quantity, required, condition_note)
SELECT -1010038001, p.id, 1,
       'Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 55/2021/TT-BCA), có ý kiến đồng ý của chủ hộ và chủ sở hữu chỗ ở hợp pháp',
       'ORIGINAL', 1, TRUE, NULL
  FROM procedure p WHERE p.code = '1.010038'
   AND NOT EXISTS (SELECT 1 FROM procedure_document d WHERE d.procedure_id = p.id AND d.id > 0);
INSERT INTO procedure_document (id, procedure_id, position, name, document_form, quantity, required, condition_note)
SELECT -1010038002, p.id, 2, 'Văn bản đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở hợp pháp',
       'ORIGINAL', 1, FALSE, 'Khi ý kiến đồng ý không ghi trên tờ khai CT01 (Luật Cư trú 2020 điều 25 khoản 2 điểm a)'
  FROM procedure p WHERE p.code = '1.010038'
   AND NOT EXISTS (SELECT 1 FROM procedure_document d WHERE d.procedure_id = p.id AND d.id > 0);
INSERT INTO procedure_document (id, procedure_id, position, name, document_form, quantity, required, condition_note)
SELECT -1010038003, p.id, 3, 'Giấy tờ, tài liệu chứng minh việc ly hôn',
       'ANY', 1, FALSE, 'Tách hộ sau ly hôn (Luật Cư trú 2020 điều 25 khoản 1 điểm b, khoản 2 điểm b)'
  FROM procedure p WHERE p.code = '1.010038'
   AND NOT EXISTS (SELECT 1 FROM procedure_document d WHERE d.procedure_id = p.id AND d.id > 0);
INSERT INTO procedure_document (id, procedure_id, position, name, document_form, quantity, required, condition_note)
SELECT -1010038004, p.id, 4, 'Giấy tờ, tài liệu chứng minh việc tiếp tục được sử dụng chỗ ở hợp pháp',
       'ANY', 1, FALSE, 'Tách hộ sau ly hôn (Luật Cư trú 2020 điều 25 khoản 1 điểm b, khoản 2 điểm b)'
  FROM procedure p WHERE p.code = '1.010038'
   AND NOT EXISTS (SELECT 1 FROM procedure_document d WHERE d.procedure_id = p.id AND d.id > 0);
UPDATE procedure
   SET reviewed = TRUE, revision = revision + 1,
       legal_basis = 'Luật Cư trú 2020 điều 25; Thông tư 55/2021/TT-BCA (mẫu CT01)',
       notes = 'Thành phần hồ sơ bổ sung theo Luật Cư trú 2020 điều 25 khoản 2 (migration V14)'
 WHERE code = '1.010038'
   AND EXISTS (SELECT 1 FROM procedure_document d WHERE d.procedure_id = procedure.id AND d.id < 0);
