-- The sign-in throttle's counts move from each instance's memory to the database, so that several instances
-- behind a balancer count one guesser's failures together (SignInThrottle, DatabaseSignInCounts). Times are
-- epoch milliseconds of the instance that wrote them, like rate_bucket.
create table sign_in_count (
    throttle_key varchar(200) not null,
    failures     integer      not null,
    last_failure bigint       not null,
    not_before   bigint       not null,
    constraint sign_in_count_pk primary key (throttle_key)
);
create index sign_in_count_last_failure on sign_in_count (last_failure);

-- The last few addresses each user signed in from: the account's wait does not hold them back.
create table sign_in_known (
    username varchar(200) not null,
    address  varchar(200) not null,
    seen_at  bigint       not null,
    constraint sign_in_known_pk primary key (username, address)
);
