-- How often the unit's allocations were replayed (AllocationRepository.replaceCredits): every
-- replay of a unit with a credit row adds one, also when its credit stays as it was (a new row
-- starts at 0). Two transactions replaying one unit at
-- once (two payments saved at the same moment) must conflict so that one runs again with the
-- other's payment in view (base.WriteConflictRetry); DuckDB 2.0 lets an update that leaves the
-- row as it was (set credit = credit) pass without a conflict, a changed counter does not.
alter table unit_credits add column replays bigint default 0;
