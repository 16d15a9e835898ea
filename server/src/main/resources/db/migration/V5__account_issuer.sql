-- The ID tokens' expected issuer when it differs from the discovery document's (ims-facts.md: Adobe documents
-- the IMS issuer both with and without /ims). Null: take discovery's.
alter table external_account add column issuer varchar(2048);
