-- Freezing an electorate leaves out members already frozen into another cycle's open voting round (a
-- member who moved groups while that round was open votes once); this index finds them by member.
create index electorate_by_member on electorate (member_id, cycle_id);
