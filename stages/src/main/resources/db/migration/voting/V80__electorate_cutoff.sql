-- The electorate frozen at a round's opening is the confirmed members who had joined by a cut-off (the
-- opening less pp.vote.min-membership-age): kept with the cycle so the ballot page can say it and a
-- retried freeze uses the same one.
alter table cycle add column electorate_cutoff timestamptz;
