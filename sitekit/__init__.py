"""Site build logic as plain, importable Python: no MkDocs imports, so it can be unit-tested
without a site build and reused by another generator. The MkDocs hooks in overrides/hooks/
are thin adapters over these modules."""
