"""RecoveryDesk: service-recovery budgets for small businesses."""

from recoverydesk._peewee_import import install as _keep_psycopg_out_of_peewee

__version__ = "0.1.0"

_keep_psycopg_out_of_peewee()  # before any module of ours imports peewee
