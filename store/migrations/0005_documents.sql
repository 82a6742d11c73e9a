-- 0005_documents: an outbox row may carry a file, sent with sendDocument
-- (/export's OPML). text holds its caption (HTML). The bytes are cleared once
-- the row is sent or dropped: the outbox keeps its rows, not their files.
ALTER TABLE outbox ADD COLUMN document      BLOB;
ALTER TABLE outbox ADD COLUMN document_name TEXT NOT NULL DEFAULT ''; -- '' = a text message
