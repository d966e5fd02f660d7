-- An election held at a congress session names the session (the meetings and elections were built side by side).
alter table election add constraint fk_election_meeting foreign key (meeting_id) references meeting (id);
create index ix_election_meeting on election (meeting_id);
