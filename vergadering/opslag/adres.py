"""Wat ``--db`` aanwijst: een map (de standaard) of een PostgreSQL-database.

Zonder psycopg: dit draait bij elke start, ook als de map gekozen is.
"""

from __future__ import annotations

# Een libpq-verbindingsadres: een URL, of sleutel=waarde met een sleutel die libpq kent
# ('service=wijk', 'host=db.gemeente.nl dbname=vergadering'). Een map die zo heet, is er
# in de praktijk niet; wie hem toch wil, schrijft ./host=... (Zonder re: dit draait bij elke
# start.)
_URL = ("postgresql://", "postgres://")
_SLEUTELS = frozenset({
    "host", "hostaddr", "port", "dbname", "user", "service", "sslmode", "options",
    "connect_timeout", "passfile", "application_name", "target_session_attrs", "sslrootcert",
    "sslcert", "sslkey", "gssencmode", "channel_binding",
})


def is_database(db: str) -> bool:
    """Waar als ``db`` een PostgreSQL-adres is ('postgresql://…', 'postgres://…' of
    libpq-sleutels zoals 'service=wijk'), onwaar voor een map."""
    kaal = db.strip()
    if kaal.lower().startswith(_URL):
        return True
    sleutel, gelijk, _ = kaal.partition("=")
    return bool(gelijk) and sleutel.strip() in _SLEUTELS
