"""User-facing errors: one line that names the file, row or URL and says what to do."""


class HelderError(Exception):
    """A mistake in the user's input or environment. The CLI prints it as one line, without a traceback."""
