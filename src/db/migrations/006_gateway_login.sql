-- The Social Security gateway's login sends the password as upper-case MD5 hex (standards.md §3.4).
-- We never keep MD5: we keep scrypt(MD5-hex), set with the password, and compare that.
ALTER TABLE accounts ADD COLUMN gateway_password_hash text;
