-- Notification (issue 12, accounts in bulk): a sealed e-mail carries a secret (a first-sign-in password) that is
-- never written to the database. The row holds the text with a placeholder; the secret waits in the memory of the
-- instance that wrote it until the dispatcher sends the e-mail (or gives up), and only that instance sends it.
alter table notification add column sealed boolean not null default false;
