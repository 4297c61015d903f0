-- Each rectification item (工程整改, duty 11) is tracked as a follow-up to its department; the
-- item keeps the follow-up's number. No foreign key: DuckDB cannot add one to an existing table,
-- and the application writes both rows in one transaction.
alter table rectification_items add column follow_up_no varchar(32);
