"""RecoveryDesk: service-recovery budgets for small businesses."""

from recoverydesk._peewee_import import import_peewee_without_psycopg

__version__ = "0.1.0"

import_peewee_without_psycopg()  # first, before any module of ours imports peewee
