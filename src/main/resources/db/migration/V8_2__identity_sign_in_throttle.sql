-- Sign-in no longer locks accounts: repeated failures slow sign-in down per client address and per username,
-- counted in memory (SignInThrottle), so a stranger cannot lock anyone out. The lock-out columns go.
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;
