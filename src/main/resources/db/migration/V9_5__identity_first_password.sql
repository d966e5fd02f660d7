-- Identity (issue 12, accounts in bulk): an account created with a generated first-sign-in password must choose its
-- own password before anything else. Set when staff create accounts in bulk or import them; cleared when the user
-- changes the password.
alter table app_user add column must_change_password boolean not null default false;
