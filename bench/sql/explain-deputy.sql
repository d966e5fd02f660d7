-- EXPLAIN (ANALYZE, BUFFERS) of the main SQL behind the deputy list, review queue, archive and profile,
-- copied from DeputyStore / DutyStore / Grids with real values, the org list expanded to literals as the
-- JDBC driver sends it. Run after generating a dataset:
--   psql -h 127.0.0.1 -U postgres -d renda_bench -v county=3 -v town=4 -v deputy=25 -f bench/sql/explain-deputy.sql
-- (county = countyId, town = firstTownId, deputy = busiestDeputyId from bench/out/<size>.vars)
\pset pager off
select string_agg(id::text, ',') as reach from organisation
 where path like (select path from organisation where id = :county) || '%' \gset
select string_agg(id::text, ',') as townreach from organisation
 where path like (select path from organisation where id = :town) || '%' \gset
\echo reach: :county subtree, town: :town subtree, deputy :deputy

\echo '### 1. /deputies?page=1 : DeputyStore.list + count (county reach)'
explain (analyze, buffers) select d.* from deputy d where d.org_id in (:reach) order by d.name, d.id limit 50 offset 0;
explain (analyze, buffers) select count(*) from deputy d where d.org_id in (:reach);

\echo '### 2. /deputies?level=TOWN&term=18&page=20 : list + count with the seat filter'
explain (analyze, buffers) select d.* from deputy d where d.org_id in (:reach) and exists (select 1 from deputy_mandate m
 where m.deputy_id = d.id and m.level = 'TOWN' and m.term_no = 18) order by d.name, d.id limit 50 offset 950;
explain (analyze, buffers) select count(*) from deputy d where d.org_id in (:reach) and exists (select 1 from deputy_mandate m
 where m.deputy_id = d.id and m.level = 'TOWN' and m.term_no = 18);

\echo '### 3. /deputies?text=王 : name contains'
explain (analyze, buffers) select d.* from deputy d where d.org_id in (:reach) and d.name like '%王%' order by d.name, d.id limit 50 offset 0;

\echo '### 4. /deputies?orgId=<town> : the town subtree'
explain (analyze, buffers) select d.* from deputy d where d.org_id in (:townreach) order by d.name, d.id limit 50 offset 0;

\echo '### list extras: seat labels of a page, deputy groups of the reach'
select string_agg(id::text, ',') as page1 from (select id from deputy d where d.org_id in (:reach)
 order by d.name, d.id limit 50) p \gset
explain (analyze, buffers) select deputy_id, level, term_no, term_start, status, deputy_group from deputy_mandate
 where deputy_id in (:page1) order by deputy_id, term_start desc, level;
explain (analyze, buffers) select distinct deputy_group from deputy_mandate where org_id in (:reach)
 and deputy_group is not null order by deputy_group;

\echo '### 5. /duties/review : DutyStore.queue(50) + queueSize (DutyPages.REVIEW_PAGE)'
explain (analyze, buffers) select r.*, d.name as deputy_name,
   (select count(*) from duty_evidence e where e.record_id = r.id) as evidence_count
 from duty_record r join deputy d on d.id = r.deputy_id
 where r.org_id in (:reach) and r.status = 'SUBMITTED' order by r.occurred_on, r.id limit 50;
explain (analyze, buffers) select count(*) from duty_record where org_id in (:reach) and status = 'SUBMITTED';

\echo '### 6. /deputies/{id}/archive : diary of the term + counts by type (busiest deputy)'
explain (analyze, buffers) select r.*, d.name as deputy_name,
   (select count(*) from duty_evidence e where e.record_id = r.id) as evidence_count
 from duty_record r join deputy d on d.id = r.deputy_id
 where r.deputy_id = :deputy and r.occurred_on between '2021-01-01' and '2026-12-31'
 order by r.occurred_on desc, r.id desc;
explain (analyze, buffers) select type, count(*) from duty_record
 where deputy_id = :deputy and status = 'VERIFIED' and occurred_on between '2021-01-01' and '2026-12-31' group by type;
explain (analyze, buffers) select * from deputy_mandate where deputy_id = :deputy order by term_start desc, level;

\echo '### 7. /deputies/{id} : grids of the home organisation and of the deputy'
explain (analyze, buffers) select g.id, g.org_id, g.name, g.households, g.voters,
   (select count(*) from deputy_grid x where x.grid_id = g.id) as deputies
 from grid g join deputy_grid dg on dg.grid_id = g.id where dg.deputy_id = :deputy order by g.name;
explain (analyze, buffers) select count(*) from deputy_photo where deputy_id = :deputy;
