-- Issue 10: the REST API accepts access tokens from an external account's provider.
-- The client IDs whose tokens the API accepts, separated by spaces; empty: bearer tokens are off for the account.
alter table external_account add column api_client_ids text default '' not null;
-- oidc: the aud a JWT access token must carry, and the optional RFC 7662 introspection endpoint.
alter table external_account add column audience varchar(255);
alter table external_account add column introspection_endpoint varchar(2048);
-- A technical operator: a technical account (client credentials, ...@techacct.adobe.com), created at its first
-- API call with a token.
alter table operator add column technical boolean default false not null;
