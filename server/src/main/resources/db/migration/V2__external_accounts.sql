-- External accounts (identity providers) and the check value of the key that encrypts their secrets.
-- Written once for H2 (in PostgreSQL mode) and PostgreSQL: keep to the SQL both accept.

-- Secrets are stored only as AES-GCM ciphertext ("v1:" + base64 of IV and ciphertext), never in clear.
create table external_account (
    internal_name           varchar(64)   primary key,
    label                   varchar(255),
    account_type            varchar(16)   not null,
    enabled                 boolean       not null default false,
    ims_server              varchar(2048),
    ims_scope               varchar(2048) not null,
    ims_client_id           varchar(255),
    ims_client_secret       text,
    callback_server         varchar(2048),
    ims_organization_id     varchar(255),
    association_mask        varchar(1000),
    mask_ignores_case       boolean       not null,
    server_url              varchar(2048),
    tenant                  varchar(255),
    product_context         varchar(255),
    directory_server        varchar(2048),
    directory_client_id     varchar(255),
    directory_client_secret text,
    groups_claim            varchar(255),
    organization_claim      varchar(255),
    declared_in_file        boolean       not null default false,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    constraint ck_external_account_type check (account_type in ('adobe-ims', 'oidc'))
);

-- One row: a known constant encrypted with the key in use when the first secret key was set up. A start
-- with another key cannot decrypt it and stops, instead of reading garbage or writing with a second key.
create table secret_key_check (
    id          integer      primary key,
    check_value varchar(255) not null,
    created_at  timestamp with time zone not null,
    constraint ck_secret_key_check_single check (id = 1)
);
