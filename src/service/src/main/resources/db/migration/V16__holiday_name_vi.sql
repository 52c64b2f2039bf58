-- The 2024 swap day off was loaded with an English remark in its Vietnamese name (issue 9 item 8).
UPDATE calendar_day SET name = 'Nghỉ hoán đổi trước 30/4 (làm bù thứ Bảy 4/5)'
 WHERE calendar_date = DATE '2024-04-29' AND name LIKE '%swapped with%';
