-- Promised payment days and failed bank debits (March 2025; C1: S2, C2: S3).
-- U1: call CA1 on 03-03 promises 03-10, nothing paid: call again from 03-11; called 03-12.
-- U2: CA3 promises 03-10, paid 03-09: no item. U3: CA4 promises 03-10 but CA5 on 03-05
-- promises 03-20 instead (CA4 replaced), nothing paid: CA5 from 03-21, paid 03-24.
insert into collection_actions (action_no, unit_code, action_on, staff_code, method,
        promised_on) values
    ('CA1', 'U1', '2025-03-03', 'S2', 'phone', '2025-03-10'),
    ('CA2', 'U1', '2025-03-12', 'S2', 'phone', null),
    ('CA3', 'U2', '2025-03-03', 'S2', 'phone', '2025-03-10'),
    ('CA4', 'U3', '2025-03-03', 'S2', 'phone', '2025-03-10'),
    ('CA5', 'U3', '2025-03-05', 'S2', 'visit', '2025-03-20');
insert into payments (payment_no, unit_code, paid_on, amount, channel) values
    ('PY1', 'U2', '2025-03-09', 100.00, 'cash'),
    ('PY2', 'U3', '2025-03-24', 100.00, 'cash');
-- Debits: U1 fails on 03-05 (call by 03-07, debit_days 2; the call CA2 comes 03-12, late);
-- U2 fails on 03-05 and the next debit succeeds on 03-06 (no call needed any more).
insert into bank_debit_batches (batch_no, created_on, sent_on, status) values
    ('BB1', '2025-03-01', '2025-03-02', 'settled'), ('BB2', '2025-03-05', '2025-03-05', 'settled');
insert into bank_debit_items (batch_no, unit_code, amount, result, result_on) values
    ('BB1', 'U1', 100.00, 'failed', '2025-03-05'),
    ('BB1', 'U2', 100.00, 'failed', '2025-03-05'),
    ('BB2', 'U2', 100.00, 'success', '2025-03-06');
