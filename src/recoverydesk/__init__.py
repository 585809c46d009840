"""RecoveryDesk: service-recovery budgets for small businesses."""

__version__ = "0.1.0"
