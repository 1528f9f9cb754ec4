-- The tally writes a cycle's frozen proxy lists (three million rows for a million members) and its
-- ballot weights in one go. A foreign key checks every row with a trigger, which made that tally take
-- minutes; both tables are written only by the tally, for a cycle it has just read, so the checks
-- bought nothing. The recount reads a cycle's frozen lists by cycle; duplicates a unique key would have
-- refused are refused by the count itself (a proxy named twice), naming the member.
alter table cycle_proxy drop constraint cycle_proxy_cycle_id_fkey;
alter table cycle_proxy drop constraint cycle_proxy_pkey;
create index cycle_proxy_cycle on cycle_proxy (cycle_id);
alter table ballot_weight drop constraint ballot_weight_cycle_id_fkey;
