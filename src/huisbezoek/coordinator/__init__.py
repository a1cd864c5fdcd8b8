"""Use cases of the coordinating organisation: follow-up, coverage, reports, retention,
subject rights and the address list, on a SQLCipher or PostgreSQL coordinator store."""
