-- The bare SQL of the county annual report: every figure of the report in one statement, over the county's
-- subtree (a materialised path prefix) and the year. What the report's figure sources compute, without the
-- application: the benchmark (src/test/java/org/renda/report/CountyReportRun.java) times both.
--   psql -h 127.0.0.1 -U postgres -d renda_report_bench -v county=2 -v year=2026 -f bench/sql/annual-report.sql
-- (the appraisal figures of sealed votes are tallied from the ballots in Java and are not part of it; the bench
-- dataset has no votes, so the report asks only for the closed votes of the year, as here.)
with orgs as (
    select id from organisation
     where path like (select path from organisation where id = :county) || '%'),
y as (
    select make_date(:year, 1, 1) as first_day, make_date(:year, 12, 31) as last_day,
           make_date(:year, 1, 1)::timestamptz as t_from, make_date(:year + 1, 1, 1)::timestamptz as t_to)
select
  (select count(*) from station_activity a, y where a.org_id in (select id from orgs) and a.state = 'HELD'
      and a.held_on between y.first_day and y.last_day)                                          as activities,
  (select count(*) from reception_record r, y where r.org_id in (select id from orgs)
      and r.occurred_on between y.first_day and y.last_day)                                      as receptions,
  (select coalesce(sum(r.visitors), 0) from reception_record r, y where r.org_id in (select id from orgs)
      and r.occurred_on between y.first_day and y.last_day)                                      as voters,
  (select count(*) from reception_item i join reception_record r on r.id = i.record_id, y
    where r.org_id in (select id from orgs) and r.occurred_on between y.first_day and y.last_day) as matters,
  (select count(*) from reception_item i join reception_record r on r.id = i.record_id, y
    where r.org_id in (select id from orgs) and r.occurred_on between y.first_day and y.last_day
      and i.resolved)                                                                             as solved,
  (select count(*) from station s where s.active and s.org_id in (select id from orgs))           as stations,
  (select count(*) from case_item c, y where c.org_id in (select id from orgs)
      and c.created_at >= y.t_from and c.created_at < y.t_to)                                     as cases_received,
  (select count(*) from case_item c, y where c.org_id in (select id from orgs)
      and c.created_at >= y.t_from and c.created_at < y.t_to and c.state = 'CLOSED')              as cases_closed,
  (select count(*) from duty_record d, y where d.org_id in (select id from orgs) and d.status = 'VERIFIED'
      and d.type = 'REPORT_TO_VOTERS' and d.occurred_on between y.first_day and y.last_day)       as reports_to_voters,
  (select count(*) from duty_record d, y where d.org_id in (select id from orgs) and d.status = 'VERIFIED'
      and d.occurred_on between y.first_day and y.last_day)                                       as duties,
  (select count(*) from supervision_subject s where s.org_id in (select id from orgs)
      and s.for_year = :year)                                                                     as topics,
  (select count(*) from supervision_activity a, y where a.org_id in (select id from orgs) and a.state = 'HELD'
      and a.held_on between y.first_day and y.last_day)                                           as supervision_activities,
  (select count(*) from supervision_activity a, y where a.org_id in (select id from orgs) and a.state = 'HELD'
      and a.kind = 'INSPECTION' and a.held_on between y.first_day and y.last_day)                 as inspections,
  (select count(*) from official_report o, y where o.org_id in (select id from orgs)
      and o.state in ('REPORTED', 'VOTED') and o.reported_on between y.first_day and y.last_day)  as official_reports,
  (select count(*) from rectification r left join appraisal_campaign c on c.id = r.campaign_id
    where r.org_id in (select id from orgs) and coalesce(r.for_year, c.for_year) = :year)         as findings,
  (select count(*) from rectification r left join appraisal_campaign c on c.id = r.campaign_id
    where r.org_id in (select id from orgs) and coalesce(r.for_year, c.for_year) = :year
      and r.state = 'ACCEPTED')                                                                   as rectified,
  (select count(*) from meeting m, y where m.org_id in (select id from orgs) and m.state = 'CLOSED'
      and m.kind = 'SESSION' and m.starts_on between y.first_day and y.last_day)                  as sessions,
  (select count(*) from meeting m, y where m.org_id in (select id from orgs) and m.state = 'CLOSED'
      and m.kind = 'PRESIDIUM' and m.starts_on between y.first_day and y.last_day)                as presidium,
  (select count(*) from meeting m, y where m.org_id in (select id from orgs) and m.state = 'CLOSED'
      and m.starts_on between y.first_day and y.last_day)                                         as meetings,
  (select count(*) from appraisal_subject s join appraisal_campaign c on c.id = s.campaign_id
    where c.org_id in (select id from orgs) and c.for_year = :year)                               as appraised,
  (select count(*) from vote v, y where v.org_id in (select id from orgs) and v.state = 'CLOSED'
      and v.closed_at >= y.t_from and v.closed_at < y.t_to)                                       as votes,
  (select count(*) from assessment_result r join assessment_period p on p.id = r.period_id
    where p.org_id in (select id from orgs) and p.for_year = :year and p.kind = 'ANNUAL'
      and p.status in ('SIGNED', 'PUBLISHED', 'FINAL'))                                           as assessed,
  (select coalesce(sum(l.budget_fen), 0) from fund_line l where l.org_id in (select id from orgs)
      and l.fund_year = :year)                                                                    as budget_fen,
  (select coalesce(sum(i.amount_fen), 0) from fund_income i where i.org_id in (select id from orgs)
      and i.fund_year = :year)                                                                    as income_fen,
  (select coalesce(sum(e.amount_fen), 0) from fund_expense e where e.org_id in (select id from orgs)
      and e.fund_year = :year)                                                                    as spent_fen;
