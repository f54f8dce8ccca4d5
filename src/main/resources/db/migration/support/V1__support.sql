create schema if not exists support;

-- Accents should not decide whether an article is found ("echange" finds "Échanger un article").
-- unaccent ships with PostgreSQL's contrib and is a trusted extension; it may already be installed
-- in another schema, so its dictionary is looked up by name below.
create extension if not exists unaccent;

-- One text search configuration per article language: the built-in one, with accents removed
-- before stemming. Both are immutable, so the search column below can be generated.
create text search configuration support.english_unaccented (copy = pg_catalog.english);
create text search configuration support.french_unaccented (copy = pg_catalog.french);

do $$
declare
    dictionary text;
begin
    select quote_ident(n.nspname) || '.' || quote_ident(d.dictname) into dictionary
    from pg_ts_dict d join pg_namespace n on n.oid = d.dictnamespace
    where d.dictname = 'unaccent'
    limit 1;
    execute format('alter text search configuration support.english_unaccented'
                   || ' alter mapping for hword, hword_part, word with %s, english_stem', dictionary);
    execute format('alter text search configuration support.french_unaccented'
                   || ' alter mapping for hword, hword_part, word with %s, french_stem', dictionary);
end
$$;

-- Help-centre articles written by the merchant in Markdown, one row per language. A situation
-- (parcel-delayed, return-window, …) names the article that fits a moment of the customer's
-- journey, so that e-mails and pages can link to it, and ties an article's translations together.
create table support.articles (
    id          uuid primary key,
    slug        text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    language    text not null check (language in ('en', 'fr')),
    topic       text not null check (topic in ('shipping', 'returns', 'refunds', 'exchanges', 'care', 'orders',
                                               'account')),
    title       text not null check (length(title) between 1 and 120),
    body        text not null check (length(body) between 1 and 20000),
    situation   text check (situation ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(situation) <= 40),
    published   boolean not null default false,
    updated_at  timestamptz not null default now(),
    search      tsvector generated always as (
                    setweight(to_tsvector(case language when 'fr' then 'support.french_unaccented'::regconfig
                                                        else 'support.english_unaccented'::regconfig end,
                                          title), 'A')
                    || setweight(to_tsvector(case language when 'fr' then 'support.french_unaccented'::regconfig
                                                           else 'support.english_unaccented'::regconfig end,
                                             body), 'B')) stored,
    unique (language, slug)
);

create unique index articles_situation_idx on support.articles (language, situation) where situation is not null;
create index articles_search_idx on support.articles using gin (search);
create index articles_topic_idx on support.articles (language, topic);
