-- An import of a national list writes a quarter of a million group memberships, and re-assignment to a
-- new plan moves as many. The two foreign keys of group_membership checked each of those rows with a
-- trigger that locks the member's row and the group's row (FOR KEY SHARE): measured on this machine,
-- 245,000 memberships took 8.1 s to copy with the checks and 1.1 s without, more than the rest of what
-- the memberships cost. Members and groups are never deleted, and every writer of group_membership (the
-- import, re-assignment, joining on the web, accepting an invitation) takes both ids from rows it has
-- just read or written in the same transaction, so the checks bought nothing (as for the frozen
-- electorates in V21).
alter table group_membership drop constraint group_membership_member_id_fkey;
alter table group_membership drop constraint group_membership_group_id_fkey;
