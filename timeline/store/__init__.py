"""The store: the append-only event log and documents in PostgreSQL, and the projections read from it."""
