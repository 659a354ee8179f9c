"""Errors the service raises; the CLI and the API turn them into messages and HTTP problems."""


class TimelineError(Exception):
    """Base of every error the service reports to a caller as their problem, not ours."""


class InvalidInput(TimelineError):
    """The caller sent something malformed: `field` names what, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(TimelineError):
    pass


class Conflict(TimelineError):
    pass


class ConcurrencyError(Conflict):
    """A stream moved on since the caller read it: the expected version no longer holds."""


class DatabaseUnavailable(TimelineError):
    pass
