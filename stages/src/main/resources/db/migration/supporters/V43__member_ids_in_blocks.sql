-- The import takes the ids of a chunk's new supporters from the sequence before copying them in. Each
-- session now takes a block of ids at a time instead of one: a million nextval calls cost seconds when
-- each one locked the sequence, and the two partitions' ids no longer interleave, so each appends to its
-- own end of the primary key. Ids stay unique; a session that ends leaves the rest of its block unused.
alter sequence member_id_seq cache 1000;
