-- The language a member reads: their pages and messages are rendered in it. Set from the join page
-- (or the browser's Accept-Language when they join), changed on their home page. English or Spanish.
alter table member add column locale text not null default 'en' check (locale in ('en', 'es'));
-- Those who asked to join in Spanish before this column existed read Spanish.
update member m set locale = 'es'
  where exists (select 1 from join_request j where j.member_id = m.id and j.language = 'es');
