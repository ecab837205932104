"""Calling Google APIs patiently: retries with exponential backoff and jitter, and one-line errors.

Retried: HTTP 429, every 5xx, a 403 whose reason says a quota or rate limit was hit (quotaExceeded,
rateLimitExceeded, userRateLimitExceeded, RESOURCE_EXHAUSTED...), and dropped connections. Everything else —
above all a 403 because the account may not read the site or property — fails at once: waiting will not help.

Sleeps go through the caller's `sleep` so tests run instantly and can check the delays.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from googleapiclient.errors import HttpError
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential, wait_random

from helder.errors import HelderError

RATE_REASONS = {"quotaexceeded", "ratelimitexceeded", "userratelimitexceeded", "dailylimitexceeded",
                "resource_exhausted", "rate_limit_exceeded"}
PERMISSION_REASONS = {"forbidden", "insufficientpermissions", "permission_denied", "access_token_scope_insufficient"}
PERMISSION_MESSAGES = ("sufficient permission", "does not have permission", "permission denied")

ATTEMPTS = 6          # one call and five retries: roughly 2 + 4 + 8 + 16 + 32 seconds of waiting at most
FIRST_WAIT = 2.0      # seconds before the first retry; it doubles each time
MAX_WAIT = 64.0
JITTER = 1.0          # up to one extra second, so parallel runs do not retry in step


@dataclass
class CallStats:
    requests: int = 0
    retries: int = 0
    waits: list[float] = field(default_factory=list)


def error_reasons(error: HttpError) -> set[str]:
    """The machine-readable reasons in a Google error body, lower-cased: `errors[].reason`,
    `details[].reason` and `status` (both the old Webmasters and the newer google.rpc shapes)."""
    reasons: set[str] = set()
    try:
        body = json.loads(error.content.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return reasons
    if isinstance(body, list) and body:
        body = body[0]
    err = body.get("error") if isinstance(body, dict) else None
    if not isinstance(err, dict):
        return reasons
    for key in ("errors", "details"):
        for item in err.get(key) or []:
            if isinstance(item, dict) and item.get("reason"):
                reasons.add(str(item["reason"]).lower())
    if err.get("status"):
        reasons.add(str(err["status"]).lower())
    return reasons


def error_message(error: HttpError) -> str:
    return " ".join(str(error.reason or "").split())


def is_transient(error: BaseException) -> bool:
    if isinstance(error, HttpError):
        status = int(error.resp.status)
        if status == 429 or status >= 500:
            return True
        return status == 403 and bool(error_reasons(error) & RATE_REASONS)
    return isinstance(error, (ConnectionError, TimeoutError))


def is_permission_error(error: HttpError) -> bool:
    if int(error.resp.status) != 403 or error_reasons(error) & RATE_REASONS:
        return False
    message = error_message(error).lower()
    return bool(error_reasons(error) & PERMISSION_REASONS) or any(m in message for m in PERMISSION_MESSAGES)


def execute(request: Any, *, sleep: Callable[[float], None], stats: CallStats | None = None,
            what: str = "the Google API") -> dict:
    """`request.execute()` with backoff on transient errors. Non-transient HttpErrors are re-raised for the
    caller to explain; running out of retries becomes a one-line HelderError."""
    stats = stats if stats is not None else CallStats()

    def before_sleep(state: RetryCallState) -> None:
        stats.retries += 1
        stats.waits.append(state.upcoming_sleep)

    def attempt() -> dict:
        stats.requests += 1
        return request.execute()

    retrying = Retrying(
        retry=retry_if_exception(is_transient),
        wait=wait_exponential(multiplier=FIRST_WAIT, max=MAX_WAIT) + wait_random(0, JITTER),
        stop=stop_after_attempt(ATTEMPTS),
        sleep=sleep,
        before_sleep=before_sleep,
        reraise=True,
    )
    try:
        return retrying(attempt)
    except HttpError as error:
        if is_transient(error):
            raise HelderError(
                f"{what} still answered HTTP {error.resp.status} ({error_message(error) or 'no message'}) after "
                f"{ATTEMPTS} tries; the quota or the service needs a rest — run the command again later."
            ) from None
        raise
    except (ConnectionError, TimeoutError) as error:
        raise HelderError(f"Could not reach {what} after {ATTEMPTS} tries ({error.__class__.__name__}); "
                          "check the internet connection and run the command again.") from None


def generic_error(error: HttpError, what: str) -> HelderError:
    status = int(error.resp.status)
    hint = {
        400: "check the site, property id, dates and dimension names",
        401: "the credentials were refused — check the key file, or delete the token file and sign in again",
        404: "check the site URL or property id",
    }.get(status, "check the settings and run the command again")
    return HelderError(f"{what} answered HTTP {status}: {error_message(error) or 'no message'} — {hint}.")
