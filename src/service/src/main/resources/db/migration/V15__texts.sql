-- Issue 9 item 8: the holiday calendar's "source" column is shown to users; the reference data (V2,
-- holidays.csv) wrote it in English. Vietnamese, the language of the records, like the day names.
-- Only rows still holding the loaded text change; sources typed by administrators are left alone.
UPDATE calendar_day SET source = 'Bộ luật Lao động 2019, Điều 112' WHERE source = 'Labour Code 2019 art. 112';
UPDATE calendar_day SET source = 'Bộ luật Lao động 2019, khoản 3 Điều 111' WHERE source = 'Labour Code 2019 art. 111 cl. 3';
UPDATE calendar_day SET source = 'Bộ luật Lao động 2019, Điều 112; ngày âm lịch do hệ thống tính' WHERE source = 'Labour Code 2019 art. 112; lunar date computed';
UPDATE calendar_day SET source = 'chưa có lịch nghỉ chính thức' WHERE source = 'official schedule TBD';
UPDATE calendar_day SET source = 'theo âm lịch' WHERE source = 'lunar calendar';
UPDATE calendar_day SET source = 'ngày âm lịch do hệ thống tính' WHERE source = 'lunar calendar computed';
UPDATE calendar_day SET source = 'ngày âm lịch do hệ thống tính' WHERE source = 'lunar date computed';
UPDATE calendar_day SET source = 'ngày âm lịch do hệ thống tính; chưa công bố lịch nghỉ chính thức' WHERE source = 'lunar date computed; official schedule not yet published';
UPDATE calendar_day SET source = 'lịch nghỉ do Chính phủ công bố' WHERE source = 'Government schedule';
UPDATE calendar_day SET source = 'lịch nghỉ do Chính phủ công bố 8/2–14/2/2024' WHERE source = 'Government schedule 8/2-14/2/2024';
UPDATE calendar_day SET source = 'lịch nghỉ 14/2–22/2/2026' WHERE source = 'schedule 14/2-22/2/2026';
UPDATE calendar_day SET source = 'lịch nghỉ 14/2–22/2/2026 (theo báo chí)' WHERE source = 'schedule 14/2-22/2/2026 (news)';
UPDATE calendar_day SET source = 'lịch nghỉ 25/1–2/2/2025' WHERE source = 'schedule 25/1-2/2/2025';
UPDATE calendar_day SET source = 'lịch nghỉ 25/1–2/2/2025 (chưa đối chiếu văn bản)' WHERE source = 'schedule 25/1-2/2/2025 (recollection)';
UPDATE calendar_day SET source = 'lịch nghỉ năm 2024 (chưa đối chiếu văn bản: 31/8–3/9)' WHERE source = '2024 schedule (recollection: 31/8-3/9)';
UPDATE calendar_day SET source = 'lịch nghỉ năm 2025 (chưa đối chiếu văn bản: 30/8–2/9)' WHERE source = '2025 schedule (recollection: 30/8-2/9)';
UPDATE calendar_day SET source = 'hoán đổi ngày làm việc năm 2024 (chưa đối chiếu văn bản)' WHERE source = '2024 swap arrangement (recollection)';
UPDATE calendar_day SET source = 'hoán đổi ngày làm việc năm 2025 (chưa đối chiếu văn bản)' WHERE source = '2025 swap arrangement (recollection)';
UPDATE calendar_day SET source = 'phương án nghỉ năm 2026 chưa xác minh (dự thảo nêu nghỉ 5 ngày)' WHERE source = '2026 arrangement not verified (proposal mentioned a 5-day break)';
UPDATE calendar_day SET source = '5 ngày nghỉ Tết theo luật cùng ngày nghỉ bù; chưa có lịch nghỉ chính thức' WHERE source = '5 statutory Tết days plus compensation; official schedule TBD';
UPDATE calendar_day SET source = 'Chính phủ đồng ý nghỉ 4 ngày 1/1–4/1/2026 (theo báo chí); chưa xác định thứ Bảy làm bù' WHERE source = 'Government agreed 4-day break 1/1-4/1/2026 (news); make-up Saturday not identified';
UPDATE calendar_day SET source = 'ngày liền kề, chọn theo từng năm' WHERE source = 'adjacent day chosen yearly';
