-- D = 2025-05-20. The allocations fall in every class of kpi_fee_collected (paid_by: in the
-- statement's month, later in its quarter, later in its year, in a later year) and of
-- kpi_fee_recovered (k_class: the statement counts in opening arrears from before the year,
-- the quarter or only the month of the allocation), and after D: in D's month (A1, M1, M2) and in
-- the month after (M1). M2 is issued after D (does not exist; neither does its allocation).
insert into statements (statement_no, unit_code, period, amount, issued_on, due_on) values
    ('N1', 'U1', '2024-11', 100.00, '2024-11-01', '2024-11-30'),
    ('N2', 'U1', '2024-12', 100.00, '2024-12-01', '2024-12-31'),
    ('J1', 'U1', '2025-01', 100.00, '2025-01-01', '2025-01-31'),
    ('F1', 'U2', '2025-02', 100.00, '2025-02-01', '2025-02-28'),
    ('A1', 'U2', '2025-04', 100.00, '2025-04-01', '2025-04-10'),
    ('M1', 'U3', '2025-05', 100.00, '2025-05-01', '2025-05-31'),
    ('M2', 'U3', '2025-05', 50.00, '2025-05-25', '2025-05-31');
insert into payments (payment_no, unit_code, paid_on, amount, statement_no) values
    ('P1', 'U1', '2024-11-15', 30.00, null),
    ('P2', 'U1', '2025-01-20', 100.00, null),
    ('P3', 'U1', '2025-02-10', 70.00, null),
    ('P4', 'U1', '2025-03-05', 40.00, null),
    ('P5', 'U1', '2025-04-15', 60.00, null),
    ('P6', 'U2', '2025-05-10', 50.00, null),
    ('P7', 'U2', '2025-05-20', 100.00, null),
    ('P8', 'U2', '2025-05-25', 50.00, null),
    ('P9', 'U3', '2025-05-21', 20.00, null),
    ('P10', 'U3', '2025-05-26', 50.00, null),
    ('P11', 'U3', '2025-06-05', 30.00, null);
insert into payment_allocations (unit_code, statement_no, payment_no, allocated_on, amount) values
    ('U1', 'N1', 'P1', '2024-11-15', 30.00),
    ('U1', 'N2', 'P2', '2025-01-20', 100.00),
    ('U1', 'N1', 'P3', '2025-02-10', 70.00),
    ('U1', 'J1', 'P4', '2025-03-05', 40.00),
    ('U1', 'J1', 'P5', '2025-04-15', 60.00),
    ('U2', 'A1', 'P6', '2025-05-10', 50.00),
    ('U2', 'F1', 'P7', '2025-05-20', 100.00),
    ('U2', 'A1', 'P8', '2025-05-25', 50.00),
    ('U3', 'M1', 'P9', '2025-05-21', 20.00),
    ('U3', 'M2', 'P10', '2025-05-26', 50.00),
    ('U3', 'M1', 'P11', '2025-06-05', 30.00);
